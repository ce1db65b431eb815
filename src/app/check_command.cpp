#include "app/check_command.h"

#include "app/site_folder.h"

namespace gazette::app {

base::Status CheckSite(const std::filesystem::path& dir) {
  auto folder = OpenSiteFolder(dir, ConfigFlags{});
  if (!folder) return base::Unexpected(folder.error());
  return folder->store->CheckIntegrity();
}

}  // namespace gazette::app
