#include "app/config_mapping.h"

#include <string_view>

namespace gazette::app {

site::SiteConfig SiteConfigFrom(const Config& config) {
  site::SiteConfig site;
  site.name = config.site.name;
  site.tagline = config.site.tagline;
  site.url = config.site.url;
  while (site.url.ends_with('/')) site.url.pop_back();
  site.language = config.site.language;
  site.articles_per_page = config.site.articles_per_page;
  return site;
}

http::ServerOptions ServerOptionsFrom(const Config& config) {
  http::ServerOptions options;
  options.address = config.server.listen.host;
  options.port = config.server.listen.port;
  options.threads = config.server.threads;
  options.access_log = config.server.access_log;
  options.header_limit = static_cast<size_t>(config.limits.header_bytes);
  options.body_limit = static_cast<size_t>(config.limits.body_bytes);
  // Room for the multipart framing and the form's other fields around the image.
  options.upload_limit = static_cast<size_t>(config.limits.upload_bytes) + 64 * 1024;
  options.idle_timeout = std::chrono::seconds(config.limits.idle_timeout_seconds);
  options.request_timeout = std::chrono::seconds(config.limits.request_timeout_seconds);
  return options;
}

http::PageCacheOptions PageCacheOptionsFrom(const Config& config) {
  return {.memory_bytes = static_cast<size_t>(config.cache.memory_bytes),
          .max_age = std::chrono::seconds(config.cache.max_age_seconds)};
}

std::filesystem::path DatabasePath(const Config& config, const std::filesystem::path& site_dir) {
  constexpr std::string_view kScheme = "sqlite:";
  const std::filesystem::path path = config.database.url.substr(kScheme.size());
  return path.is_absolute() ? path : site_dir / path;
}

}  // namespace gazette::app
