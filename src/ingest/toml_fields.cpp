#include "ingest/toml_fields.h"

namespace gazette::ingest {

TomlFields::TomlFields(const toml::table& table, std::string where, int line_offset)
    : table_(table), where_(std::move(where)), line_offset_(line_offset) {}

std::string TomlFields::Locate(const toml::node* node, std::string_view message) const {
  const toml::node& at = node ? *node : static_cast<const toml::node&>(table_);
  return where_ + ":" + std::to_string(at.source().begin.line + line_offset_) + ": " +
         std::string(message);
}

std::string TomlFields::LocateKey(std::string_view key, std::string_view message) const {
  return Locate(table_.get(key), message);
}

const toml::node* TomlFields::Find(std::string_view key) {
  known_.emplace(key);
  return table_.get(key);
}

base::Result<std::string> TomlFields::RequiredString(std::string_view key) {
  const toml::node* node = Find(key);
  if (!node)
    return base::InvalidArgumentError(Locate(nullptr, "missing '" + std::string(key) + "'"));
  auto value = node->value<std::string>();
  if (!value || value->empty()) {
    return base::InvalidArgumentError(
        Locate(node, "'" + std::string(key) + "' must be a non-empty string"));
  }
  return *value;
}

base::Result<std::string> TomlFields::OptionalString(std::string_view key, std::string fallback) {
  const toml::node* node = Find(key);
  if (!node) return fallback;
  auto value = node->value<std::string>();
  if (!value)
    return base::InvalidArgumentError(Locate(node, "'" + std::string(key) + "' must be a string"));
  return *value;
}

base::Result<std::vector<std::string>> TomlFields::StringArray(std::string_view key) {
  const toml::node* node = Find(key);
  std::vector<std::string> out;
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) {
    return base::InvalidArgumentError(
        Locate(node, "'" + std::string(key) + "' must be an array of strings"));
  }
  for (const toml::node& item : *array) {
    auto value = item.value<std::string>();
    if (!value || value->empty()) {
      return base::InvalidArgumentError(
          Locate(&item, "'" + std::string(key) + "' must hold non-empty strings"));
    }
    out.push_back(*value);
  }
  return out;
}

base::Result<std::optional<double>> TomlFields::OptionalNumber(std::string_view key) {
  const toml::node* node = Find(key);
  if (!node) return std::optional<double>();
  if (!node->is_number()) {
    return base::InvalidArgumentError(Locate(node, "'" + std::string(key) + "' must be a number"));
  }
  return std::optional<double>(*node->value<double>());
}

base::Result<bool> TomlFields::OptionalBool(std::string_view key, bool fallback) {
  const toml::node* node = Find(key);
  if (!node) return fallback;
  auto value = node->value<bool>();
  if (!value)
    return base::InvalidArgumentError(
        Locate(node, "'" + std::string(key) + "' must be true or false"));
  return *value;
}

base::Status TomlFields::RejectUnknownKeys() const {
  for (const auto& [key, node] : table_) {
    if (!known_.contains(key.str())) {
      return base::InvalidArgumentError(
          Locate(&node, "unknown key '" + std::string(key.str()) + "'"));
    }
  }
  return base::Ok();
}

}  // namespace gazette::ingest
