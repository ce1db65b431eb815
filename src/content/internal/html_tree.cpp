#include "content/internal/html_tree.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>

namespace gazette::content::internal {
namespace {

// --- the policy: every element and attribute that survives, and what is dropped whole

struct AllowedTag {
  std::string_view name;  // as parsed
  std::string_view as;    // as kept
  std::array<std::string_view, 3> attributes;
};

constexpr AllowedTag kAllowedTags[] = {
    {"p", "p", {}},
    {"h1", "h2", {}},  // the page's own title is its only h1
    {"h2", "h2", {}},
    {"h3", "h3", {}},
    {"h4", "h4", {}},
    {"h5", "h5", {}},
    {"h6", "h6", {}},
    {"ul", "ul", {}},
    {"ol", "ol", {"start"}},
    {"li", "li", {"id"}},
    {"blockquote", "blockquote", {}},
    {"pre", "pre", {}},
    {"hr", "hr", {}},
    {"figure", "figure", {}},
    {"figcaption", "figcaption", {}},
    {"table", "table", {}},
    {"thead", "thead", {}},
    {"tbody", "tbody", {}},
    {"tfoot", "tfoot", {}},
    {"tr", "tr", {}},
    {"th", "th", {}},
    {"td", "td", {}},
    {"a", "a", {"href", "title", "id"}},
    {"img", "img", {"src", "alt", "title"}},
    {"em", "em", {}},
    {"i", "em", {}},
    {"strong", "strong", {}},
    {"b", "strong", {}},
    {"code", "code", {}},
    {"kbd", "code", {}},
    {"br", "br", {}},
    {"sup", "sup", {"id"}},
    {"sub", "sub", {}},
    {"del", "del", {}},
    {"s", "del", {}},
    {"strike", "del", {}},
};

// Elements whose content is code, a widget or metadata, never text for readers.
constexpr std::string_view kDroppedWithContent[] = {
    "script", "style",  "iframe", "object",   "embed",    "applet",   "form",    "input",
    "button", "select", "option", "textarea", "noscript", "template", "head",    "title",
    "meta",   "link",   "base",   "frame",    "frameset", "noframes", "noembed", "audio",
    "video",  "canvas", "map",    "svg",      "math",     "dialog",   "portal",  "xmp",
};

constexpr std::string_view kBlockTags[] = {
    "p",     "h2",    "h3",         "h4",    "h5", "h6",     "ul",
    "ol",    "li",    "blockquote", "pre",   "hr", "figure", "figcaption",
    "table", "thead", "tbody",      "tfoot", "tr", "th",     "td",
};

constexpr size_t kMaxAttributeLength = 2048;

const AllowedTag* FindAllowed(std::string_view name) {
  for (const AllowedTag& tag : kAllowedTags) {
    if (tag.name == name) return &tag;
  }
  return nullptr;
}

bool IsDroppedWithContent(std::string_view name) {
  return std::find(std::begin(kDroppedWithContent), std::end(kDroppedWithContent), name) !=
         std::end(kDroppedWithContent);
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The URL as a browser reads it (surrounding spaces and controls trimmed, tabs and line breaks
// removed), or "" when its scheme is not allowed: http, https, and with `mailto` mailto:;
// relative URLs and #fragments are allowed.
std::string CheckedUrl(std::string_view value, bool mailto) {
  std::string url;
  for (char c : value) {
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  }
  auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && is_trimmed(url.back())) url.pop_back();
  size_t start = 0;
  while (start < url.size() && is_trimmed(url[start])) ++start;
  url.erase(0, start);
  if (url.empty() || url.size() > kMaxAttributeLength) return "";
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return "";
  }
  // A scheme is letters, digits, '+', '-' and '.' after a first letter, ending at ':'.
  size_t colon = 0;
  if (IsAsciiAlpha(url[0])) {
    colon = 1;
    while (colon < url.size() && (IsAsciiAlpha(url[colon]) || IsAsciiDigit(url[colon]) ||
                                  url[colon] == '+' || url[colon] == '-' || url[colon] == '.')) {
      ++colon;
    }
    if (colon >= url.size() || url[colon] != ':') colon = 0;
  }
  if (colon == 0) return url;  // relative
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) scheme += AsciiLower(url[i]);
  if (scheme == "http" || scheme == "https" || (mailto && scheme == "mailto")) return url;
  return "";
}

// An id of letters, digits and "-_:." (what footnote markup uses), or "".
std::string CheckedId(std::string_view value) {
  if (value.empty() || value.size() > 128) return "";
  for (char c : value) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '-' && c != '_' && c != ':' && c != '.') {
      return "";
    }
  }
  return std::string(value);
}

