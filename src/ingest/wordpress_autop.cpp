#include "ingest/wordpress_autop.h"

#include <algorithm>
#include <array>
#include <vector>

namespace gazette::ingest {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// WordPress's $allblocks, less those kept whole (see IsKeptWhole).
bool IsBlock(std::string_view name) {
  return IsOneOf(name,
                 {"table",   "thead",   "tfoot",  "caption",  "col",    "colgroup",   "tbody",
                  "tr",      "td",      "th",     "div",      "dl",     "dd",         "dt",
                  "ul",      "ol",      "li",     "form",     "map",    "area",       "blockquote",
                  "address", "math",    "p",      "h1",       "h2",     "h3",         "h4",
                  "h5",      "h6",      "hr",     "fieldset", "legend", "section",    "article",
                  "aside",   "hgroup",  "header", "footer",   "nav",    "figcaption", "details",
                  "menu",    "summary", "main"});
}

bool IsVoidBlock(std::string_view name) { return IsOneOf(name, {"hr", "col", "area"}); }

// Elements whose content wpautop must not touch: blocks, and elements that may sit inside a
// paragraph (IsInlineWhole).
bool IsKeptWhole(std::string_view name) {
  return IsOneOf(name, {"pre", "script", "style", "textarea", "figure"});
}

bool IsInlineWhole(std::string_view name) { return IsOneOf(name, {"script", "style", "textarea"}); }

// Blocks whose content is a flow of paragraphs, rather than one line of text like an <li>.
bool HoldsParagraphs(std::string_view name) {
  return IsOneOf(name, {"blockquote", "div", "section", "article", "aside", "header", "footer",
                        "nav", "details", "form", "fieldset", "main"});
}

size_t FindNoCase(std::string_view text, std::string_view needle, size_t from) {
  auto found =
      std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), needle.begin(),
                  needle.end(), [](char a, char b) { return AsciiLower(a) == AsciiLower(b); });
  return found == text.end() ? std::string_view::npos : static_cast<size_t>(found - text.begin());
}

// The end of the tag that starts at `lt` (just past its '>'), skipping quoted attribute values;
// npos when it never ends.
size_t TagEnd(std::string_view text, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

enum class TokenKind { kText, kInline, kOpen, kClose, kWhole };

struct Token {
  TokenKind kind;
  std::string_view text;
  std::string name;  // lowercased, for tags
};

std::vector<Token> Tokenize(std::string_view content) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < content.size()) {
    const size_t lt = content.find('<', i);
    if (lt == std::string_view::npos) break;
    if (content.substr(lt).starts_with("<!--")) {
      const size_t close = content.find("-->", lt + 4);
      const size_t end = close == std::string_view::npos ? content.size() : close + 3;
      if (lt > i) tokens.push_back({TokenKind::kText, content.substr(i, lt - i), ""});
      tokens.push_back({TokenKind::kWhole, content.substr(lt, end - lt), ""});
      i = end;
      continue;
    }
    const bool closing = lt + 1 < content.size() && content[lt + 1] == '/';
    const size_t name_start = lt + (closing ? 2 : 1);
    const size_t end = name_start < content.size() && IsLetter(content[name_start])
                           ? TagEnd(content, lt)
                           : std::string_view::npos;
    if (end == std::string_view::npos) {  // a '<' that starts no tag is text
      tokens.push_back({TokenKind::kText, content.substr(i, lt + 1 - i), ""});
      i = lt + 1;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < end && (IsLetter(content[name_end]) ||
                              (content[name_end] >= '0' && content[name_end] <= '9'))) {
      ++name_end;
    }
    std::string name(content.substr(name_start, name_end - name_start));
    std::transform(name.begin(), name.end(), name.begin(), AsciiLower);
    if (lt > i) tokens.push_back({TokenKind::kText, content.substr(i, lt - i), ""});
    if (!closing && IsKeptWhole(name)) {
      const size_t close = FindNoCase(content, "</" + name, end);
      const size_t close_end =
          close == std::string_view::npos ? content.size() : TagEnd(content, close);
      const size_t whole_end = close_end == std::string_view::npos ? content.size() : close_end;
      tokens.push_back({IsInlineWhole(name) ? TokenKind::kInline : TokenKind::kWhole,
                        content.substr(lt, whole_end - lt), name});
      i = whole_end;
      continue;
    }
    TokenKind kind = TokenKind::kInline;
    if (IsBlock(name) || IsKeptWhole(name)) {
      kind =
          closing ? TokenKind::kClose : (IsVoidBlock(name) ? TokenKind::kWhole : TokenKind::kOpen);
    }
    tokens.push_back({kind, content.substr(lt, end - lt), std::move(name)});
    i = end;
  }
  if (i < content.size()) tokens.push_back({TokenKind::kText, content.substr(i), ""});
  return tokens;
}

