#include "render/internal/theme_files.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <tuple>

namespace gazette::render::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAutoescapePragma = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr std::string_view kRawSuffix = "_HTML";

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// Whether a variable marker's text ("TITLE:none", "BODY_HTML:none:x") turns escaping off for
// a variable that is not meant to hold HTML.
bool UnescapesPlainVariable(std::string_view marker) {
  const auto colon = marker.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view name = Trim(marker.substr(0, colon));
  if (name.ends_with(kRawSuffix)) return false;
  std::string_view modifiers = marker.substr(colon + 1);
  while (!modifiers.empty()) {
    const auto next = modifiers.find(':');
    std::string_view modifier = modifiers.substr(0, next);
    modifier = Trim(modifier.substr(0, modifier.find('=')));
    if (modifier == "none") return true;
    if (next == std::string_view::npos) break;
    modifiers.remove_prefix(next + 1);
  }
  return false;
}

}  // namespace

base::Result<std::string> ReadThemeFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text(std::istreambuf_iterator<char>(in), {});
  if (!in.is_open() || in.bad()) {
    return base::InvalidArgumentError("'" + file.string() + "' cannot be read");
  }
  return text;
}

base::Result<ThemeManifest> ReadManifest(const fs::path& file) {
  const std::string where = "theme manifest '" + file.string() + "'";
  auto text = ReadThemeFile(file);
  if (!text) return base::InvalidArgumentError(where + " cannot be read");
  const nlohmann::json json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return base::InvalidArgumentError(where + " is not a JSON object");
  }
  ThemeManifest manifest;
  for (const auto& [key, field, may_be_empty] :
       {std::tuple{"name", &manifest.name, false}, std::tuple{"version", &manifest.version, false},
        std::tuple{"description", &manifest.description, true}}) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string()) {
      return base::InvalidArgumentError(where + " lacks the string field \"" + key + "\"");
    }
    *field = it->get<std::string>();
    if (field->empty() && !may_be_empty) {
      return base::InvalidArgumentError(where + " has an empty \"" + key + "\"");
    }
  }
  return manifest;
}

base::Result<std::set<std::string>> ListTemplates(const fs::path& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return base::NotFoundError("no template folder '" + dir.string() + "'");
  std::set<std::string> names;
  for (const fs::directory_entry& entry : it) {
    if (entry.is_regular_file(ec) && entry.path().extension() == ".tpl") {
      names.insert(entry.path().filename().string());
    }
  }
  return names;
}

base::Status CheckTemplateSource(std::string_view name, std::string_view source) {
  const std::string where = "template '" + std::string(name) + "'";
  if (!Trim(source).starts_with(kAutoescapePragma)) {
    return base::InvalidArgumentError(where + " does not start with " +
                                      std::string(kAutoescapePragma));
  }
  for (size_t open = source.find("{{"); open != std::string_view::npos;
       open = source.find("{{", open + 2)) {
    const size_t close = source.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view marker = Trim(source.substr(open + 2, close - open - 2));
    if (marker.starts_with('=')) {
      return base::InvalidArgumentError(where + " changes the marker delimiters ({{=...=}})");
    }
    if (!marker.empty() && marker.front() != '!' && UnescapesPlainVariable(marker)) {
      return base::InvalidArgumentError(where + " turns escaping off in {{" + std::string(marker) +
                                        "}}; only variables ending in _HTML may use :none");
    }
  }
  return base::Ok();
}

std::string ErrorTemplateFor(int status, const std::set<std::string>& available) {
  for (std::string candidate : {"error-" + std::to_string(status) + ".tpl",
                                "error-" + std::to_string(status / 100) + "xx.tpl"}) {
    if (available.contains(candidate)) return candidate;
  }
  return "error.tpl";
}

}  // namespace gazette::render::internal
