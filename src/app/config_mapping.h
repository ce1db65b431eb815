// What the configuration means to each component: the site's settings, the server's options
// and the database file.
#pragma once

#include <filesystem>

#include "app/config.h"
#include "http/page_cache.h"
#include "http/server.h"
#include "site/site.h"

namespace gazette::app {

// The [site] table; the URL loses any trailing '/'.
site::SiteConfig SiteConfigFrom(const Config& config);

// [server] and [limits].
http::ServerOptions ServerOptionsFrom(const Config& config);

// [cache].
http::PageCacheOptions PageCacheOptionsFrom(const Config& config);

// The SQLite file named by database.url ("sqlite:PATH"); a relative PATH is taken relative to
// `site_dir`. REQUIRES: config.database.url starts with "sqlite:".
std::filesystem::path DatabasePath(const Config& config, const std::filesystem::path& site_dir);

}  // namespace gazette::app