std::string CheckedStart(std::string_view value) {
  if (value.empty() || value.size() > 9 || !std::all_of(value.begin(), value.end(), IsAsciiDigit)) {
    return "";
  }
  return std::string(value);
}

std::string CheckedAttribute(std::string_view name, std::string_view value) {
  if (name == "href") return CheckedUrl(value, true);
  if (name == "src") return CheckedUrl(value, false);
  if (name == "id") return CheckedId(value);
  if (name == "start") return CheckedStart(value);
  return std::string(value.substr(0, kMaxAttributeLength));  // alt, title: text
}

// --- the walk

std::string_view TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  return {};
}

void AppendText(HtmlNode& parent, std::string_view text) {
  if (text.empty()) return;
  if (!parent.children.empty() && parent.children.back().kind == HtmlNode::Kind::kText) {
    parent.children.back().text += text;
    return;
  }
  parent.children.push_back({.kind = HtmlNode::Kind::kText, .text = std::string(text)});
}

// The text of everything under `node`, without recursion (the subtree may be very deep).
void AppendAllText(HtmlNode& parent, const GumboNode* node) {
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      AppendText(parent, current->v.text.text);
      continue;
    }
    if (current->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& element = current->v.element;
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML || IsDroppedWithContent(TagName(element))) {
      continue;
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
}

void Walk(HtmlNode& parent, const GumboNode* node, int depth);

void WalkChildren(HtmlNode& parent, const GumboElement& element, int depth) {
  for (unsigned i = 0; i < element.children.length; ++i) {
    Walk(parent, static_cast<const GumboNode*>(element.children.data[i]), depth);
  }
}

void Walk(HtmlNode& parent, const GumboNode* node, int depth) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      AppendText(parent, node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
      break;
    default:  // comments, the document, templates
      return;
  }
  const GumboElement& element = node->v.element;
  const std::string_view name = TagName(element);
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML || IsDroppedWithContent(name)) return;
  if (depth >= kMaxHtmlDepth) {
    AppendAllText(parent, node);
    return;
  }
  const AllowedTag* allowed = FindAllowed(name);
  if (!allowed) {
    WalkChildren(parent, element, depth + 1);
    return;
  }
  HtmlNode kept{.kind = HtmlNode::Kind::kElement, .tag = std::string(allowed->as)};
  for (std::string_view attribute : allowed->attributes) {
    if (attribute.empty()) continue;
    const std::string name_text(attribute);
    const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name_text.c_str());
    if (!found) continue;
    std::string value = CheckedAttribute(attribute, found->value);
    if (!value.empty()) kept.attributes.emplace_back(name_text, std::move(value));
  }
  WalkChildren(kept, element, depth + 1);
  parent.children.push_back(std::move(kept));
}

const GumboNode* FindBody(const GumboNode* root) {
  if (root->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return nullptr;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

std::string_view HtmlNode::Attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return {};
}

bool IsBlockTag(std::string_view tag) {
  return std::find(std::begin(kBlockTags), std::end(kBlockTags), tag) != std::end(kBlockTags);
}

HtmlNode CleanHtmlTree(std::string_view html) {
  HtmlNode root;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (!output) return root;
  const GumboNode* body = FindBody(output->root);
  if (!body) return root;
  WalkChildren(root, body->v.element, 0);
  return root;
}

}  // namespace gazette::content::internal
