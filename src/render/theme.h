// A theme: ctemplate templates (data, editable without recompiling) that turn view models into
// HTML. Every template declares {{%AUTOESCAPE context="HTML"}}, so values are escaped by context.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "render/views.h"

namespace gazette::render {

// What a theme says about itself in its theme.json.
struct ThemeManifest {
  std::string name;         // "Default"; required, not empty
  std::string version;      // "1.0.0"; required, not empty
  std::string description;  // required, may be empty
};

// Loaded once, then immutable: safe for concurrent use. Reload by loading a new Theme.
class Theme {
 public:
  // Reads `dir`/theme.json and parses every `dir`/templates/*.tpl up front, so that a broken
  // template is an error now and never at request time. Errors:
  //   NotFound if `dir`, `dir`/templates or a required template (home, list, article, error,
  //     layout and the partials the pages include) is missing;
  //   InvalidArgument naming the file when theme.json is missing or malformed, when a template
  //     does not start with {{%AUTOESCAPE context="HTML"}}, when it switches escaping off
  //     ({{NAME:none}}) for a variable whose name does not end in _HTML, when it changes the
  //     marker delimiters, or when it does not parse (ctemplate writes the reason to stderr).
  static base::Result<std::shared_ptr<const Theme>> Load(const std::string& dir);
  ~Theme();

  std::string RenderHome(const HomeView& view) const;
  std::string RenderList(const ListView& view) const;
  std::string RenderArticle(const ArticleView& view) const;
  // With the theme's search.tpl; a theme without one shows the results as a list page.
  std::string RenderSearch(const SearchView& view) const;
  // The error page chain error-<status> -> error-4xx/5xx -> error, whichever exists first.
  std::string RenderError(const ErrorView& view) const;

  const std::string& dir() const { return dir_; }
  const ThemeManifest& manifest() const { return manifest_; }

 private:
  struct Impl;
  Theme(std::string dir, ThemeManifest manifest, std::unique_ptr<Impl> impl);
  std::string dir_;
  ThemeManifest manifest_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
