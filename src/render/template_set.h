// A set of page templates filled from JSON-shaped view models, for the newsroom's pages: one
// layout that wraps every page, and a template per page. The same escaping rules as themes:
// every template declares {{%AUTOESCAPE context="HTML"}}, and only *_html values go in raw.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::render {

struct TemplateSource {
  std::string_view name;  // "dashboard.tpl"
  std::string_view text;
};

// How a view fills a template. Keys name markers in upper case ("title" fills {{TITLE}}):
//   string, number -> a value, and (unless it is "") shows the section of the same name, so
//                     that {{#NOTE}}<p>{{NOTE}}</p>{{/NOTE}} shows only when there is a note;
//   true           -> shows the section {{#KEY}}…{{/KEY}}; false and null leave it hidden;
//   object         -> the section shown once, with the object's keys inside it;
//   array          -> the section repeated per element (objects as above; any other element
//                     fills {{VALUE}});
// and the layout's {{>PAGE}} is the page's template, filled from the same view.
// Immutable once loaded: safe for concurrent use.
class TemplateSet {
 public:
  // Parses every source up front. InvalidArgument naming the template when one breaks the
  // escaping rules or does not parse; NotFound when `layout` is not among them.
  static base::Result<std::shared_ptr<const TemplateSet>> Load(
      std::span<const TemplateSource> sources, std::string layout);
  ~TemplateSet();

  // The layout with `page` ("dashboard.tpl") as its PAGE. REQUIRES: `view` is an object.
  // NotFound when `page` is not in the set.
  base::Result<std::string> Render(std::string_view page, const nlohmann::json& view) const;

 private:
  struct Impl;
  explicit TemplateSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
