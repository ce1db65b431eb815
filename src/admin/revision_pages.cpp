#include "admin/revision_pages.h"

#include <map>
#include <memory>

#include "admin/article_service.h"
#include "admin/field_checks.h"
#include "base/time_format.h"
#include "content/line_diff.h"

namespace gazette::admin {
namespace {

using content::Article;
using content::Revision;
using http::Response;

constexpr std::string_view kCurrent = "current";

std::string EditorUrl(int64_t id) { return "/admin/articles/" + std::to_string(id) + "/"; }

// The words of one side of a comparison: a revision, or the article as stored now.
struct Words {
  std::string label;
  std::string title;
  std::string dek;
  std::string body_md;
};

// "@@ -3,4 +3,6 @@", as a unified diff heads a hunk.
std::string HunkHeader(const content::DiffHunk& hunk) {
  return "@@ -" + std::to_string(hunk.old_start) + "," + std::to_string(hunk.old_count) + " +" +
         std::to_string(hunk.new_start) + "," + std::to_string(hunk.new_count) + " @@";
}

nlohmann::json FieldDiff(std::string_view name, std::string_view before, std::string_view after) {
  nlohmann::json hunks = nlohmann::json::array();
  for (const content::DiffHunk& hunk : content::DiffHunks(before, after)) {
    nlohmann::json lines = nlohmann::json::array();
    for (const content::DiffLine& line : hunk.lines) {
      const bool added = line.kind == content::DiffKind::kAdded;
      const bool removed = line.kind == content::DiffKind::kRemoved;
      lines.push_back({{"class", added     ? "nr-added"
                                 : removed ? "nr-removed"
                                           : ""},
                       {"sign", added     ? "+"
                                : removed ? "−"
                                          : " "},
                       {"text", line.text}});
    }
    hunks.push_back({{"header", HunkHeader(hunk)}, {"lines", std::move(lines)}});
  }
  const bool same = hunks.empty();
  return {{"name", name}, {"same", same}, {"hunks", std::move(hunks)}};
}

class RevisionPages {
 public:
  explicit RevisionPages(AdminServices& services)
      : services_(services), articles_(services.store, services.clock) {}

  Response History(const AdminRequest& request) {
    auto article = FindArticle(request);
    if (!article) return Missing(request, article.error(), "reading an article");
    auto revisions = services_.store.ListRevisions(article->id);
    if (!revisions) return Failure(request, "listing revisions", revisions.error());
    const bool can_restore = CanEdit(request.user, *article);
    const std::string base = EditorUrl(article->id) + "revisions/";
    const base::Seconds now = services_.clock.Now();
    std::map<int64_t, std::string> names;
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < revisions->size(); ++i) {
      const Revision& revision = (*revisions)[i];
      auto who = EditorName(revision.editor_id, names);
      if (!who) return Failure(request, "reading a user", who.error());
      nlohmann::json row = {{"id", revision.id},
                            {"when", base::FormatRelative(revision.created_at, now)},
                            {"when_iso", base::FormatIso8601(revision.created_at)},
                            {"who", *who},
                            {"status", content::ArticleStatusName(revision.status)},
                            {"revision_title", revision.title},
                            {"current_url", base + "diff?from=" + std::to_string(revision.id) +
                                                "&to=" + std::string(kCurrent)},
                            {"can_restore", can_restore},
                            {"restore_url", base + std::to_string(revision.id) + "/restore"}};
      if (i + 1 < revisions->size()) {
        row["previous_url"] = base + "diff?from=" + std::to_string((*revisions)[i + 1].id) +
                              "&to=" + std::to_string(revision.id);
      }
      rows.push_back(std::move(row));
    }
    nlohmann::json view = {{"article_title", article->title},
                           {"edit_url", EditorUrl(article->id)},
                           {"version", article->version},
                           {"empty", rows.empty()},
                           {"revisions", std::move(rows)}};
    return services_.ui.Page(request, 200, "revisions.tpl", "History", std::move(view));
  }

