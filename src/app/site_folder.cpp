#include "app/site_folder.h"

#include <algorithm>
#include <thread>

#include "app/config_mapping.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {
namespace {

// One read connection per worker thread, so that no worker waits for another's reads.
int ReadConnections(const Config& config) {
  const int threads = config.server.threads > 0
                          ? config.server.threads
                          : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(threads, 1);
}

// The store database.url names, with `connections` for reading (and on PostgreSQL, writing).
base::Result<std::unique_ptr<store::Store>> OpenDatabase(const Config& config,
                                                         const std::filesystem::path& dir,
                                                         int connections) {
  if (IsPostgresUrl(config.database.url)) {
    // A write borrows a connection too: one more than the readers keeps a writer from waiting.
    return store::OpenPostgresStore(config.database.url, {.connections = connections + 1});
  }
  return store::OpenSqliteStore(DatabasePath(config, dir).string(),
                                {.create_if_missing = false, .read_connections = connections});
}

}  // namespace

base::Result<SiteFolder> OpenSiteFolder(const std::filesystem::path& dir,
                                        const ConfigFlags& flags) {
  SiteFolder folder;
  auto config = LoadConfig(dir, flags);
  if (!config) return base::Unexpected(config.error());
  folder.config = std::move(*config);

  auto store = OpenDatabase(folder.config, dir, ReadConnections(folder.config));
  if (!store) return base::Unexpected(store.error());
  folder.store = std::move(*store);

  const std::filesystem::path theme_dir = dir / "themes" / folder.config.theme.name;
  auto theme = render::Theme::Load(theme_dir.string());
  if (!theme) return base::Unexpected(theme.error());
  folder.theme = std::move(*theme);

  auto assets = http::StaticAssets::Load((theme_dir / "assets").string(), "/assets/");
  if (!assets) return base::Unexpected(assets.error());
  folder.assets = std::move(*assets);
  return folder;
}

base::Result<std::unique_ptr<store::Store>> OpenSiteStore(const std::filesystem::path& dir) {
  auto config = LoadConfig(dir, ConfigFlags{});
  if (!config) return base::Unexpected(config.error());
  return OpenDatabase(*config, dir, 1);
}

}  // namespace gazette::app
