#include "content/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cassert>
#include <memory>
#include <mutex>
#include <vector>

namespace gazette::content {
namespace {

// Footnotes, typographic quotes and dashes, and invalid UTF-8 replaced by U+FFFD. Without
// CMARK_OPT_UNSAFE the HTML renderer omits raw HTML and empties unsafe link destinations.
constexpr int kOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;

constexpr const char* kExtensionNames[] = {"table", "strikethrough", "autolink"};

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
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

std::string RenderMarkdown(std::string_view markdown) {
  const auto& extensions = Extensions();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    std::lock_guard lock(ParseMutex());
    for (cmark_syntax_extension* extension : extensions) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    if (!markdown.empty()) cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    document.reset(cmark_parser_finish(parser.get()));
  }
  std::unique_ptr<char, HtmlDeleter> html(cmark_render_html(
      document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
  return std::string(html.get());
}

}  // namespace gazette::content
