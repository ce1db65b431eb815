#include "ingest/article_importer.h"

#include <algorithm>
#include <utility>

#include "content/markdown.h"
#include "content/slug.h"
#include "content/text_stats.h"

namespace gazette::ingest {
namespace {

using base::Result;
using base::Status;

constexpr size_t kMaxOldPath = 2048;

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Everything about an item that can be checked before anything is written.
Status Check(const ImportItem& item) {
  if (IsBlank(item.title)) return base::InvalidArgumentError("it has no title");
  if (IsBlank(item.section.name) && item.section.slug.empty()) {
    return base::InvalidArgumentError("it names no section");
  }
  if (item.authors.empty()) return base::InvalidArgumentError("it has no author");
  for (const ImportAuthor& author : item.authors) {
    if (IsBlank(author.name)) return base::InvalidArgumentError("an author has no name");
  }
  const bool dated = item.status == content::ArticleStatus::kPublished ||
                     item.status == content::ArticleStatus::kScheduled;
  if (dated && item.published_at.time_since_epoch().count() <= 0) {
    return base::InvalidArgumentError("it has no publication date");
  }
  for (const std::string& path : item.old_paths) {
    if (path.empty() || path.front() != '/' || path.size() > kMaxOldPath) {
      return base::InvalidArgumentError("old address '" + path.substr(0, 80) +
                                        "' is not a path beginning with '/'");
    }
  }
  return base::Ok();
}

// A section slug that the site's own pages do not shadow: "search" becomes "search-section".
// The same item always gives the same slug, so that a second import finds the section again.
std::string SectionSlug(const ImportSection& section) {
  std::string slug = content::Slugify(section.slug.empty() ? section.name : section.slug);
  if (!content::CheckSectionSlugIsFree(slug)) slug += "-section";
  return slug;
}

// Whether the stored article already says everything the imported one says.
bool SameContent(const content::Article& stored, const content::Article& imported) {
  return stored.title == imported.title && stored.dek == imported.dek &&
         stored.body_md == imported.body_md && stored.status == imported.status &&
         stored.section_id == imported.section_id && stored.partner_id == imported.partner_id &&
         stored.original_url == imported.original_url &&
         stored.published_at == imported.published_at && stored.updated_at == imported.updated_at &&
         stored.author_ids == imported.author_ids && stored.tag_ids == imported.tag_ids &&
         stored.lead_image_id == imported.lead_image_id &&
         stored.lead_image_alt == imported.lead_image_alt;
}

}  // namespace

ArticleImporter::ArticleImporter(store::Store& store, ImageLoader load_image)
    : store_(store), load_image_(std::move(load_image)) {}

ImportOutcome ArticleImporter::Import(const ImportItem& item) {
  auto outcome = Write(item);
  if (!outcome) {
    RecordFailure(item.source, outcome.error().message());
    return ImportOutcome::kFailed;
  }
  switch (*outcome) {
    case ImportOutcome::kImported:
      ++summary_.imported;
      break;
    case ImportOutcome::kUpdated:
      ++summary_.updated;
      break;
    case ImportOutcome::kSkipped:
      ++summary_.skipped;
      break;
    case ImportOutcome::kFailed:
      break;
  }
  return *outcome;
}

void ArticleImporter::RecordFailure(std::string source, std::string reason) {
  summary_.failures.push_back({.source = std::move(source), .reason = std::move(reason)});
}

void ArticleImporter::RecordSkipped() { ++summary_.skipped; }

Result<ImportOutcome> ArticleImporter::Write(const ImportItem& item) {
  if (auto checked = Check(item); !checked) return base::Unexpected(checked.error());
  if (!item.lead_image_file.empty() && !load_image_) {
    return base::InvalidArgumentError("its lead image cannot be imported by this command");
  }

  content::Article article;
  article.slug = content::Slugify(item.slug.empty() ? item.title : item.slug);
  article.title = item.title;
  article.dek = item.dek;
  article.body_md = item.body_md;
  article.status = item.status;
  article.original_url = item.original_url;
  article.published_at = item.published_at;
  article.updated_at = std::max(item.updated_at, item.published_at);
  if (item.partner_slug) {
    auto partner = store_.GetPartnerBySlug(*item.partner_slug);
    if (!partner && partner.error().IsNotFound()) {
      return base::InvalidArgumentError("no partner '" + *item.partner_slug + "'");
    }
    if (!partner) return base::Unexpected(partner.error());
    article.partner_id = partner->id;
  }
  auto stored = store_.GetArticleBySlug(article.slug);
  if (!stored && !stored.error().IsNotFound()) return base::Unexpected(stored.error());

  // Checked: from here on, what the article needs is created.
  const std::string section_slug = SectionSlug(item.section);
  auto section = store_.GetSectionBySlug(section_slug);
  if (!section && section.error().IsNotFound()) {
    auto sections = store_.ListSections();
    if (!sections) return base::Unexpected(sections.error());
    const int position = sections->empty() ? 1 : sections->back().position + 1;
    auto id =
        store_.CreateSection({.slug = section_slug,
                              .name = IsBlank(item.section.name) ? section_slug : item.section.name,
                              .kind = item.section.kind,
                              .position = position,
                              .description = item.section.description});
    if (!id) return base::Unexpected(id.error());
    article.section_id = *id;
  } else if (!section) {
    return base::Unexpected(section.error());
  } else {
    article.section_id = section->id;
  }

  for (const ImportAuthor& named : item.authors) {
    const std::string slug = content::Slugify(named.slug.empty() ? named.name : named.slug);
    auto author = store_.GetAuthorBySlug(slug);
    int64_t id = 0;
    if (author) {
      id = author->id;
    } else if (author.error().IsNotFound()) {
      auto created = store_.CreateAuthor({.slug = slug, .name = named.name, .bio = named.bio});
      if (!created) return base::Unexpected(created.error());
      id = *created;
    } else {
      return base::Unexpected(author.error());
    }
    // The same person named twice in a byline is one author.
    if (std::find(article.author_ids.begin(), article.author_ids.end(), id) ==
        article.author_ids.end()) {
      article.author_ids.push_back(id);
    }
  }
  for (const std::string& name : item.tags) {
    if (IsBlank(name)) continue;
    auto id = store_.UpsertTag({.slug = content::Slugify(name), .name = name});
    if (!id) return base::Unexpected(id.error());
    if (std::find(article.tag_ids.begin(), article.tag_ids.end(), *id) == article.tag_ids.end()) {
      article.tag_ids.push_back(*id);
    }
  }
  if (!item.lead_image_file.empty()) {
    auto image = load_image_(item.lead_image_file);
    if (!image) return base::Unexpected(image.error());
    article.lead_image_id = *image;
    article.lead_image_alt = item.lead_image_alt;
  }
  article.body_html = content::RenderMarkdown(article.body_md);
  article.word_count = content::CountWords(article.body_md);

  ImportOutcome outcome = ImportOutcome::kImported;
  if (stored) {
    if (SameContent(*stored, article)) {
      outcome = ImportOutcome::kSkipped;
    } else {
      article.id = stored->id;
      article.version = stored->version;
      article.created_by = stored->created_by;
      if (auto updated = store_.UpdateArticle(article); !updated) {
        return base::Unexpected(updated.error());
      }
      outcome = ImportOutcome::kUpdated;
    }
    article.id = stored->id;
  } else {
    auto id = store_.CreateArticle(article);
    if (!id) return base::Unexpected(id.error());
    article.id = *id;
  }

  for (const std::string& path : item.old_paths) {
    auto target = store_.FindRedirect(path);
    if (target && *target == article.id) continue;
    if (!target && !target.error().IsNotFound()) return base::Unexpected(target.error());
    if (auto added = store_.AddRedirect(path, article.id); !added) {
      return base::Unexpected(added.error());
    }
    if (outcome == ImportOutcome::kSkipped) outcome = ImportOutcome::kUpdated;
  }
  return outcome;
}

}  // namespace gazette::ingest
