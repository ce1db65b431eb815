#include "ingest/wordpress_shortcodes.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "base/html_escape.h"

namespace gazette::ingest {
namespace {

constexpr int kMaxDepth = 16;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// An opening shortcode tag: "[name attr=value ...]" or "[name ... /]".
struct OpenTag {
  std::string name;                          // lowercased
  std::map<std::string, std::string> named;  // attribute names lowercased
  std::vector<std::string> positional;       // values without a name
  bool self_closing = false;
  size_t end = 0;  // just past the ']'
};

// Reads one attribute value at `i`: "quoted", 'quoted' or up to whitespace.
std::string ReadValue(std::string_view attrs, size_t& i) {
  if (attrs[i] == '"' || attrs[i] == '\'') {
    const char quote = attrs[i];
    const size_t close = attrs.find(quote, i + 1);
    const size_t stop = close == std::string_view::npos ? attrs.size() : close;
    std::string value(attrs.substr(i + 1, stop - i - 1));
    i = close == std::string_view::npos ? attrs.size() : close + 1;
    return value;
  }
  const size_t start = i;
  while (i < attrs.size() && !IsSpace(attrs[i])) ++i;
  return std::string(attrs.substr(start, i - start));
}

// Attributes as WordPress's shortcode_parse_atts reads them: name="v", name='v', name=v, and
// values without a name.
void ParseAttributes(std::string_view attrs, OpenTag& tag) {
  size_t i = 0;
  while (true) {
    while (i < attrs.size() && IsSpace(attrs[i])) ++i;
    if (i >= attrs.size()) return;
    size_t name_end = i;
    while (name_end < attrs.size() && IsNameChar(attrs[name_end])) ++name_end;
    size_t eq = name_end;
    while (eq < attrs.size() && IsSpace(attrs[eq])) ++eq;
    if (name_end > i && eq < attrs.size() && attrs[eq] == '=') {
      std::string name(attrs.substr(i, name_end - i));
      std::transform(name.begin(), name.end(), name.begin(), AsciiLower);
      i = eq + 1;
      while (i < attrs.size() && IsSpace(attrs[i])) ++i;
      tag.named[std::move(name)] = i < attrs.size() ? ReadValue(attrs, i) : "";
    } else {
      tag.positional.push_back(ReadValue(attrs, i));
    }
  }
}

// The opening tag at `at` (which holds '['), if one is there.
std::optional<OpenTag> ParseOpenTag(std::string_view text, size_t at) {
  size_t i = at + 1;
  if (i >= text.size() || !IsNameStart(text[i])) return std::nullopt;
  const size_t name_start = i;
  while (i < text.size() && IsNameChar(text[i])) ++i;
  if (i >= text.size() || !(text[i] == ']' || text[i] == '/' || IsSpace(text[i]))) {
    return std::nullopt;
  }
  OpenTag tag;
  tag.name = std::string(text.substr(name_start, i - name_start));
  std::transform(tag.name.begin(), tag.name.end(), tag.name.begin(), AsciiLower);
  const size_t close = text.find_first_of("[]", i);
  if (close == std::string_view::npos || text[close] != ']') return std::nullopt;
  std::string_view attrs = text.substr(i, close - i);
  attrs = Trim(attrs);
  if (!attrs.empty() && attrs.back() == '/') {
    tag.self_closing = true;
    attrs.remove_suffix(1);
  }
  ParseAttributes(attrs, tag);
  tag.end = close + 1;
  return tag;
}

bool IsRemoved(const std::string& name) {
  return name == "gallery" || name == "playlist" || name.starts_with("contact-form");
}

std::string LinkParagraph(std::string_view url) {
  url = Trim(url);
  if (url.empty()) return "";
  std::string html = "<p><a href=\"";
  base::AppendEscapedHtml(url, html);
  html += "\">";
  base::AppendEscapedHtml(url, html);
  html += "</a></p>";
  return html;
}

// The file a [video] or [audio] shortcode plays.
std::string MediaSource(const OpenTag& tag) {
  static constexpr std::array<const char*, 11> kSources = {
      "src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "m4a", "wav"};
  for (const char* key : kSources) {
    auto found = tag.named.find(key);
    if (found != tag.named.end() && !found->second.empty()) return found->second;
  }
  return "";
}

// Splits a caption's content into the image (an <img>, perhaps inside an <a>) at its start and
// the text after it.
std::pair<std::string_view, std::string_view> SplitCaption(std::string_view content) {
  content = Trim(content);
  size_t end = 0;
  if (content.starts_with("<a ") || content.starts_with("<a>") || content.starts_with("<A ")) {
    const size_t close = content.find("</a>");
    const size_t upper_close = content.find("</A>");
    const size_t found = std::min(close, upper_close);
    if (found != std::string_view::npos) end = found + 4;
  } else if (content.starts_with("<img") || content.starts_with("<IMG")) {
    const size_t close = content.find('>');
    if (close != std::string_view::npos) end = close + 1;
  }
  return {Trim(content.substr(0, end)), Trim(content.substr(end))};
}

std::string Figure(const OpenTag& tag, std::string_view expanded_content) {
  auto [image, text] = SplitCaption(expanded_content);
  if (image.empty()) return std::string(expanded_content);  // a caption without an image
  std::string caption;
  if (auto attribute = tag.named.find("caption"); attribute != tag.named.end()) {
    caption = attribute->second;
  }
  if (caption.empty()) caption = std::string(text);
  std::string html = "<figure>";
  html += image;
  if (!caption.empty()) html += "<figcaption>" + caption + "</figcaption>";
  html += "</figure>";
  return html;
}

class Expander {
 public:
  explicit Expander(std::string_view text) : text_(text) {}

  std::string Expand(int depth) {
    std::string out;
    size_t i = 0;
    while (i < text_.size()) {
      const size_t open = text_.find('[', i);
      if (open == std::string_view::npos) break;
      out += text_.substr(i, open - i);
      i = ExpandAt(open, depth, out);
    }
    if (i < text_.size()) out += text_.substr(i);
    return out;
  }

 private:
  // Appends what the text at `open` (a '[') stands for; returns where to go on.
  size_t ExpandAt(size_t open, int depth, std::string& out) {
    if (open + 1 < text_.size() && text_[open + 1] == '[') {
      auto escaped = ParseOpenTag(text_, open + 1);
      if (escaped && escaped->end < text_.size() && text_[escaped->end] == ']') {
        out += text_.substr(open + 1, escaped->end - open - 1);
        return escaped->end + 1;
      }
      out += '[';
      return open + 1;
    }
    auto tag = ParseOpenTag(text_, open);
    if (!tag) {
      out += '[';
      return open + 1;
    }
    const size_t close =
        tag->self_closing ? std::string_view::npos : FindClose(tag->name, tag->end);
    const std::string closing = "[/" + tag->name + "]";
    const size_t after = close == std::string_view::npos ? tag->end : close + closing.size();
    const std::string_view content = close == std::string_view::npos
                                         ? std::string_view()
                                         : text_.substr(tag->end, close - tag->end);

    if (IsRemoved(tag->name)) return after;
    if (tag->name == "video" || tag->name == "audio") {
      out += LinkParagraph(MediaSource(*tag));
      return after;
    }
    if (close == std::string_view::npos || depth >= kMaxDepth) {
      out += text_.substr(open, tag->end - open);
      return tag->end;
    }
    if (tag->name == "embed") {
      out += LinkParagraph(content);
    } else if (tag->name == "caption" || tag->name == "wp_caption") {
      out += Figure(*tag, Expander(content).Expand(depth + 1));
    } else {
      out += Expander(content).Expand(depth + 1);
    }
    return after;
  }

  // Where "[/name]" next occurs at or after `from`. Remembers each answer, so that text with
  // many unclosed "[name]" is searched once per name, not once per occurrence.
  size_t FindClose(const std::string& name, size_t from) {
    auto cached = next_close_.find(name);
    if (cached != next_close_.end() &&
        (cached->second == std::string_view::npos || cached->second >= from)) {
      return cached->second;
    }
    const std::string closing = "[/" + name + "]";
    size_t found = from;
    while (true) {
      found = text_.find("[/", found);
      if (found == std::string_view::npos) break;
      if (found + closing.size() <= text_.size() &&
          std::equal(closing.begin(), closing.end(), text_.begin() + found,
                     [](char a, char b) { return a == AsciiLower(b); })) {
        break;
      }
      found += 2;
    }
    next_close_[name] = found;
    return found;
  }

  std::string_view text_;
  std::map<std::string, size_t> next_close_;
};

}  // namespace

std::string ExpandShortcodes(std::string_view content) { return Expander(content).Expand(0); }

}  // namespace gazette::ingest
