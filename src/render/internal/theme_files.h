// Reading and checking a theme folder before its templates are parsed: the manifest
// (theme.json), the list of templates, the escaping rules every template must follow, and the
// choice of error template. Private to render/.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "base/result.h"
#include "render/theme.h"

namespace gazette::render::internal {

// The whole content of `file`. InvalidArgument naming the file when it cannot be read.
base::Result<std::string> ReadThemeFile(const std::filesystem::path& file);

// Reads and validates `file` (a theme.json): an object with string fields "name" and "version"
// (not empty) and "description". InvalidArgument naming the file when it is missing, unreadable,
// not JSON, or lacks one of the fields.
base::Result<ThemeManifest> ReadManifest(const std::filesystem::path& file);

// The names ("home.tpl") of the regular files ending in ".tpl" directly in `dir`.
// NotFound if `dir` is not a directory.
base::Result<std::set<std::string>> ListTemplates(const std::filesystem::path& dir);

// Checks the escaping rules of one template's text: it must start (after optional whitespace)
// with {{%AUTOESCAPE context="HTML"}}, and only variables whose names end in _HTML may use the
// `none` modifier. InvalidArgument naming `name` otherwise.
base::Status CheckTemplateSource(std::string_view name, std::string_view source);

// The template for an error page with HTTP `status`: the first of error-<status>.tpl,
// error-4xx.tpl or error-5xx.tpl (by the status's hundreds), and error.tpl found in `available`.
// REQUIRES: `available` holds "error.tpl".
std::string ErrorTemplateFor(int status, const std::set<std::string>& available);

}  // namespace gazette::render::internal
