#include "app/markdown_import_command.h"

#include <fstream>
#include <iterator>

#include "app/cli_output.h"
#include "app/config.h"
#include "app/import_report.h"
#include "app/site_folder.h"
#include "base/clock.h"
#include "media/image_processor.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

// Reads an image file of the imported folder and stores it as an upload would be: decoded and
// re-encoded by libvips into the site's variants.
ingest::ImageLoader MediaLoader(store::Store& store, const fs::path& root,
                                const media::ImageLimits& limits) {
  return [&store, root, limits](const std::string& file) -> base::Result<int64_t> {
    std::error_code error;
    const uintmax_t size = fs::file_size(root / file, error);
    if (error) return base::InvalidArgumentError("its lead image " + file + " cannot be read");
    if (size > limits.max_bytes) {
      return base::InvalidArgumentError("its lead image " + file + " is larger than " +
                                        std::to_string(limits.max_bytes) + " bytes");
    }
    std::ifstream in(root / file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.is_open() || in.bad()) {
      return base::InvalidArgumentError("its lead image " + file + " cannot be read");
    }
    auto media = media::ProcessImage(bytes, fs::path(file).filename().string(), limits);
    if (!media) {
      return base::InvalidArgumentError("its lead image " + file + ": " + media.error().message());
    }
    media->created_at = base::SystemClock().Now();
    return store.CreateMedia(*media);
  };
}

}  // namespace

int RunMarkdownImport(const MarkdownImportCommand& command, std::ostream& out,
                      std::ostream& progress_out, bool show_progress) {
  auto config = LoadConfig(command.dir, {});
  if (!config) return Fail(config.error());
  auto store = OpenSiteStore(command.dir);
  if (!store) return Fail(store.error());
  media::ImageLimits limits;
  limits.max_bytes = static_cast<size_t>(config->limits.upload_bytes);

  ingest::ArticleImporter importer(**store, MediaLoader(**store, command.src, limits));
  ImportProgress progress(progress_out, show_progress);
  auto result = ingest::ImportMarkdownSite(
      **store, command.src, command.options, importer, [&progress](size_t done, size_t total) {
        progress.Update(static_cast<int>(done), static_cast<int>(total));
      });
  progress.Finish();
  if (!result) return Fail(result.error());
  if (result->from_export) {
    const ingest::ManifestSummary& created = result->created;
    out << "From the export's manifest: created " << Count(created.sections, "section") << ", "
        << Count(created.authors, "author") << ", " << Count(created.partners, "partner") << ", "
        << Count(created.tags, "tag") << "\n";
  }
  out << FormatImportSummary(importer.summary()) << std::flush;
  return ImportExitStatus(importer.summary());
}

}  // namespace gazette::app
