// The one cmark-gfm parse that RenderMarkdown and MarkdownToPlainText share: the same options and
// extensions, and the lock that cmark-gfm 0.29 needs around parsing. Private to content/.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace gazette::content::internal {

// Footnotes, typographic quotes and dashes, and invalid UTF-8 replaced by U+FFFD. Without
// CMARK_OPT_UNSAFE the HTML renderer omits raw HTML and empties unsafe link destinations.
inline constexpr int kMarkdownOptions =
    CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// A parsed document and the parser that made it (its extension list is needed to render).
struct ParsedMarkdown {
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  std::unique_ptr<cmark_node, NodeDeleter> document;
};

// Parses GitHub-flavoured Markdown (tables, strikethrough, autolinks, footnotes) with
// kMarkdownOptions. Never fails. Safe for concurrent use: parses take turns.
ParsedMarkdown ParseMarkdown(std::string_view markdown);

}  // namespace gazette::content::internal
