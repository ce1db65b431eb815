// What every importer (WordPress WXR, Markdown folders, Gazette's own export) reads an item
// into: one article with its section, authors, tags and partner named by slug or name rather than
// by id, and the old addresses that must keep answering. ArticleImporter writes these to a store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "content/model.h"

namespace gazette::ingest {

// A section named by an item. Created when no section has the slug; an existing one is used
// as it is (its name and kind are not changed by an import).
struct ImportSection {
  std::string slug;  // empty: made from the name
  std::string name;  // REQUIRES: not empty
  content::SectionKind kind = content::SectionKind::kTopic;
  std::string description;
};

// An author named by an item, found by slug (made from the name when empty); created when
// missing, left as it is when present.
struct ImportAuthor {
  std::string slug;
  std::string name;  // REQUIRES: not empty
  std::string bio;
};

struct ImportItem {
  // Names the item in the summary and in error messages, e.g. "export.xml:120: post 345" or
  // "posts/2019-summit.md".
  std::string source;
  std::string slug;  // empty: made from the title
  std::string title;
  std::string dek;
  std::string body_md;  // Markdown, rendered to body_html by the importer
  content::ArticleStatus status = content::ArticleStatus::kPublished;
  ImportSection section;
  std::vector<ImportAuthor> authors;        // in byline order; at least one
  std::vector<std::string> tags;            // tag names; slugs are made from them
  std::optional<std::string> partner_slug;  // must name an existing partner
  std::string original_url;
  base::Seconds published_at{};
  base::Seconds updated_at{};  // not before published_at; 0: published_at
  // Paths that must answer with a 301 to the article: "/?p=345", "/2019/05/01/summit/",
  // "/summit/". Each begins with '/'.
  std::vector<std::string> old_paths;
  // The lead image: a file the importer's image loader reads (for an export, relative to its
  // folder), and its alt text. Empty: none.
  std::string lead_image_file;
  std::string lead_image_alt;
};

}  // namespace gazette::ingest
