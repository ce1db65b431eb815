#include "ingest/markdown_front_matter.h"

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <optional>
#include <sstream>
#include <string>

namespace gazette::ingest {
namespace {

using base::Result;

std::string LineError(int line, std::string_view message) {
  return "line " + std::to_string(line) + ": " + std::string(message);
}

// --- YAML

Result<FrontMatterFields> ParseYaml(const FrontMatterDocument& doc) {
  // yaml-cpp counts lines from 0 within the text it was given.
  const int offset = doc.front_matter_first_line;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(doc.front_matter));
  } catch (const YAML::Exception& e) {
    return base::InvalidArgumentError(
        LineError(e.mark.is_null() ? offset : e.mark.line + offset, e.msg));
  }
  FrontMatterFields fields;
  if (root.IsNull()) return fields;
  if (!root.IsMap()) {
    return base::InvalidArgumentError(
        LineError(root.Mark().line + offset, "the front matter is not a list of 'key: value'"));
  }
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    if (!key.IsScalar() || value.IsNull()) continue;
    FrontMatterValue out;
    out.line = key.Mark().line + offset;
    if (value.IsScalar()) {
      out.items.push_back(value.Scalar());
    } else if (value.IsSequence()) {
      out.kind = FrontMatterValue::Kind::kList;
      for (const YAML::Node& element : value) {
        if (element.IsNull()) continue;
        if (!element.IsScalar()) {
          out.kind = FrontMatterValue::Kind::kNested;
          out.items.clear();
          break;
        }
        out.items.push_back(element.Scalar());
      }
    } else {
      out.kind = FrontMatterValue::Kind::kNested;
    }
    fields.insert_or_assign(key.Scalar(), std::move(out));
  }
  return fields;
}

// --- TOML

std::string TwoDigits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}

std::string DateText(const toml::date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(date.year),
                static_cast<int>(date.month), static_cast<int>(date.day));
  return text;
}

std::string TimeText(const toml::time& time) {
  return TwoDigits(time.hour) + ":" + TwoDigits(time.minute) + ":" + TwoDigits(time.second);
}

// A TOML scalar as text; nullopt for a table or an array.
std::optional<std::string> TomlScalarText(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* number = node.as_integer()) return std::to_string(number->get());
  if (const auto* number = node.as_floating_point()) {
    std::ostringstream out;
    out << number->get();
    return out.str();
  }
  if (const auto* flag = node.as_boolean()) return flag->get() ? "true" : "false";
  if (const auto* date = node.as_date()) return DateText(date->get());
  if (const auto* time = node.as_time()) return TimeText(time->get());
  if (const auto* moment = node.as_date_time()) {
    const toml::date_time& value = moment->get();
    std::string text = DateText(value.date) + "T" + TimeText(value.time);
    if (value.offset) {
      const int minutes = value.offset->minutes;
      const int magnitude = minutes < 0 ? -minutes : minutes;
      text +=
          (minutes < 0 ? "-" : "+") + TwoDigits(magnitude / 60) + ":" + TwoDigits(magnitude % 60);
    }
    return text;
  }
  return std::nullopt;
}

Result<FrontMatterFields> ParseTomlFrontMatter(const FrontMatterDocument& doc) {
  const int offset = doc.front_matter_first_line - 1;
  toml::table table;
  try {
    table = toml::parse(doc.front_matter);
  } catch (const toml::parse_error& e) {
    return base::InvalidArgumentError(
        LineError(static_cast<int>(e.source().begin.line) + offset, e.description()));
  }
  FrontMatterFields fields;
  for (const auto& [key, node] : table) {
    FrontMatterValue out;
    out.line = static_cast<int>(node.source().begin.line) + offset;
    if (auto text = TomlScalarText(node)) {
      out.items.push_back(std::move(*text));
    } else if (const toml::array* array = node.as_array()) {
      out.kind = FrontMatterValue::Kind::kList;
      for (const toml::node& element : *array) {
        auto text = TomlScalarText(element);
        if (!text) {
          out.kind = FrontMatterValue::Kind::kNested;
          out.items.clear();
          break;
        }
        out.items.push_back(std::move(*text));
      }
    } else {
      out.kind = FrontMatterValue::Kind::kNested;
    }
    fields.insert_or_assign(std::string(key.str()), std::move(out));
  }
  return fields;
}

}  // namespace

Result<FrontMatterFields> ParseFrontMatter(const FrontMatterDocument& doc) {
  return doc.format == FrontMatterFormat::kYaml ? ParseYaml(doc) : ParseTomlFrontMatter(doc);
}

}  // namespace gazette::ingest
