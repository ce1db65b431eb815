// Reads a folder of Markdown files with front matter (a Hugo content/ tree, a Jekyll site with
// _posts/YYYY-MM-DD-slug.md, or Gazette's own export) into ImportItems, file by file, and hands
// them to an ArticleImporter. One bad file is reported and never stops the others.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/article_importer.h"
#include "ingest/import_item.h"

namespace gazette::ingest {

// What the reader knows besides the files themselves. Plain values.
struct MarkdownReadOptions {
  // The section (a name) of a file that names no section or category and lies in no folder that
  // can stand for one. Default "Articles".
  std::string default_section = "Articles";
  // The author (a name) of a file that names none. Empty (the default): such a file fails.
  std::string default_author;
  // The sections and authors of a Gazette export's manifest, by slug: a file's `section` or
  // author that is one of these slugs means that section or author; anything else is a name.
  std::map<std::string, ImportSection, std::less<>> sections;
  std::map<std::string, ImportAuthor, std::less<>> authors;
};

// Reads one file into an item. `path` is the file's path relative to the folder being imported,
// with '/' separators (it names the item, and gives the slug, date, section and draft status
// where the front matter does not); `text` is its contents. The item's source is `path`.
//
// Front matter keys (any others are ignored): title (required); slug; date | published_at |
// publishDate; lastmod | last_modified_at | updated | updated_at; draft, published (Jekyll's
// `published: false`), status (Gazette's: draft, review, scheduled, published, archived);
// dek | subtitle | description | summary; tags; section, categories | category; author |
// authors; partner; original_url | canonicalURL | canonical_url | canonical; aliases |
// redirect_from | old_paths | url | permalink (old addresses); lead_image with lead_image_alt (a
// file relative to the folder). See docs/design-notes.md for how each is interpreted.
// InvalidArgument "line N: ..." (or without a line when it concerns the whole file) when the
// front matter is missing or does not parse, the title is missing, a date is not a date, or a
// known key has the wrong shape.
base::Result<ImportItem> ReadMarkdownItem(std::string_view path, std::string_view text,
                                          const MarkdownReadOptions& options);

// The Markdown files (*.md, *.markdown) under `root`, recursively, as paths relative to it with
// '/' separators, sorted by byte value. Hidden files and folders (".git") are left out, and so
// are symbolic links to folders. NotFound when `root` is not a folder; Unavailable when it
// cannot be read.
base::Result<std::vector<std::string>> ListMarkdownFiles(const std::filesystem::path& root);

// Called after each file with how many are done and how many there are.
using ImportProgress = std::function<void(size_t done, size_t total)>;

// Reads each of `files` (relative to `root`, as ListMarkdownFiles gives them) in order and
// imports it through `importer`: a file that cannot be read or parsed is recorded with
// RecordFailure(file, reason), Hugo's section pages (_index.md) with RecordSkipped. Every
// outcome ends up in importer.summary(). `progress` may be empty.
void ImportMarkdownFiles(const std::filesystem::path& root, std::span<const std::string> files,
                         const MarkdownReadOptions& options, ArticleImporter& importer,
                         const ImportProgress& progress);

}  // namespace gazette::ingest
