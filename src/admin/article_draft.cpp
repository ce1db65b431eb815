#include <optional>
#include <unordered_set>

#include "admin/article_draft_internal.h"
#include "admin/field_checks.h"
#include "content/markdown.h"
#include "content/slug.h"
#include "content/text_stats.h"

namespace gazette::admin {
namespace {

using content::Article;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// A person's name for a byline: their name, or the part of their email before the '@'.
std::string BylineName(const content::User& user) {
  if (!user.name.empty()) return user.name;
  return user.email.substr(0, user.email.find('@'));
}

// An article at /<section>/feed/ would be hidden by the section's feed.
constexpr std::string_view kFeedSlug = "feed";

// The first of `base`, `base-2`, ... that `kind` does not have, `own` (the slug being replaced)
// counting as free, and never "feed" for an article. Errors from the store.
base::Result<std::string> FreeSlug(store::Store& store, store::SlugKind kind,
                                   const std::string& base, std::string_view own) {
  std::optional<base::Error> failure;
  std::string slug = content::UniqueSlug(base, [&](const std::string& candidate) {
    if (kind == store::SlugKind::kArticle && candidate == kFeedSlug) return true;
    if (candidate == own || failure) return false;
    auto taken = store.IsSlugTaken(kind, candidate);
    if (!taken) {
      failure = taken.error();
      return false;
    }
    return *taken;
  });
  if (failure) return base::Unexpected(*failure);
  return slug;
}

// The checks of one kind of field; each adds to `errors` or fails with a store error.
class DraftChecker {
 public:
  DraftChecker(store::Store& store, const content::User& by, const Article* current)
      : store_(store), by_(by), current_(current) {}

  base::Status Title(const ArticleDraft& draft, CheckedDraft& out) {
    out.fields.title = Trimmed(draft.title);
    const std::string problem = out.fields.title.empty() ? "Give the article a title."
                                                         : LineProblem(out.fields.title, true);
    if (!problem.empty()) out.errors["title"] = problem;
    if (std::string dek = DescriptionProblem(out.fields.dek); !dek.empty()) out.errors["dek"] = dek;
    return base::Ok();
  }

  base::Status Slug(const ArticleDraft& draft, CheckedDraft& out) {
    const std::string own = current_ ? current_->slug : "";
    std::string slug = Trimmed(draft.slug);
    if (slug.empty()) {
      auto made =
          FreeSlug(store_, store::SlugKind::kArticle, content::Slugify(out.fields.title), own);
      if (!made) return base::Unexpected(made.error());
      out.fields.slug = std::move(*made);
      return base::Ok();
    }
    out.fields.slug = slug;
    if (std::string problem = SlugProblem(slug); !problem.empty()) {
      out.errors["slug"] = problem;
      return base::Ok();
    }
    if (slug == kFeedSlug) {
      out.errors["slug"] = "“feed” is the address of the section’s feed. Choose another slug.";
      return base::Ok();
    }
    if (slug == own) return base::Ok();
    auto taken = store_.IsSlugTaken(store::SlugKind::kArticle, slug);
    if (!taken) return base::Unexpected(taken.error());
    if (*taken) out.errors["slug"] = "Another article has this slug. Choose another one.";
    return base::Ok();
  }

  base::Status Section(const ArticleDraft& draft, CheckedDraft& out) {
    const std::string slug = Trimmed(draft.section_slug);
    if (slug.empty()) {
      out.errors["section_slug"] = "Choose a section.";
      return base::Ok();
    }
    auto section = store_.GetSectionBySlug(slug);
    if (section) {
      out.fields.section_id = section->id;
    } else if (section.error().IsNotFound()) {
      out.errors["section_slug"] = "There is no section “" + slug + "”. Choose one from the list.";
    } else {
      return base::Unexpected(section.error());
    }
    return base::Ok();
  }

  base::Status Authors(const ArticleDraft& draft, CheckedDraft& out) {
    std::vector<int64_t> ids;
    std::unordered_set<int64_t> seen;
    for (int64_t id : draft.author_ids) {
      if (seen.insert(id).second) ids.push_back(id);
    }
    if (ids.empty()) {
      auto mine = store_.GetAuthorByUser(by_.id);
      if (mine) {
        out.fields.author_ids = {mine->id};
      } else if (!mine.error().IsNotFound()) {
        return base::Unexpected(mine.error());
      }
      return base::Ok();
    }
    auto found = store_.GetAuthors(ids);
    if (!found) return base::Unexpected(found.error());
    if (found->size() != ids.size()) {
      out.errors["author_ids"] = "One of the chosen authors does not exist. Choose again.";
    }
    out.fields.author_ids = std::move(ids);
    return base::Ok();
  }

