#include "content/html_sanitizer.h"

#include "base/html_escape.h"
#include "content/internal/html_tree.h"

namespace gazette::content {
namespace {

using internal::HtmlNode;

bool IsVoid(std::string_view tag) { return tag == "br" || tag == "hr" || tag == "img"; }

void Write(const HtmlNode& node, std::string& out) {
  if (node.kind == HtmlNode::Kind::kText) {
    base::AppendEscapedHtml(node.text, out);
    return;
  }
  if (!node.tag.empty()) {
    out += '<';
    out += node.tag;
    for (const auto& [name, value] : node.attributes) {
      out += ' ';
      out += name;
      out += "=\"";
      base::AppendEscapedHtml(value, out);
      out += '"';
    }
    out += '>';
    if (IsVoid(node.tag)) return;
  }
  for (const HtmlNode& child : node.children) Write(child, out);
  if (!node.tag.empty()) {
    out += "</";
    out += node.tag;
    out += '>';
  }
}

}  // namespace

std::string SanitizeHtml(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  Write(internal::CleanHtmlTree(html), out);
  return out;
}

}  // namespace gazette::content
