// Reads the manifest.json of a Gazette export (see site_export.h) and puts what it describes —
// settings, sections with their kinds and positions, authors with their bios, partners, tags —
// into a store before the export's articles are imported, so that none of it is lost.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "content/model.h"
#include "ingest/markdown_folder.h"
#include "store/store.h"

namespace gazette::ingest {

struct ExportManifest {
  // Store settings keys ("site.name", ...) to values; the lead article is apart.
  std::map<std::string, std::string> settings;
  std::string lead_article_slug;  // empty: none
  std::vector<content::Section> sections;
  std::vector<content::Author> authors;
  std::vector<content::Partner> partners;
  std::vector<content::Tag> tags;
  std::vector<std::string> article_files;  // relative to the export, in the export's order
};

// Parses a manifest. InvalidArgument naming the problem (and the line for JSON syntax) when it
// is not JSON, not a Gazette export, of a newer version than this program reads, or has a field
// of the wrong type, a missing slug or name, a bad kind or credit, or an article file outside
// the export.
base::Result<ExportManifest> ParseExportManifest(std::string_view text);

struct ManifestSummary {
  int sections = 0;  // created; those whose slug was taken are left as they are
  int authors = 0;
  int partners = 0;
  int tags = 0;
};

// Creates the manifest's sections, authors, partners and tags that `store` does not have (by
// slug) and sets its settings; what exists is left as it is, so a second run creates nothing.
// Errors: the store's (Conflict, InvalidArgument for a section slug the site's own pages take).
base::Result<ManifestSummary> ApplyExportManifest(store::Store& store,
                                                  const ExportManifest& manifest);

// Points the home page's lead at the manifest's lead article once the articles are imported.
// NotFound when the store has no article with that slug; nothing to do without a lead.
base::Status ApplyLeadArticle(store::Store& store, const ExportManifest& manifest);

// The reader's options for the export's files: its sections and authors by slug.
MarkdownReadOptions ManifestReadOptions(const ExportManifest& manifest);

}  // namespace gazette::ingest
