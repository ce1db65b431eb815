#include "app/wxr_import_command.h"

#include <fstream>
#include <iterator>
#include <string>

#include "app/site_folder.h"
#include "ingest/wxr_reader.h"

namespace gazette::app {
namespace {

base::Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return base::UnavailableError("cannot read " + path.string());
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return base::UnavailableError("cannot read " + path.string());
  return text;
}

}  // namespace

base::Result<ingest::ImportSummary> ImportWxrFile(const std::filesystem::path& dir,
                                                  const std::filesystem::path& file,
                                                  const ProgressCallback& progress) {
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  auto xml = ReadWholeFile(file);
  if (!xml) return base::Unexpected(xml.error());
  auto reader = ingest::WxrReader::Open(std::move(*xml), file.string());
  if (!reader) return base::Unexpected(reader.error());

  ingest::ArticleImporter importer(**store);
  const int total = reader->item_count();
  int done = 0;
  while (auto entry = reader->Next()) {
    ingest::ImportWxrEntry(*entry, importer);
    if (progress) progress(++done, total);
  }
  return importer.summary();
}

}  // namespace gazette::app