  Response Diff(const AdminRequest& request) {
    auto article = FindArticle(request);
    if (!article) return Missing(request, article.error(), "reading an article");
    auto from = Side(*article, request.http.QueryParam("from").value_or(""));
    if (!from) return Missing(request, from.error(), "reading a revision");
    auto to = Side(*article, request.http.QueryParam("to").value_or(""));
    if (!to) return Missing(request, to.error(), "reading a revision");
    nlohmann::json fields = nlohmann::json::array();
    fields.push_back(FieldDiff("Title", from->title, to->title));
    fields.push_back(FieldDiff("Dek", from->dek, to->dek));
    fields.push_back(FieldDiff("Body", from->body_md, to->body_md));
    nlohmann::json view = {{"article_title", article->title},
                           {"edit_url", EditorUrl(article->id)},
                           {"history_url", EditorUrl(article->id) + "revisions/"},
                           {"from_label", from->label},
                           {"to_label", to->label},
                           {"fields", std::move(fields)}};
    return services_.ui.Page(request, 200, "revision-diff.tpl", "Changes", std::move(view));
  }

  Response Restore(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    std::optional<int64_t> revision = ParseInteger(request.Param("rev"));
    if (!id || !revision) return NotFound(request);
    auto restored = articles_.RestoreRevision(
        request.user, *id, *revision, ParseInteger(request.form.Value("version")).value_or(0));
    if (restored) return Ui::SeeOther(EditorUrl(*id) + "?notice=restored");
    const base::Error& error = restored.error();
    switch (error.code()) {
      case base::ErrorCode::kNotFound:
        return NotFound(request);
      case base::ErrorCode::kPermissionDenied:
        return services_.ui.Error(
            403,
            "You may not change this article, so you cannot restore its revisions. Nothing "
            "was changed.",
            &request.user);
      case base::ErrorCode::kConflict:
        return services_.ui.Error(409,
                                  "Someone saved the article after you opened its history. "
                                  "Nothing was changed: open the history again and restore from "
                                  "there.",
                                  &request.user);
      case base::ErrorCode::kInvalidArgument:
        return services_.ui.Error(422, Sentence(error.message()), &request.user);
      default:
        return Failure(request, "restoring a revision", error);
    }
  }

 private:
  base::Result<Article> FindArticle(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (!id) return base::NotFoundError("no such article");
    return services_.store.GetArticle(*id);
  }

  // One side of a comparison: "current", or the id of one of the article's revisions.
  base::Result<Words> Side(const Article& article, const std::string& which) {
    if (which == kCurrent) {
      return Words{"the article as saved now", article.title, article.dek, article.body_md};
    }
    std::optional<int64_t> id = ParseInteger(which);
    if (!id) return base::NotFoundError("no such revision");
    auto revision = services_.store.GetRevision(*id);
    if (!revision) return base::Unexpected(revision.error());
    if (revision->article_id != article.id) return base::NotFoundError("no such revision");
    return Words{"revision " + std::to_string(revision->id) + " (" +
                     base::FormatIso8601(revision->created_at) + ", " +
                     std::string(content::ArticleStatusName(revision->status)) + ")",
                 revision->title, revision->dek, revision->body_md};
  }

  // The name of the user who saved a revision, looked up once per page.
  base::Result<std::string> EditorName(std::optional<int64_t> user_id,
                                       std::map<int64_t, std::string>& names) {
    if (!user_id) return std::string("(unknown)");
    if (auto known = names.find(*user_id); known != names.end()) return known->second;
    auto user = services_.store.GetUser(*user_id);
    if (!user && !user.error().IsNotFound()) return base::Unexpected(user.error());
    std::string name = !user                ? "(a removed account)"
                       : user->name.empty() ? user->email
                                            : user->name;
    names[*user_id] = name;
    return name;
  }

  Response NotFound(const AdminRequest& request) {
    return services_.ui.Error(404, "There is no such article or revision.", &request.user);
  }

  Response Missing(const AdminRequest& request, const base::Error& error, std::string_view what) {
    if (error.IsNotFound()) return NotFound(request);
    return Failure(request, what, error);
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  AdminServices& services_;
  ArticleService articles_;
};

}  // namespace

void RegisterRevisionPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<RevisionPages>(services);
  const content::Role role = content::Role::kContributor;
  routes.Page(http::Method::kGet, "/admin/articles/{id}/revisions/", role,
              [pages](const AdminRequest& request) { return pages->History(request); });
  routes.Page(http::Method::kGet, "/admin/articles/{id}/revisions/diff", role,
              [pages](const AdminRequest& request) { return pages->Diff(request); });
  routes.Page(http::Method::kPost, "/admin/articles/{id}/revisions/{rev}/restore", role,
              [pages](const AdminRequest& request) { return pages->Restore(request); });
}

}  // namespace gazette::admin
