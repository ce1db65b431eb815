#include "app/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "app/config_keys.h"

namespace gazette::app {
namespace {

using base::Result;
using base::Status;

std::string At(const std::string& source, const toml::source_region& where) {
  return source + ":" + std::to_string(where.begin.line);
}

// The node's value if it is of `kind`.
std::optional<ConfigValue> ValueOf(const toml::node& node, ConfigValueKind kind) {
  switch (kind) {
    case ConfigValueKind::kString:
      if (const auto* text = node.as_string()) return text->get();
      break;
    case ConfigValueKind::kInteger:
      if (const auto* number = node.as_integer()) return number->get();
      break;
    case ConfigValueKind::kBoolean:
      if (const auto* flag = node.as_boolean()) return flag->get();
      break;
  }
  return std::nullopt;
}

// The text of an environment variable as a value of `kind`.
std::optional<ConfigValue> ValueOf(const std::string& text, ConfigValueKind kind) {
  switch (kind) {
    case ConfigValueKind::kString:
      return text;
    case ConfigValueKind::kInteger: {
      int64_t number = 0;
      const char* end = text.data() + text.size();
      const auto [stop, error] = std::from_chars(text.data(), end, number);
      if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
      return number;
    }
    case ConfigValueKind::kBoolean:
      if (text == "true") return true;
      if (text == "false") return false;
      return std::nullopt;
  }
  return std::nullopt;
}

Status ParseTable(const toml::table& table, std::string_view table_name, const std::string& source,
                  Config& config) {
  for (const auto& [key, node] : table) {
    const ConfigKey* config_key = FindConfigKey(table_name, key.str());
    if (!config_key) {
      return base::InvalidArgumentError(At(source, key.source()) + ": unknown key '" +
                                        std::string(table_name) + "." + std::string(key.str()) +
                                        "'");
    }
    const std::string where = At(source, node.source()) + ": '" + config_key->FullName() + "' ";
    auto value = ValueOf(node, config_key->kind);
    if (!value) {
      return base::InvalidArgumentError(where + "must be " +
                                        std::string(ConfigValueKindName(config_key->kind)));
    }
    if (auto stored = config_key->store(config, *value); !stored) {
      return base::InvalidArgumentError(where + stored.error().message());
    }
  }
  return base::Ok();
}

Status SetFromFlag(Config& config, std::string_view flag, std::string_view key_name,
                   const ConfigValue& value) {
  const ConfigKey* key = FindConfigKey("server", key_name);
  if (auto stored = key->store(config, value); !stored) {
    return base::InvalidArgumentError(std::string(flag) + ": " + stored.error().message());
  }
  return base::Ok();
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.is_open() || in.bad()) return base::UnavailableError("cannot read " + path.string());
  return text;
}

}  // namespace

std::optional<std::string> ProcessEnvironment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (!value) return std::nullopt;
  return std::string(value);
}

Result<Config> ParseConfig(std::string_view text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    return base::InvalidArgumentError(At(source, error.source()) + ":" +
                                      std::to_string(error.source().begin.column) + ": " +
                                      std::string(error.description()));
  }
  Config config;
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (!IsConfigTable(name)) {
      return base::InvalidArgumentError(At(source, key.source()) + ": unknown " +
                                        (node.is_table() ? "table" : "key") + " '" + name + "'");
    }
    if (!node.is_table()) {
      return base::InvalidArgumentError(At(source, key.source()) + ": '" + name +
                                        "' must be a table ([" + name + "])");
    }
    if (auto parsed = ParseTable(*node.as_table(), name, source, config); !parsed) {
      return base::Unexpected(parsed.error());
    }
  }
  return config;
}

Status ApplyEnvironment(Config& config, const EnvironmentLookup& lookup) {
  for (const ConfigKey& key : ConfigKeys()) {
    const std::string variable = key.EnvironmentVariable();
    const std::optional<std::string> text = lookup(variable);
    if (!text) continue;
    const std::string where = "environment variable " + variable + ": ";
    auto value = ValueOf(*text, key.kind);
    if (!value) {
      return base::InvalidArgumentError(where + "must be " +
                                        std::string(ConfigValueKindName(key.kind)));
    }
    if (auto stored = key.store(config, *value); !stored) {
      return base::InvalidArgumentError(where + stored.error().message());
    }
  }
  return base::Ok();
}

Status ApplyFlags(Config& config, const ConfigFlags& flags) {
  if (flags.listen) {
    if (auto set = SetFromFlag(config, "--listen", "listen", *flags.listen); !set) return set;
  }
  if (flags.threads) {
    if (auto set = SetFromFlag(config, "--threads", "threads", int64_t{*flags.threads}); !set) {
      return set;
    }
  }
  return base::Ok();
}

Result<Config> LoadConfig(const std::filesystem::path& site_dir, const ConfigFlags& flags,
                          const EnvironmentLookup& lookup) {
  std::error_code error;
  if (!std::filesystem::is_directory(site_dir, error)) {
    return base::NotFoundError("site folder not found: " + site_dir.string());
  }
  const std::filesystem::path path = site_dir / kConfigFileName;
  if (!std::filesystem::exists(path, error)) {
    return base::NotFoundError("configuration not found: " + path.string());
  }
  auto text = ReadFile(path);
  if (!text) return base::Unexpected(text.error());
  auto config = ParseConfig(*text, path.string());
  if (!config) return config;
  if (auto applied = ApplyEnvironment(*config, lookup); !applied) {
    return base::Unexpected(applied.error());
  }
  if (auto applied = ApplyFlags(*config, flags); !applied) return base::Unexpected(applied.error());
  return config;
}

}  // namespace gazette::app
