#include "admin/article_pages.h"

#include <algorithm>
#include <memory>

#include "admin/article_draft_internal.h"
#include "admin/article_editor_view.h"
#include "admin/article_list_page.h"
#include "admin/article_service.h"
#include "admin/field_checks.h"
#include "admin/revision_pages.h"
#include "base/log.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::Article;
using http::Method;
using http::Response;

std::string EditorUrl(int64_t id) { return "/admin/articles/" + std::to_string(id) + "/"; }

std::string_view NoticeFor(WorkflowAction action) {
  switch (action) {
    case WorkflowAction::kSubmit:
      return "submitted";
    case WorkflowAction::kReturnToDraft:
      return "returned";
    case WorkflowAction::kPublish:
      return "published";
    case WorkflowAction::kSchedule:
      return "scheduled";
    case WorkflowAction::kUnpublish:
      return "unpublished";
    case WorkflowAction::kArchive:
      return "archived";
  }
  return "saved";
}

Response Json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = body.dump();
  return response;
}

constexpr std::string_view kNotAllowed =
    "Your role does not allow this on this article. Nothing was changed.";

class ArticlePages {
 public:
  explicit ArticlePages(AdminServices& services)
      : services_(services), articles_(services.store, services.clock) {}

  Response New(const AdminRequest& request) {
    const EditorInput input;
    return Editor(request, 200, nullptr, input);
  }

  Response Create(const AdminRequest& request) {
    const EditorInput input = ReadEditorInput(request.form);
    auto saved = articles_.Create(request.user, input.draft);
    if (!saved) return Failure(request, "creating an article", saved.error());
    if (!saved->article) return Editor(request, 422, nullptr, input, saved->errors);
    return Ui::SeeOther(EditorUrl(saved->article->id) + "?notice=created");
  }

  Response Edit(const AdminRequest& request) {
    auto article = Find(request);
    if (!article) return Missing(request, article.error());
    auto input = InputOf(services_.store, *article);
    if (!input) return Failure(request, "reading an article", input.error());
    return Editor(request, 200, &*article, *input);
  }

  Response Save(const AdminRequest& request) {
    auto article = Find(request);
    if (!article) return Missing(request, article.error());
    EditorInput input = ReadEditorInput(request.form);
    auto saved = articles_.Update(request.user, article->id, input.version, input.draft);
    if (!saved) return SaveRefused(request, std::move(input), saved.error());
    if (!saved->article) return Editor(request, 422, &*article, input, saved->errors);
    return Ui::SeeOther(EditorUrl(article->id) + "?notice=saved");
  }

  Response Autosave(const AdminRequest& request) {
    auto article = Find(request);
    if (!article) {
      if (article.error().IsNotFound()) return ApiError(404, "there is no such article");
      return ApiFailure("reading an article", article.error());
    }
    if (!CanEdit(request.user, *article)) return ApiError(403, "you may not edit this article");
    if (article->status != content::ArticleStatus::kDraft) {
      return ApiError(409, "only drafts are saved automatically; use Save");
    }
    const EditorInput input = ReadEditorInput(request.form);
    auto saved = articles_.Update(request.user, article->id, input.version, input.draft);
    if (!saved) {
      switch (saved.error().code()) {
        case base::ErrorCode::kConflict:
          return ApiError(409,
                          "someone else saved this article since you opened it; copy your text, "
                          "then reload the page");
        case base::ErrorCode::kPermissionDenied:
          return ApiError(403, "you may not edit this article");
        case base::ErrorCode::kNotFound:
          return ApiError(404, "there is no such article");
        default:
          return ApiFailure("autosaving an article", saved.error());
      }
    }
    if (!saved->article) {
      nlohmann::json errors = nlohmann::json::array();
      for (const auto& [field, message] : saved->errors) {
        errors.push_back({{"field", field}, {"message", message}, {"status", 422}});
      }
      return Json(422, {{"errors", std::move(errors)}});
    }
    return Json(200, {{"version", saved->article->version}});
  }

  Response Preview(const AdminRequest& request) {
    auto article = Find(request);
    if (!article) return Missing(request, article.error());
    if (!services_.config.render_preview) {
      return services_.ui.Error(503, "Previews are not available on this server.", &request.user);
    }
    const EditorInput input = ReadEditorInput(request.form);
    auto checked = CheckDraft(services_.store, request.user, input.draft, &*article);
    if (!checked) return Failure(request, "previewing an article", checked.error());
    return Response::Html(200, services_.config.render_preview(Unsaved(*article, *checked)));
  }

