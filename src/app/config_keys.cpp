#include "app/config_keys.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace gazette::app {
namespace {

using base::Status;

template <class T>
Status StoreInRange(const ConfigValue& value, int64_t min, int64_t max, T& out) {
  const int64_t number = std::get<int64_t>(value);
  if (number < min || number > max) {
    return base::InvalidArgumentError("must be from " + std::to_string(min) + " to " +
                                      std::to_string(max));
  }
  out = static_cast<T>(number);
  return base::Ok();
}

Status StoreNonEmpty(const ConfigValue& value, std::string& out) {
  const auto& text = std::get<std::string>(value);
  if (text.empty()) return base::InvalidArgumentError("must not be empty");
  out = text;
  return base::Ok();
}

Status StoreHttpUrl(const ConfigValue& value, std::string& out) {
  const auto& text = std::get<std::string>(value);
  const bool http = text.starts_with("http://") && text.size() > 7;
  const bool https = text.starts_with("https://") && text.size() > 8;
  if (!http && !https) {
    return base::InvalidArgumentError("must be an absolute URL starting with http:// or https://");
  }
  out = text;
  return base::Ok();
}

Status StoreDatabaseUrl(const ConfigValue& value, std::string& out) {
  const auto& text = std::get<std::string>(value);
  const bool sqlite = text.starts_with("sqlite:") && text.size() > 7;
  const bool postgres = IsPostgresUrl(text) && text.size() > text.find("//") + 2;
  if (!sqlite && !postgres) {
    return base::InvalidArgumentError(
        "must be 'sqlite:PATH' or 'postgresql://USER@HOST:PORT/NAME', such as "
        "'sqlite:gazette.db'");
  }
  out = text;
  return base::Ok();
}

// A theme is a folder directly under <site>/themes/: a plain name cannot point elsewhere.
Status StoreThemeName(const ConfigValue& value, std::string& out) {
  const auto& text = std::get<std::string>(value);
  const bool plain = !text.empty() && text != "." && text != ".." &&
                     text.find_first_of("/\\") == std::string::npos;
  if (!plain) return base::InvalidArgumentError("must be the name of a folder under themes/");
  out = text;
  return base::Ok();
}

Status StoreListen(const ConfigValue& value, ListenAddress& out) {
  auto address = ParseListenAddress(std::get<std::string>(value));
  if (!address) return base::Unexpected(address.error());
  out = *address;
  return base::Ok();
}

constexpr auto kString = ConfigValueKind::kString;
constexpr auto kInteger = ConfigValueKind::kInteger;
constexpr auto kBoolean = ConfigValueKind::kBoolean;

const ConfigKey kKeys[] = {
    {"site", "name", kString,
     [](Config& c, const ConfigValue& v) { return StoreNonEmpty(v, c.site.name); }},
    {"site", "tagline", kString,
     [](Config& c, const ConfigValue& v) -> Status {
       c.site.tagline = std::get<std::string>(v);
       return base::Ok();
     }},
    {"site", "url", kString,
     [](Config& c, const ConfigValue& v) { return StoreHttpUrl(v, c.site.url); }},
    {"site", "language", kString,
     [](Config& c, const ConfigValue& v) { return StoreNonEmpty(v, c.site.language); }},
    {"site", "articles_per_page", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1, 100, c.site.articles_per_page);
     }},
    {"server", "listen", kString,
     [](Config& c, const ConfigValue& v) { return StoreListen(v, c.server.listen); }},
    {"server", "threads", kInteger,
     [](Config& c, const ConfigValue& v) { return StoreInRange(v, 0, 1024, c.server.threads); }},
    {"server", "access_log", kBoolean,
     [](Config& c, const ConfigValue& v) -> Status {
       c.server.access_log = std::get<bool>(v);
       return base::Ok();
     }},
    {"database", "url", kString,
     [](Config& c, const ConfigValue& v) { return StoreDatabaseUrl(v, c.database.url); }},
    {"theme", "name", kString,
     [](Config& c, const ConfigValue& v) { return StoreThemeName(v, c.theme.name); }},
    {"limits", "header_bytes", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1024, 1024 * 1024, c.limits.header_bytes);
     }},
    {"limits", "body_bytes", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 0, 1024 * 1024 * 1024, c.limits.body_bytes);
     }},
    {"limits", "upload_bytes", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1024, 1024 * 1024 * 1024, c.limits.upload_bytes);
     }},
    {"limits", "idle_timeout_seconds", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1, 3600, c.limits.idle_timeout_seconds);
     }},
    {"limits", "request_timeout_seconds", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1, 3600, c.limits.request_timeout_seconds);
     }},
    {"cache", "memory_bytes", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 0, int64_t{64} * 1024 * 1024 * 1024, c.cache.memory_bytes);
     }},
    {"cache", "max_age_seconds", kInteger,
     [](Config& c, const ConfigValue& v) {
       return StoreInRange(v, 1, 86400, c.cache.max_age_seconds);
     }},
};

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

}  // namespace

std::string_view ConfigValueKindName(ConfigValueKind kind) {
  switch (kind) {
    case ConfigValueKind::kString:
      return "a string";
    case ConfigValueKind::kInteger:
      return "an integer";
    case ConfigValueKind::kBoolean:
      return "a boolean";
  }
  return "a value";
}

std::string ConfigKey::FullName() const { return std::string(table) + "." + std::string(name); }

std::string ConfigKey::EnvironmentVariable() const {
  return "GAZETTE_" + Upper(table) + "_" + Upper(name);
}

std::span<const ConfigKey> ConfigKeys() { return kKeys; }

const ConfigKey* FindConfigKey(std::string_view table, std::string_view name) {
  const auto it = std::find_if(std::begin(kKeys), std::end(kKeys), [&](const ConfigKey& key) {
    return key.table == table && key.name == name;
  });
  return it == std::end(kKeys) ? nullptr : &*it;
}

bool IsConfigTable(std::string_view table) {
  return std::any_of(std::begin(kKeys), std::end(kKeys),
                     [&](const ConfigKey& key) { return key.table == table; });
}

}  // namespace gazette::app
