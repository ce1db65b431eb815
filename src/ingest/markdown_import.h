// `gazette import markdown`'s work, apart from the command line: a folder of Markdown files,
// or a Gazette export (a folder with manifest.json), imported into a store.
#pragma once

#include <filesystem>
#include <string>

#include "base/result.h"
#include "ingest/article_importer.h"
#include "ingest/export_manifest.h"
#include "ingest/markdown_folder.h"
#include "store/store.h"

namespace gazette::ingest {

struct MarkdownImportOptions {
  std::string default_author;                // for files that name none; empty: they fail
  std::string default_section = "Articles";  // see MarkdownReadOptions
};

struct MarkdownImportResult {
  bool from_export = false;  // the folder had a manifest.json
  ManifestSummary created;   // what the manifest added before the articles
  size_t files = 0;          // Markdown files read
};

// Imports the folder `src` through `importer` (which writes into `store`). When `src` has a
// manifest.json it is a Gazette export: the manifest's settings, sections, authors, partners
// and tags are stored first, its articles are read in its order (then any other Markdown file
// in the folder), and the home page's lead is set last. Each file's outcome, and a lead article
// that could not be set, end up in importer.summary(); `progress` (may be empty) is called
// after each file. Running it twice adds nothing the second time.
// Errors, with nothing imported: NotFound when `src` is not a folder; InvalidArgument for a
// manifest that does not parse; Unavailable when the folder cannot be read; the store's errors
// while the manifest is applied.
base::Result<MarkdownImportResult> ImportMarkdownSite(store::Store& store,
                                                      const std::filesystem::path& src,
                                                      const MarkdownImportOptions& options,
                                                      ArticleImporter& importer,
                                                      const ImportProgress& progress);

}  // namespace gazette::ingest