  Response Act(const AdminRequest& request, WorkflowAction action) {
    auto article = Find(request);
    if (!article) return Missing(request, article.error());
    const std::vector<WorkflowAction> allowed = AllowedActions(request.user, *article);
    const bool may = std::find(allowed.begin(), allowed.end(), action) != allowed.end();
    // The editor's buttons send its fields; a bare form (or script) sends only the version.
    std::optional<EditorInput> input;
    if (request.form.Get("title")) input = ReadEditorInput(request.form);
    int64_t version =
        input ? input->version : ParseInteger(request.form.Value("version")).value_or(0);
    std::optional<base::Seconds> at;
    if (may && action == WorkflowAction::kSchedule) {
      const std::string at_text = input ? input->at : Trimmed(request.form.Value("at"));
      std::string problem = ScheduleProblem(at_text);
      if (!problem.empty()) {
        auto shown = input ? base::Result<EditorInput>(*input) : InputOf(services_.store, *article);
        if (!shown) return Failure(request, "reading an article", shown.error());
        shown->at = at_text;
        return Editor(request, 422, &*article, *shown, {{"at", problem}});
      }
      at = base::ParseIso8601(at_text).value();
    }
    if (may && input) {
      auto saved = articles_.Update(request.user, article->id, version, input->draft);
      if (!saved) return SaveRefused(request, std::move(*input), saved.error());
      if (!saved->article) return Editor(request, 422, &*article, *input, saved->errors);
      version = saved->article->version;
    }
    auto moved = articles_.Transition(request.user, article->id, version, action, at);
    if (moved) {
      return Ui::SeeOther(EditorUrl(article->id) + "?notice=" + std::string(NoticeFor(action)));
    }
    switch (moved.error().code()) {
      case base::ErrorCode::kPermissionDenied:
        return services_.ui.Error(403, kNotAllowed, &request.user);
      case base::ErrorCode::kInvalidArgument:
        return services_.ui.Error(409, Sentence(moved.error().message()) + " Nothing was changed.",
                                  &request.user);
      case base::ErrorCode::kConflict:
        if (input) return SaveRefused(request, std::move(*input), moved.error());
        return services_.ui.Error(409,
                                  "Someone saved this article after you opened it. Nothing was "
                                  "changed: reload it and try again.",
                                  &request.user);
      default:
        return Missing(request, moved.error());
    }
  }

 private:
  base::Result<Article> Find(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (!id) return base::NotFoundError("no such article");
    return services_.store.GetArticle(*id);
  }

  // Why `text` is no time to schedule for, or "".
  std::string ScheduleProblem(const std::string& text) const {
    if (text.empty()) return "Choose the date and time (UTC) to publish it.";
    auto at = base::ParseIso8601(text);
    if (!at) return "Enter a date and time such as 2026-12-01T09:30 (UTC).";
    const base::Seconds now = services_.clock.Now();
    if (*at <= now) {
      return "Choose a time in the future: it is now " +
             base::FormatIso8601(now).substr(0, 16).replace(10, 1, " ") + " UTC.";
    }
    return "";
  }

  // The stored article with the submitted fields in place of its own, where they make sense:
  // a field with an error keeps the stored value, and tags not yet made are left out.
  static Article Unsaved(const Article& stored, const CheckedDraft& checked) {
    const FieldErrors& errors = checked.errors;
    const Article& fields = checked.fields;
    Article shown = stored;
    shown.title = fields.title;
    shown.dek = fields.dek;
    shown.body_md = fields.body_md;
    shown.body_html = fields.body_html;
    shown.word_count = fields.word_count;
    if (!errors.contains("slug")) shown.slug = fields.slug;
    if (!errors.contains("section_slug")) shown.section_id = fields.section_id;
    if (!errors.contains("author_ids") && !fields.author_ids.empty()) {
      shown.author_ids = fields.author_ids;
    }
    if (!errors.contains("tags")) {
      shown.tag_ids.clear();
      for (const content::Tag& tag : checked.tags) {
        if (tag.id != 0) shown.tag_ids.push_back(tag.id);
      }
    }
    if (!errors.contains("partner_id") && !errors.contains("original_url")) {
      shown.partner_id = fields.partner_id;
      shown.original_url = fields.original_url;
    }
    if (!errors.contains("lead_image_id") && !errors.contains("lead_image_alt")) {
      shown.lead_image_id = fields.lead_image_id;
      shown.lead_image_alt = fields.lead_image_alt;
    }
    return shown;
  }