bool EndsWithBreak(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string tail(text.substr(text.size() - std::min<size_t>(text.size(), 6)));
  std::transform(tail.begin(), tail.end(), tail.begin(), AsciiLower);
  return tail.ends_with("<br>") || tail.ends_with("<br/>") || tail.ends_with("<br />");
}

// Collects the text of one paragraph and writes it out, with its line breaks as <br />.
class ParagraphWriter {
 public:
  explicit ParagraphWriter(std::string& out) : out_(out) {}

  void Add(std::string_view text) { para_ += text; }
  // Inline tags may span lines; the line breaks inside them are not the author's.
  void AddTag(std::string_view tag) {
    for (char c : tag) para_ += (c == '\n' || c == '\r') ? ' ' : c;
  }

  // Writes the paragraph collected so far, wrapped in <p> when `wrap`; nothing if it is blank.
  void Flush(bool wrap) {
    std::string_view text = para_;
    while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
    if (!text.empty()) {
      if (wrap) out_ += "<p>";
      size_t start = 0;
      while (true) {
        const size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) break;
        std::string_view line = text.substr(start, newline - start);
        while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
        out_ += line;
        out_ += EndsWithBreak(line) ? "\n" : "<br />\n";
        start = newline + 1;
        while (start < text.size() && IsSpace(text[start])) ++start;
      }
      out_ += text.substr(start);
      if (wrap) out_ += "</p>\n";
    }
    para_.clear();
  }

 private:
  std::string& out_;
  std::string para_;
};

// Where the next blank line (a line break, blanks, a line break) in `text` starts and ends.
std::pair<size_t, size_t> FindBlankLine(std::string_view text, size_t from) {
  size_t newline = text.find('\n', from);
  while (newline != std::string_view::npos) {
    size_t next = newline + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) {
      ++next;
    }
    if (next < text.size() && text[next] == '\n') {
      size_t end = next + 1;
      while (end < text.size() && IsSpace(text[end])) ++end;
      return {newline, end};
    }
    newline = text.find('\n', newline + 1);
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string AutoParagraphs(std::string_view content) {
  if (content.find("<!-- wp:") != std::string_view::npos) return std::string(content);
  std::string normalized;
  normalized.reserve(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\r') {
      if (i + 1 < content.size() && content[i + 1] == '\n') continue;
      normalized += '\n';
    } else {
      normalized += content[i];
    }
  }

  std::string out;
  ParagraphWriter paragraph(out);
  std::vector<std::string> open;  // the block elements around the current position
  bool blank_before = true;       // the paragraph being collected follows a blank line
  const auto in_flow = [&open] { return open.empty() || HoldsParagraphs(open.back()); };
  const auto end_paragraph = [&] {
    paragraph.Flush(blank_before || in_flow());
    blank_before = false;
  };

  for (const Token& token : Tokenize(normalized)) {
    switch (token.kind) {
      case TokenKind::kText: {
        size_t start = 0;
        while (true) {
          auto [blank, after] = FindBlankLine(token.text, start);
          if (blank == std::string_view::npos) break;
          paragraph.Add(token.text.substr(start, blank - start));
          paragraph.Flush(true);
          blank_before = true;
          start = after;
        }
        paragraph.Add(token.text.substr(start));
        break;
      }
      case TokenKind::kInline:
        paragraph.AddTag(token.text);
        break;
      case TokenKind::kOpen:
        end_paragraph();
        out += token.text;
        open.push_back(token.name);
        break;
      case TokenKind::kClose: {
        end_paragraph();
        out += token.text;
        out += '\n';
        auto match = std::find(open.rbegin(), open.rend(), token.name);
        if (match != open.rend()) open.erase(std::next(match).base(), open.end());
        break;
      }
      case TokenKind::kWhole:
        end_paragraph();
        out += token.text;
        out += '\n';
        break;
    }
  }
  paragraph.Flush(blank_before || in_flow());
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace gazette::ingest
