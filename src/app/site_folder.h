// Opens an existing site folder (made by `gazette init`): its configuration, database and theme,
// or its database alone.
#pragma once

#include <filesystem>
#include <memory>

#include "app/config.h"
#include "base/result.h"
#include "http/static_assets.h"
#include "render/theme.h"
#include "store/store.h"

namespace gazette::app {

struct SiteFolder {
  Config config;
  std::unique_ptr<store::Store> store;
  std::shared_ptr<const render::Theme> theme;
  std::shared_ptr<const http::StaticAssets> assets;  // the theme's assets/, served at /assets/
};

// Loads `dir`/gazette.toml (with the environment and `flags` applied), opens the database it
// names without creating it, and loads the theme `dir`/themes/<theme.name>/ with its assets.
// Errors, each with a message naming the path: NotFound for a missing folder, file, database or
// theme; InvalidArgument for a bad configuration or template; others as the store gives them.
base::Result<SiteFolder> OpenSiteFolder(const std::filesystem::path& dir, const ConfigFlags& flags);

// Only the database of the site folder `dir`, for commands that change accounts or content:
// loads `dir`/gazette.toml (with the environment applied) and opens the database it names, with
// one read connection, without creating it. Errors as OpenSiteFolder.
base::Result<std::unique_ptr<store::Store>> OpenSiteStore(const std::filesystem::path& dir);

}  // namespace gazette::app
