// Writes a whole site out of a store as plain files, so that nobody is locked in: one Markdown
// file with YAML front matter per article, the largest variant of each lead image, and a JSON
// manifest of the site's settings, sections, authors, partners and tags. `gazette import
// markdown` reads it back (see export_manifest.h); Hugo and Jekyll read the articles as they are.
//
// OUT/manifest.json               format, version, settings, sections, authors, partners, tags
//                                 and the list of articles with their files
// OUT/articles/<section>/<slug>.md
// OUT/media/<id>.<jpg|webp>
//
// Users, sessions, API tokens, revisions and page views are not exported.
#pragma once

#include <filesystem>

#include "base/result.h"
#include "store/store.h"

namespace gazette::ingest {

inline constexpr std::string_view kExportFormat = "gazette-export";
inline constexpr int kExportVersion = 1;
inline constexpr std::string_view kExportManifestFile = "manifest.json";
// The manifest's settings entry that names the home page's lead article by slug (the store
// keeps its id under "home.lead_article_id").
inline constexpr std::string_view kExportLeadArticleSetting = "home.lead_article";

struct ExportSummary {
  int sections = 0;
  int authors = 0;
  int partners = 0;
  int tags = 0;
  int articles = 0;  // of every status
  int media = 0;     // lead images written
};

// Exports everything `store` holds (articles of every status) into the folder `out`, which is
// created when missing. The output depends only on what is stored: lists are sorted (articles
// by id, sections by position, the rest by slug), text is UTF-8, dates are RFC 3339 in UTC.
// Errors: Conflict when `out` exists and is not an empty folder (nothing is written then);
// InvalidArgument when a stored slug cannot be a file name; Unavailable when a file cannot be
// written; the store's errors. A failed export may leave some files written.
base::Result<ExportSummary> ExportSite(store::Store& store, const std::filesystem::path& out);

}  // namespace gazette::ingest
