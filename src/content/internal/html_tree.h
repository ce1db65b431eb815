// The allow-list walk shared by the HTML sanitizer and the HTML-to-Markdown converter: gumbo
// parses any HTML as a browser would, and only allowed elements, attributes and URLs are kept in
// a small tree of plain values. Private to src/content/.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::content::internal {

struct HtmlNode {
  enum class Kind { kElement, kText };
  Kind kind = Kind::kElement;
  // An allowed tag, lowercase and normalized ("b" becomes "strong", "i" "em", "s" "del"); empty
  // for the fragment's root.
  std::string tag;
  // Allowed attributes only, in the allow-list's order, with checked values (URLs of allowed
  // schemes, ids of safe characters, start numbers).
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  // for kText: the decoded text, whitespace as in the source
  std::vector<HtmlNode> children;

  // The attribute's value, or "" when it has none.
  std::string_view Attribute(std::string_view name) const;
};

// Nesting deeper than this is flattened: the text of deeper elements is kept, their tags not.
inline constexpr int kMaxHtmlDepth = 48;

// The allowed content of `html`, parsed as the body of a document. Never fails: any bytes give
// a tree (invalid UTF-8 and NUL become U+FFFD). Elements whose content is never text for readers
// (script, style, iframe, object, form, svg, ...) are dropped with their content; other elements
// not on the list are replaced by their children. Safe for concurrent use.
HtmlNode CleanHtmlTree(std::string_view html);

// Whether an element is a block: it starts a new paragraph in Markdown.
bool IsBlockTag(std::string_view tag);

}  // namespace gazette::content::internal
