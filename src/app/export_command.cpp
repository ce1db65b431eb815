#include "app/export_command.h"

#include "app/site_folder.h"

namespace gazette::app {

base::Result<ingest::ExportSummary> ExportSiteFolder(const std::filesystem::path& dir,
                                                     const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::exists(out, error) &&
      (!std::filesystem::is_directory(out, error) || !std::filesystem::is_empty(out, error))) {
    return base::ConflictError(out.string() + " is not empty");
  }
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  return ingest::ExportSite(**store, out);
}

}  // namespace gazette::app
