// A theme: ctemplate templates (data, editable without recompiling) that turn view models into
// HTML. Every template declares {{%AUTOESCAPE context="HTML"}}, so values are escaped by context.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "render/views.h"

namespace gazette::render {

// Loaded once, then immutable: safe for concurrent use. Reload by loading a new Theme.
class Theme {
 public:
  // Loads `dir`/templates/*.tpl (home, list, article, error and their partials) and parses
  // them all up front. Errors: NotFound if `dir` or a required template is missing;
  // InvalidArgument naming the file when a template does not parse.
  static base::Result<std::shared_ptr<const Theme>> Load(const std::string& dir);
  ~Theme();

  std::string RenderHome(const HomeView& view) const;
  std::string RenderList(const ListView& view) const;
  std::string RenderArticle(const ArticleView& view) const;
  // The error page chain error-<status> -> error-4xx/5xx -> error, whichever exists first.
  std::string RenderError(const ErrorView& view) const;

  const std::string& dir() const { return dir_; }

 private:
  struct Impl;
  Theme(std::string dir, std::unique_ptr<Impl> impl);
  std::string dir_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
