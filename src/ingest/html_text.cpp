#include "ingest/html_text.h"

#include <gumbo.h>

#include <memory>

namespace gazette::ingest {
namespace {

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends `text` with each run of whitespace made one space; never two spaces in a row.
void AppendCollapsed(std::string_view text, std::string& out) {
  for (char c : text) {
    if (IsWhitespace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

bool HidesItsText(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT;
}

bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

void CollectText(const GumboNode& node, std::string& out) {
  switch (node.type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      AppendCollapsed(node.v.text.text, out);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      if (HidesItsText(node.v.element.tag)) return;
      // Elements other than inline ones separate words: "<p>a</p><p>b</p>" reads "a b".
      const bool separates = !IsInline(node.v.element.tag);
      if (separates) AppendCollapsed(" ", out);
      const GumboVector& children = node.v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        CollectText(*static_cast<const GumboNode*>(children.data[i]), out);
      }
      if (separates) AppendCollapsed(" ", out);
      return;
    }
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector& children = node.v.document.children;
      for (unsigned i = 0; i < children.length; ++i) {
        CollectText(*static_cast<const GumboNode*>(children.data[i]), out);
      }
      return;
    }
    case GUMBO_NODE_COMMENT:
      return;
  }
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  const auto destroy = [](GumboOutput* output) {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  };
  const std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()), destroy);
  std::string text;
  if (output) CollectText(*output->document, text);
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  const size_t last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

}  // namespace gazette::ingest
