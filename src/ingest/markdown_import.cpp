#include "ingest/markdown_import.h"

#include <fstream>
#include <iterator>
#include <set>

#include "ingest/site_export.h"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;
using base::Result;

Result<std::string> ReadManifest(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::UnavailableError("cannot read " + path.string());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return base::UnavailableError("cannot read " + path.string());
  return text;
}

}  // namespace

Result<MarkdownImportResult> ImportMarkdownSite(store::Store& store, const fs::path& src,
                                                const MarkdownImportOptions& options,
                                                ArticleImporter& importer,
                                                const ImportProgress& progress) {
  auto found = ListMarkdownFiles(src);
  if (!found) return base::Unexpected(found.error());

  MarkdownImportResult result;
  ExportManifest manifest;
  std::error_code error;
  const fs::path manifest_path = src / kExportManifestFile;
  if (fs::exists(manifest_path, error)) {
    auto text = ReadManifest(manifest_path);
    if (!text) return base::Unexpected(text.error());
    auto parsed = ParseExportManifest(*text);
    if (!parsed) return base::Unexpected(parsed.error());
    manifest = std::move(*parsed);
    auto created = ApplyExportManifest(store, manifest);
    if (!created) return base::Unexpected(created.error());
    result.from_export = true;
    result.created = *created;
  }

  MarkdownReadOptions read_options = ManifestReadOptions(manifest);
  read_options.default_author = options.default_author;
  read_options.default_section = options.default_section;

  // The export's articles in its order (by their old ids, so that ids keep their order and
  // listings break ties the same way), then whatever else the folder holds.
  std::vector<std::string> files;
  std::set<std::string> listed;
  for (const std::string& file : manifest.article_files) {
    if (listed.insert(file).second) files.push_back(file);
  }
  for (std::string& file : *found) {
    if (listed.insert(file).second) files.push_back(std::move(file));
  }
  result.files = files.size();
  ImportMarkdownFiles(src, files, read_options, importer, progress);

  if (auto lead = ApplyLeadArticle(store, manifest); !lead) {
    importer.RecordFailure(std::string(kExportManifestFile),
                           "the home page's lead article '" + manifest.lead_article_slug +
                               "' could not be set: " + lead.error().message());
  }
  return result;
}

}  // namespace gazette::ingest
