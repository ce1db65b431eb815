// Opens an existing site folder (made by `gazette init`): its configuration, database and theme.
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

}  // namespace gazette::app
