#include "admin/article_editor_view.h"

#include <algorithm>

#include "admin/article_draft_internal.h"
#include "admin/field_checks.h"
#include "base/time_format.h"
#include "media/srcset.h"

namespace gazette::admin {
namespace {

using content::Article;
using content::ArticleStatus;

// How many of the newest images the editor offers as lead images.
constexpr int kImageChoices = 12;

std::string EditorUrl(int64_t id) { return "/admin/articles/" + std::to_string(id) + "/"; }

// "2026-12-01T09:30:05": what a datetime-local input with step="1" holds for `t`, in UTC.
std::string LocalInputTime(base::Seconds t) { return base::FormatIso8601(t).substr(0, 19); }

std::optional<int64_t> OptionalId(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return ParseInteger(text).value_or(0);
}

std::string WithUnixLineEnds(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::vector<std::string> SplitTags(std::string_view text) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    tags.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return tags;
}

struct ActionButton {
  WorkflowAction action;
  std::string_view label;
  std::string_view confirm;  // "" for none
  bool danger;
};

constexpr ActionButton kButtons[] = {
    {WorkflowAction::kSubmit, "Submit for review", "", false},
    {WorkflowAction::kReturnToDraft, "Return to draft", "", false},
    {WorkflowAction::kPublish, "Publish now", "Publish this article now? Readers see it at once.",
     false},
    {WorkflowAction::kUnpublish, "Unpublish", "Take this article off the site?", true},
    {WorkflowAction::kArchive, "Archive", "Archive this article? It leaves the site.", true},
};

std::string StatusLine(const Article& article, base::Seconds now) {
  switch (article.status) {
    case ArticleStatus::kPublished:
    case ArticleStatus::kArchived:
      return "published " + base::FormatLongDate(article.published_at);
    case ArticleStatus::kScheduled:
      return "goes live " + LocalInputTime(article.published_at) + " UTC";
    case ArticleStatus::kDraft:
    case ArticleStatus::kReview:
      break;
  }
  return "saved " + base::FormatRelative(article.updated_at, now);
}

// The options of the section select; the article's section's slug in `section_slug`.
nlohmann::json SectionOptions(const std::vector<content::Section>& sections,
                              const std::string& chosen) {
  nlohmann::json options = nlohmann::json::array();
  for (const content::Section& section : sections) {
    options.push_back(
        {{"slug", section.slug}, {"name", section.name}, {"selected", section.slug == chosen}});
  }
  return options;
}

// The authors, those chosen first in byline order, then the others by name: a multiple select
// sends its choices in list order, so the byline keeps its order and new choices go last.
nlohmann::json AuthorOptions(const std::vector<content::Author>& authors,
                             const std::vector<int64_t>& chosen) {
  nlohmann::json options = nlohmann::json::array();
  for (int64_t id : chosen) {
    auto it = std::find_if(authors.begin(), authors.end(),
                           [id](const content::Author& author) { return author.id == id; });
    if (it != authors.end()) {
      options.push_back({{"id", it->id}, {"name", it->name}, {"selected", true}});
    }
  }
  for (const content::Author& author : authors) {
    if (std::find(chosen.begin(), chosen.end(), author.id) != chosen.end()) continue;
    options.push_back({{"id", author.id}, {"name", author.name}, {"selected", false}});
  }
  return options;
}

nlohmann::json PartnerOptions(const std::vector<content::Partner>& partners,
                              std::optional<int64_t> chosen) {
  nlohmann::json options = nlohmann::json::array();
  for (const content::Partner& partner : partners) {
    options.push_back(
        {{"id", partner.id}, {"name", partner.name}, {"selected", chosen == partner.id}});
  }
  return options;
}

// One radio choice of the lead image, with the smallest JPEG as its thumbnail.
nlohmann::json ImageChoice(const content::Media& media, bool checked) {
  nlohmann::json choice = {
      {"id", media.id},
      {"checked", checked},
      {"label", media.filename.empty() ? "Image " + std::to_string(media.id) : media.filename}};
  for (const content::MediaVariant& variant : media.variants) {
    if (variant.format != content::ImageFormat::kJpeg) continue;
    choice["thumb_url"] = media::MediaVariantUrl(media.id, variant.width, variant.format);
    choice["thumb_width"] = variant.width;
    choice["thumb_height"] = variant.height;
    break;
  }
  return choice;
}

base::Result<nlohmann::json> ImageChoices(store::Store& store, std::optional<int64_t> chosen) {
  auto recent = store.ListMedia(kImageChoices, 0);
  if (!recent) return base::Unexpected(recent.error());
  nlohmann::json choices = nlohmann::json::array();
  const bool chosen_is_recent =
      std::any_of(recent->begin(), recent->end(),
                  [&](const content::Media& media) { return chosen == media.id; });
  if (chosen && !chosen_is_recent) {
    auto older = store.GetMedia(*chosen);
    if (older) {
      choices.push_back(ImageChoice(*older, true));
    } else if (!older.error().IsNotFound()) {
      return base::Unexpected(older.error());
    }
  }
  for (const content::Media& media : *recent) {
    choices.push_back(ImageChoice(media, chosen == media.id));
  }
  return choices;
}

// What the read-only page shows in place of the form.
base::Status AddReadOnlyView(store::Store& store, const Article& article,
                             const std::vector<content::Section>& sections, nlohmann::json& view) {
  for (const content::Section& section : sections) {
    if (section.id == article.section_id) view["section_name"] = section.name;
  }
  auto authors = store.GetAuthors(article.author_ids);
  if (!authors) return base::Unexpected(authors.error());
  std::string byline;
  for (const content::Author& author : *authors) {
    byline += (byline.empty() ? "" : ", ") + author.name;
  }
  view["byline"] = byline;
  view["body_html"] = article.body_html;
  return base::Ok();
}

}  // namespace

EditorInput ReadEditorInput(const http::Form& form) {
  EditorInput input;
  ArticleDraft& draft = input.draft;
  draft.title = form.Value("title");
  draft.dek = form.Value("dek");
  draft.slug = form.Value("slug");
  draft.section_slug = form.Value("section_slug");
  for (const std::string& id : form.All("author_ids")) {
    draft.author_ids.push_back(ParseInteger(id).value_or(0));
  }
  input.tags_text = form.Value("tags");
  draft.tags = SplitTags(input.tags_text);
  draft.partner_id = OptionalId(form.Value("partner_id"));
  draft.original_url = form.Value("original_url");
  draft.lead_image_id = OptionalId(form.Value("lead_image_id"));
  draft.lead_image_alt = form.Value("lead_image_alt");
  draft.body_md = WithUnixLineEnds(form.Value("body_md"));
  input.at = Trimmed(form.Value("at"));
  input.version = ParseInteger(form.Value("version")).value_or(0);
  return input;
}

base::Result<EditorInput> InputOf(store::Store& store, const Article& article) {
  auto draft = DraftOf(store, article);
  if (!draft) return base::Unexpected(draft.error());
  EditorInput input{.draft = std::move(*draft), .version = article.version};
  for (const std::string& tag : input.draft.tags) {
    input.tags_text += (input.tags_text.empty() ? "" : ", ") + tag;
  }
  if (article.status == ArticleStatus::kScheduled) input.at = LocalInputTime(article.published_at);
  return input;
}

base::Result<nlohmann::json> EditorView(store::Store& store, const EditorState& state) {
  const EditorInput& input = *state.input;
  const ArticleDraft& draft = input.draft;
  const Article* article = state.article;
  auto sections = store.ListSections();
  if (!sections) return base::Unexpected(sections.error());
  auto authors = store.ListAuthors();
  if (!authors) return base::Unexpected(authors.error());
  auto partners = store.ListPartners();
  if (!partners) return base::Unexpected(partners.error());
  auto images = ImageChoices(store, draft.lead_image_id);
  if (!images) return base::Unexpected(images.error());

  nlohmann::json view = {
      {"heading", !article         ? "New article"
                  : state.editable ? "Edit article"
                                   : "Article"},
      {"is_new", article == nullptr},
      {"editable", state.editable},
      {"read_only", !state.editable},
      {"action_url", article ? EditorUrl(article->id) : "/admin/articles/"},
      {"submit_label", article ? "Save" : "Create draft"},
      {"article_title", draft.title},
      {"dek", draft.dek},
      {"slug", draft.slug},
      {"sections", SectionOptions(*sections, draft.section_slug)},
      {"authors", AuthorOptions(*authors, draft.author_ids)},
      {"tags", input.tags_text},
      {"partners", PartnerOptions(*partners, draft.partner_id)},
      {"no_partner", !draft.partner_id.has_value()},
      {"original_url", draft.original_url},
      {"images", std::move(*images)},
      {"no_image", !draft.lead_image_id.has_value()},
      {"lead_image_alt", draft.lead_image_alt},
      {"body_md", draft.body_md},
      {"conflict", state.conflict},
      {"now_utc", LocalInputTime(state.now).replace(10, 1, " ")},
      {"at", input.at},
  };
  AddFieldErrors(state.errors, view);
  if (!article) return view;

  const std::string base_url = EditorUrl(article->id);
  view["edit_url"] = base_url;
  view["version"] = input.version;
  view["status"] = content::ArticleStatusName(article->status);
  view["when"] = StatusLine(*article, state.now);
  view["revisions_url"] = base_url + "revisions/";
  view["preview_url"] = base_url + "preview";
  if (article->status == ArticleStatus::kPublished) {
    for (const content::Section& section : *sections) {
      if (section.id == article->section_id) {
        view["public_url"] = "/" + section.slug + "/" + article->slug + "/";
      }
    }
  }
  if (state.editable && article->status == ArticleStatus::kDraft) {
    view["autosave_url"] = base_url + "autosave";
  } else if (state.editable) {
    view["no_autosave"] = true;
  }
  nlohmann::json buttons = nlohmann::json::array();
  for (const ActionButton& button : kButtons) {
    if (std::find(state.actions.begin(), state.actions.end(), button.action) ==
        state.actions.end()) {
      continue;
    }
    buttons.push_back({{"url", base_url + std::string(WorkflowActionName(button.action))},
                       {"label", button.label},
                       {"confirm", button.confirm},
                       {"danger", button.danger}});
  }
  if (!state.actions.empty()) {
    view["actions_note"] = "These buttons save your changes first, then act on the article.";
  }
  view["actions"] = std::move(buttons);
  if (std::find(state.actions.begin(), state.actions.end(), WorkflowAction::kSchedule) !=
      state.actions.end()) {
    view["schedule_url"] = base_url + "schedule";
  }
  if (!state.editable) {
    if (auto added = AddReadOnlyView(store, *article, *sections, view); !added) {
      return base::Unexpected(added.error());
    }
  }
  return view;
}

}  // namespace gazette::admin
