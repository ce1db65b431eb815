#include "support/html.h"

#include <cctype>
#include <charconv>
#include <cstdint>

namespace gazette::support {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) {
      return false;
    }
  }
  return true;
}

void AppendUtf8(uint32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// A tag starting at html[start] == '<': its name (lowercased, with a leading '/' for end tags)
// and the position just after its '>'.
struct Tag {
  std::string name;
  std::string_view inside;  // between '<' and '>'
  size_t end = 0;
};

Tag ReadTag(std::string_view html, size_t start) {
  Tag tag;
  size_t close = html.find('>', start);
  tag.end = close == std::string_view::npos ? html.size() : close + 1;
  tag.inside = html.substr(start + 1, tag.end - start - 2);
  size_t i = 0;
  while (i < tag.inside.size() && !IsSpace(tag.inside[i]) && tag.inside[i] != '/' &&
         tag.inside[i] != '>') {
    tag.name += Lower(tag.inside[i]);
    ++i;
  }
  if (tag.name.empty() && !tag.inside.empty() && tag.inside[0] == '/') {
    tag.name = "/";
    for (i = 1; i < tag.inside.size() && !IsSpace(tag.inside[i]); ++i) {
      tag.name += Lower(tag.inside[i]);
    }
  }
  return tag;
}

// Sets `value` to attribute `name` of a tag (its text between '<' and '>'); false if absent.
bool FindAttribute(std::string_view inside, std::string_view name, std::string& value) {
  size_t i = 0;
  while (i < inside.size() && !IsSpace(inside[i])) {
    ++i;
  }
  while (i < inside.size()) {
    while (i < inside.size() && (IsSpace(inside[i]) || inside[i] == '/')) {
      ++i;
    }
    size_t name_start = i;
    while (i < inside.size() && !IsSpace(inside[i]) && inside[i] != '=' && inside[i] != '/') {
      ++i;
    }
    std::string_view attribute = inside.substr(name_start, i - name_start);
    std::string_view raw;
    if (i < inside.size() && inside[i] == '=') {
      ++i;
      if (i < inside.size() && (inside[i] == '"' || inside[i] == '\'')) {
        char quote = inside[i];
        size_t end = inside.find(quote, i + 1);
        if (end == std::string_view::npos) {
          end = inside.size();
        }
        raw = inside.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        size_t value_start = i;
        while (i < inside.size() && !IsSpace(inside[i])) {
          ++i;
        }
        raw = inside.substr(value_start, i - value_start);
      }
    }
    if (!attribute.empty() && EqualsIgnoreCase(attribute, name)) {
      value = DecodeEntities(raw);
      return true;
    }
    if (attribute.empty()) {
      ++i;
    }
  }
  return false;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += text[i++];
      continue;
    }
    std::string_view entity = text.substr(i + 1, semi - i - 1);
    uint32_t code = 0;
    bool known = true;
    if (entity == "amp") {
      code = '&';
    } else if (entity == "lt") {
      code = '<';
    } else if (entity == "gt") {
      code = '>';
    } else if (entity == "quot") {
      code = '"';
    } else if (entity == "apos") {
      code = '\'';
    } else if (entity == "nbsp") {
      code = 0xA0;
    } else if (entity.size() > 1 && entity[0] == '#') {
      bool hex = entity[1] == 'x' || entity[1] == 'X';
      std::string_view digits = entity.substr(hex ? 2 : 1);
      auto [ptr, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      known = ec == std::errc() && ptr == digits.data() + digits.size() && !digits.empty() &&
              code < 0x110000;
    } else {
      known = false;
    }
    if (!known) {
      out += text[i++];
      continue;
    }
    AppendUtf8(code, out);
    i = semi + 1;
  }
  return out;
}

std::string VisibleText(std::string_view html) {
  std::string stripped;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      Tag tag = ReadTag(html, i);
      if (tag.name == "script" || tag.name == "style") {
        size_t close = html.find("</" + tag.name, tag.end);
        i = close == std::string_view::npos ? html.size() : ReadTag(html, close).end;
      } else {
        i = tag.end;
      }
      stripped += ' ';
      continue;
    }
    stripped += html[i++];
  }
  std::string decoded = DecodeEntities(stripped);
  std::string out;
  bool pending_space = false;
  for (size_t j = 0; j < decoded.size(); ++j) {
    bool nbsp = decoded.compare(j, 2, "\xC2\xA0") == 0;
    if (IsSpace(decoded[j]) || nbsp) {
      pending_space = !out.empty();
      j += nbsp ? 1 : 0;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += decoded[j];
  }
  return out;
}

std::vector<Link> Links(std::string_view html) {
  std::vector<Link> links;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    Tag tag = ReadTag(html, i);
    i = tag.end;
    std::string href;
    if (tag.name != "a" || !FindAttribute(tag.inside, "href", href)) {
      continue;
    }
    size_t close = html.find("</a", i);
    if (close == std::string_view::npos) {
      close = html.size();
    }
    links.push_back(Link{href, VisibleText(html.substr(i, close - i))});
  }
  return links;
}

std::vector<std::string> AttributeValues(std::string_view html, std::string_view name) {
  std::vector<std::string> values;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    Tag tag = ReadTag(html, i);
    i = tag.end;
    std::string value;
    if (!tag.name.empty() && tag.name[0] != '/' && tag.name[0] != '!' &&
        FindAttribute(tag.inside, name, value)) {
      values.push_back(value);
    }
  }
  return values;
}

std::string FirstElement(std::string_view html, std::string_view tag_name) {
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    Tag tag = ReadTag(html, i);
    i = tag.end;
    if (tag.name == tag_name) {
      std::string end_tag = "</" + std::string(tag_name);
      size_t close = html.find(end_tag, i);
      return std::string(html.substr(i, close == std::string_view::npos ? 0 : close - i));
    }
  }
  return "";
}

}  // namespace gazette::support
