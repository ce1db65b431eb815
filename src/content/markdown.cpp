#include "content/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cassert>
#include <memory>
#include <mutex>
#include <vector>

#include "content/markdown_parse.h"

namespace gazette::content {
namespace {

using internal::kMarkdownOptions;

constexpr const char* kExtensionNames[] = {"table", "strikethrough", "autolink"};

struct HtmlDeleter {
  void operator()(char* html) const { cmark_get_default_mem_allocator()->free(html); }
};

// The GFM extensions, looked up once: cmark-gfm's registry is filled without any locking.
const std::vector<cmark_syntax_extension*>& Extensions() {
  static const std::vector<cmark_syntax_extension*> extensions = [] {
    cmark_gfm_core_extensions_ensure_registered();
    std::vector<cmark_syntax_extension*> found;
    for (const char* name : kExtensionNames) {
      cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
      assert(extension != nullptr);
      found.push_back(extension);
    }
    return found;
  }();
  return extensions;
}

// cmark-gfm 0.29 keeps the table of special inline characters in a process-wide array: every
// parse adds the extensions' characters (~, :, w) when inline parsing starts and removes them
// when it ends, so a parse finishing on one thread breaks strikethrough and autolinks of a parse
// running on another. Parses therefore take turns; rendering the tree to HTML runs in parallel.
std::mutex& ParseMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

namespace internal {

ParsedMarkdown ParseMarkdown(std::string_view markdown) {
  const auto& extensions = Extensions();
  ParsedMarkdown parsed;
  parsed.parser.reset(cmark_parser_new(kMarkdownOptions));
  std::lock_guard lock(ParseMutex());
  for (cmark_syntax_extension* extension : extensions) {
    cmark_parser_attach_syntax_extension(parsed.parser.get(), extension);
  }
  if (!markdown.empty()) cmark_parser_feed(parsed.parser.get(), markdown.data(), markdown.size());
  parsed.document.reset(cmark_parser_finish(parsed.parser.get()));
  return parsed;
}

}  // namespace internal

std::string RenderMarkdown(std::string_view markdown) {
  internal::ParsedMarkdown parsed = internal::ParseMarkdown(markdown);
  std::unique_ptr<char, HtmlDeleter> html(
      cmark_render_html(parsed.document.get(), kMarkdownOptions,
                        cmark_parser_get_syntax_extensions(parsed.parser.get())));
  return std::string(html.get());
}

}  // namespace gazette::content
