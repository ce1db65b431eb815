// The keys of gazette.toml: their tables, value types, checks and where each value is stored.
// Internal to app/: the file, the environment and the flags all set values through this table.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "app/config.h"
#include "base/result.h"

namespace gazette::app {

enum class ConfigValueKind { kString, kInteger, kBoolean };

// A value of the kind its key asks for.
using ConfigValue = std::variant<std::string, int64_t, bool>;

// "a string", "an integer", "a boolean": for messages ("must be an integer").
std::string_view ConfigValueKindName(ConfigValueKind kind);

struct ConfigKey {
  std::string_view table;  // "server"
  std::string_view name;   // "listen"
  ConfigValueKind kind;
  // Checks `value`, which holds `kind`, and stores it into `config`.
  // Errors: InvalidArgument whose message says what the value must be ("must be from 1 to 100").
  base::Status (*store)(Config& config, const ConfigValue& value);

  std::string FullName() const;             // "server.listen"
  std::string EnvironmentVariable() const;  // "GAZETTE_SERVER_LISTEN"
};

// Every key, grouped by table in file order.
std::span<const ConfigKey> ConfigKeys();

// The key `table`.`name`, or nullptr if there is none.
const ConfigKey* FindConfigKey(std::string_view table, std::string_view name);

// Whether `table` is one of gazette.toml's tables ("site", "server", ...).
bool IsConfigTable(std::string_view table);

}  // namespace gazette::app