  // The editor page for `article` (nullptr: a new one) showing `input`.
  Response Editor(const AdminRequest& request, int status, const Article* article,
                  const EditorInput& input, FieldErrors errors = {}, std::string conflict = {}) {
    EditorState state{.article = article,
                      .input = &input,
                      .errors = std::move(errors),
                      .conflict = std::move(conflict),
                      .editable = article == nullptr || CanEdit(request.user, *article),
                      .now = services_.clock.Now()};
    if (article) state.actions = AllowedActions(request.user, *article);
    auto view = EditorView(services_.store, state);
    if (!view) return Failure(request, "showing the editor", view.error());
    std::string title =
        article ? (article->title.empty() ? "(untitled)" : article->title) : "New article";
    return services_.ui.Page(request, status, "article-edit.tpl", title, std::move(*view));
  }

  // The answer to a save refused by ArticleService. After a conflict the editor shows the
  // user's text again with the latest version, so that saving once more is a deliberate choice
  // to replace the other person's changes.
  Response SaveRefused(const AdminRequest& request, EditorInput input, const base::Error& error) {
    switch (error.code()) {
      case base::ErrorCode::kPermissionDenied:
        return services_.ui.Error(
            403, "You may not change this article in its present status. Nothing was changed.",
            &request.user);
      case base::ErrorCode::kConflict: {
        auto latest = Find(request);
        if (!latest) return Missing(request, latest.error());
        input.version = latest->version;
        return Editor(request, 409, &*latest, input, {},
                      "Not saved: someone else saved this article after you opened it. Your text "
                      "is kept below. Compare it with theirs; saving this form again replaces "
                      "their changes with yours.");
      }
      default:
        return Missing(request, error);
    }
  }

  Response Missing(const AdminRequest& request, const base::Error& error) {
    if (error.IsNotFound()) {
      return services_.ui.Error(404, "There is no such article. It may have been removed.",
                                &request.user);
    }
    return Failure(request, "reading an article", error);
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  static Response ApiFailure(std::string_view what, const base::Error& error) {
    base::LogError("newsroom: " + std::string(what) + ": " + error.ToString());
    if (error.code() == base::ErrorCode::kUnavailable) {
      return ApiError(503, "the database cannot be reached just now");
    }
    return ApiError(500, "something went wrong on the server");
  }

  AdminServices& services_;
  ArticleService articles_;
};

}  // namespace

void RegisterArticlePages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<ArticlePages>(services);
  const content::Role anyone = content::Role::kContributor;
  RegisterArticleList(routes, services);
  routes.Page(Method::kGet, "/admin/articles/new", anyone,
              [pages](const AdminRequest& request) { return pages->New(request); });
  routes.Page(Method::kPost, "/admin/articles/", anyone,
              [pages](const AdminRequest& request) { return pages->Create(request); });
  routes.Page(Method::kGet, "/admin/articles/{id}/", anyone,
              [pages](const AdminRequest& request) { return pages->Edit(request); });
  routes.Page(Method::kPost, "/admin/articles/{id}/", anyone,
              [pages](const AdminRequest& request) { return pages->Save(request); });
  routes.Page(Method::kPost, "/admin/articles/{id}/autosave", anyone,
              [pages](const AdminRequest& request) { return pages->Autosave(request); });
  routes.Page(Method::kPost, "/admin/articles/{id}/preview", anyone,
              [pages](const AdminRequest& request) { return pages->Preview(request); });
  // Contributors may ask for review and withdraw; the rest is for editors, checked here first
  // and by ArticleService again for each article.
  for (WorkflowAction action :
       {WorkflowAction::kSubmit, WorkflowAction::kReturnToDraft, WorkflowAction::kPublish,
        WorkflowAction::kSchedule, WorkflowAction::kUnpublish, WorkflowAction::kArchive}) {
    const bool writers_may =
        action == WorkflowAction::kSubmit || action == WorkflowAction::kReturnToDraft;
    routes.Page(
        Method::kPost, "/admin/articles/{id}/" + std::string(WorkflowActionName(action)),
        writers_may ? anyone : content::Role::kEditor,
        [pages, action](const AdminRequest& request) { return pages->Act(request, action); });
  }
  RegisterRevisionPages(routes, services);
}

}  // namespace gazette::admin