  base::Status Tags(const ArticleDraft& draft, CheckedDraft& out) {
    std::unordered_set<std::string> seen;
    for (const std::string& written : draft.tags) {
      const std::string name = Trimmed(written);
      if (name.empty()) continue;
      const std::string slug = content::Slugify(name);
      if (std::string problem = LineProblem(name, true); !problem.empty()) {
        out.errors["tags"] = problem;
        continue;
      }
      if (slug == "untitled" && Lower(name) != "untitled") {
        out.errors["tags"] = "“" + name + "” is not a tag: a tag needs letters or digits.";
        continue;
      }
      if (!seen.insert(slug).second) continue;
      auto tag = store_.GetTagBySlug(slug);
      if (tag) {
        out.tags.push_back(std::move(*tag));
      } else if (tag.error().IsNotFound()) {
        out.tags.push_back({.id = 0, .slug = slug, .name = name});
      } else {
        return base::Unexpected(tag.error());
      }
    }
    return base::Ok();
  }

  base::Status Partner(const ArticleDraft& draft, CheckedDraft& out) {
    out.fields.partner_id = draft.partner_id;
    out.fields.original_url = Trimmed(draft.original_url);
    if (draft.partner_id) {
      auto partner = store_.GetPartner(*draft.partner_id);
      if (!partner && !partner.error().IsNotFound()) return base::Unexpected(partner.error());
      if (!partner) out.errors["partner_id"] = "That partner does not exist. Choose again.";
    }
    if (!out.fields.original_url.empty()) {
      if (std::string problem = HttpUrlProblem(out.fields.original_url); !problem.empty()) {
        out.errors["original_url"] = problem;
      }
    }
    return base::Ok();
  }

  base::Status LeadImage(const ArticleDraft& draft, CheckedDraft& out) {
    out.fields.lead_image_id = draft.lead_image_id;
    if (!draft.lead_image_id) return base::Ok();  // alt text without an image is dropped
    out.fields.lead_image_alt = Trimmed(draft.lead_image_alt);
    auto media = store_.GetMedia(*draft.lead_image_id);
    if (!media && !media.error().IsNotFound()) return base::Unexpected(media.error());
    if (!media) {
      out.errors["lead_image_id"] = "That image is not in the media library. Choose again.";
    }
    if (out.fields.lead_image_alt.empty()) {
      out.errors["lead_image_alt"] = "Describe the image for readers who cannot see it (alt text).";
    } else if (std::string problem = LineProblem(out.fields.lead_image_alt, true);
               !problem.empty()) {
      out.errors["lead_image_alt"] = problem;
    }
    return base::Ok();
  }

 private:
  store::Store& store_;
  const content::User& by_;
  const Article* current_;
};

}  // namespace

base::Result<CheckedDraft> CheckDraft(store::Store& store, const content::User& by,
                                      const ArticleDraft& draft, const Article* current) {
  CheckedDraft out;
  out.fields.dek = Trimmed(draft.dek);
  out.fields.body_md = draft.body_md;
  out.fields.body_html = content::RenderMarkdown(draft.body_md);
  out.fields.word_count = content::CountWords(draft.body_md);
  DraftChecker check(store, by, current);
  base::Status checked = check.Title(draft, out);
  if (checked) checked = check.Slug(draft, out);
  if (checked) checked = check.Section(draft, out);
  if (checked) checked = check.Authors(draft, out);
  if (checked) checked = check.Tags(draft, out);
  if (checked) checked = check.Partner(draft, out);
  if (checked) checked = check.LeadImage(draft, out);
  if (!checked) return base::Unexpected(checked.error());
  return out;
}

base::Status AddMissingEntities(store::Store& store, const content::User& by,
                                CheckedDraft& checked) {
  if (checked.fields.author_ids.empty()) {
    content::Author author{.name = BylineName(by), .user_id = by.id};
    auto slug = FreeSlug(store, store::SlugKind::kAuthor, content::Slugify(author.name), "");
    if (!slug) return base::Unexpected(slug.error());
    author.slug = std::move(*slug);
    auto id = store.CreateAuthor(author);
    if (!id) return base::Unexpected(id.error());
    checked.fields.author_ids = {*id};
  }
  checked.fields.tag_ids.clear();
  for (content::Tag& tag : checked.tags) {
    if (tag.id == 0) {
      auto id = store.UpsertTag(tag);
      if (!id) return base::Unexpected(id.error());
      tag.id = *id;
    }
    checked.fields.tag_ids.push_back(tag.id);
  }
  return base::Ok();
}

base::Result<ArticleDraft> DraftOf(store::Store& store, const Article& article) {
  auto section = store.GetSection(article.section_id);
  if (!section) return base::Unexpected(section.error());
  auto tags = store.GetTags(article.tag_ids);
  if (!tags) return base::Unexpected(tags.error());
  ArticleDraft draft{.title = article.title,
                     .dek = article.dek,
                     .slug = article.slug,
                     .section_slug = section->slug,
                     .author_ids = article.author_ids,
                     .partner_id = article.partner_id,
                     .original_url = article.original_url,
                     .lead_image_id = article.lead_image_id,
                     .lead_image_alt = article.lead_image_alt,
                     .body_md = article.body_md};
  for (const content::Tag& tag : *tags) draft.tags.push_back(tag.name);
  return draft;
}

}  // namespace gazette::admin
