#include "content/html_to_markdown.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "content/internal/html_tree.h"

namespace gazette::content {
namespace {

using internal::HtmlNode;

bool IsText(const HtmlNode& node) { return node.kind == HtmlNode::Kind::kText; }
bool IsElement(const HtmlNode& node, std::string_view tag) {
  return node.kind == HtmlNode::Kind::kElement && node.tag == tag;
}
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsBlank(std::string_view text) { return std::all_of(text.begin(), text.end(), IsHtmlSpace); }

// All the text under `node`, as it is.
void CollectText(const HtmlNode& node, std::string& out) {
  if (IsText(node)) {
    out += node.text;
    return;
  }
  if (IsElement(node, "br")) out += '\n';
  for (const HtmlNode& child : node.children) CollectText(child, out);
}

// --- footnotes: list items with an id that a superscript link points to

class Footnotes {
 public:
  explicit Footnotes(const HtmlNode& root) {
    FindItems(root, false);
    Number(root);
  }

  // The footnote number that `node` (a sup holding one link, or a link) refers to, or 0.
  int ReferenceNumber(const HtmlNode& node) const {
    const HtmlNode* link = &node;
    if (IsElement(node, "sup")) {
      link = nullptr;
      for (const HtmlNode& child : node.children) {
        if (IsText(child) && IsBlank(child.text)) continue;
        if (link || !IsElement(child, "a")) return 0;
        link = &child;
      }
      if (!link) return 0;
    }
    if (!IsElement(*link, "a")) return 0;
    std::string_view href = link->Attribute("href");
    if (!href.starts_with('#')) return 0;
    auto number = numbers_.find(std::string(href.substr(1)));
    return number == numbers_.end() ? 0 : number->second;
  }

  // Whether `list` holds footnote definitions, and so is written as such, not as a list.
  bool IsFootnoteList(const HtmlNode& list) const { return footnote_lists_.contains(&list); }

  // Whether `link` inside a definition leads back to its reference ("↩").
  bool IsBackLink(const HtmlNode& link) const {
    if (!IsElement(link, "a")) return false;
    std::string_view href = link.Attribute("href");
    if (href.starts_with('#') && reference_ids_.contains(std::string(href.substr(1)))) return true;
    std::string text;
    CollectText(link, text);
    return text == "↩" || text == "↩︎" || text == "↑" || text == "^" || text == "⤴";
  }

  // The list items of the footnotes, in the order of their numbers (1, 2, ...).
  const std::vector<const HtmlNode*>& definitions() const { return definitions_; }

 private:
  void FindItems(const HtmlNode& node, bool in_list) {
    for (const HtmlNode& child : node.children) {
      if (child.kind != HtmlNode::Kind::kElement) continue;
      if (in_list && child.tag == "li" && !child.Attribute("id").empty()) {
        items_.emplace(std::string(child.Attribute("id")), Item{&child, &node});
      }
      FindItems(child, child.tag == "ol" || child.tag == "ul");
    }
  }

  // Numbers the referenced items by their first reference, in document order.
  void Number(const HtmlNode& node) {
    for (const HtmlNode& child : node.children) {
      if (child.kind != HtmlNode::Kind::kElement) continue;
      if (const HtmlNode* link = ReferenceLink(child)) {
        const std::string id(link->Attribute("href").substr(1));
        if (!numbers_.contains(id)) {
          const Item& item = items_.at(id);
          numbers_.emplace(id, static_cast<int>(definitions_.size()) + 1);
          definitions_.push_back(item.node);
          footnote_lists_.insert(item.list);
        }
        for (const HtmlNode* marked : {&child, link}) {
          if (!marked->Attribute("id").empty()) {
            reference_ids_.insert(std::string(marked->Attribute("id")));
          }
        }
        continue;
      }
      Number(child);
    }
  }

  // The link of a reference to a known item, when `node` is one.
  const HtmlNode* ReferenceLink(const HtmlNode& node) const {
    const HtmlNode* link = nullptr;
    if (IsElement(node, "a")) {
      link = &node;
    } else if (IsElement(node, "sup")) {
      for (const HtmlNode& child : node.children) {
        if (IsText(child) && IsBlank(child.text)) continue;
        if (link || !IsElement(child, "a")) return nullptr;
        link = &child;
      }
    }
    if (!link) return nullptr;
    std::string_view href = link->Attribute("href");
    if (!href.starts_with('#') || !items_.contains(std::string(href.substr(1)))) return nullptr;
    return link;
  }

  struct Item {
    const HtmlNode* node;
    const HtmlNode* list;
  };
  std::map<std::string, Item> items_;
  std::map<std::string, int> numbers_;
  std::vector<const HtmlNode*> definitions_;
  std::set<const HtmlNode*> footnote_lists_;
  std::set<std::string> reference_ids_;
};

// --- inline content: a stream of tokens, whitespace collapsed as a browser would

struct Token {
  enum class Kind { kText, kOpen, kClose, kBreak, kImage, kCode, kFootnote };
  Kind kind;
  const HtmlNode* node = nullptr;  // kOpen, kClose, kImage
  std::string text;                // kText, kCode
  int number = 0;                  // kFootnote
};

bool IsSpan(std::string_view tag) {
  return tag == "em" || tag == "strong" || tag == "del" || tag == "a";
}

// A URL as a link destination: characters that would end it or be read as Markdown are
// percent-encoded.
std::string Destination(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    if (c == ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' || c == '|' ||
        c == '`') {
      out += '%';
      out += kHex[static_cast<unsigned char>(c) >> 4];
      out += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string Title(std::string_view title) {
  if (title.empty()) return "";
  std::string out = " \"";
  for (char c : title) {
    if (c == '"' || c == '\\') out += '\\';
    out += IsHtmlSpace(c) ? ' ' : c;
  }
  out += '"';
  return out;
}

// A code span around `code`, with a fence longer than any run of backticks inside it.
std::string CodeSpan(std::string code) {
  std::replace_if(
      code.begin(), code.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  if (IsBlank(code)) return "";
  size_t longest = 0;
  size_t run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad =
      code.front() == '`' || code.back() == '`' || (code.front() == ' ' && code.back() == ' ');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

struct InlineStyle {
  bool breaks_as_spaces = false;  // headings and table cells hold one line
  bool escape_hashes = false;     // a heading's trailing '#' would close it
};

class InlineWriter {
 public:
  InlineWriter(const Footnotes& footnotes, InlineStyle style)
      : footnotes_(footnotes), style_(style) {}

  void Add(const HtmlNode& node) { Tokenize(node, 0); }

  // The Markdown of what was added: one paragraph's text, lines joined by hard breaks.
  std::string Finish() {
    DropEmptySpans();
    for (const Token& token : tokens_) Write(token);
    while (out_.ends_with("\\\n")) out_.resize(out_.size() - 2);  // a break that ends nothing
    return std::move(out_);
  }

 private:
  void Tokenize(const HtmlNode& node, int link_depth) {
    if (IsText(node)) {
      tokens_.push_back({.kind = Token::Kind::kText, .text = node.text});
      return;
    }
    if (int number = footnotes_.ReferenceNumber(node); number > 0) {
      tokens_.push_back({.kind = Token::Kind::kFootnote, .number = number});
      return;
    }
    if (node.tag == "br") {
      tokens_.push_back({.kind = style_.breaks_as_spaces ? Token::Kind::kText : Token::Kind::kBreak,
                         .text = " "});
      return;
    }
    if (node.tag == "img") {
      tokens_.push_back({.kind = Token::Kind::kImage, .node = &node});
      return;
    }
    if (node.tag == "code") {
      std::string code;
      CollectText(node, code);
      tokens_.push_back({.kind = Token::Kind::kCode, .text = std::move(code)});
      return;
    }
    // A link inside a link, or a link without a destination, is only its text.
    const bool span = IsSpan(node.tag) &&
                      (node.tag != "a" || (link_depth == 0 && !node.Attribute("href").empty()));
    const int inner_depth = link_depth + (span && node.tag == "a" ? 1 : 0);
    const bool block = internal::IsBlockTag(node.tag);
    if (block) tokens_.push_back({.kind = Token::Kind::kText, .text = " "});
    if (span) tokens_.push_back({.kind = Token::Kind::kOpen, .node = &node});
    for (const HtmlNode& child : node.children) Tokenize(child, inner_depth);
    if (span) tokens_.push_back({.kind = Token::Kind::kClose, .node = &node});
    if (block) tokens_.push_back({.kind = Token::Kind::kText, .text = " "});
  }

  // "<em></em>" and "<em> </em>" say nothing; their markers would show as text.
  void DropEmptySpans() {
    std::vector<Token> kept;
    for (Token& token : tokens_) {
      if (token.kind == Token::Kind::kClose) {
        size_t open = kept.size();
        while (open > 0 && kept[open - 1].kind == Token::Kind::kText &&
               IsBlank(kept[open - 1].text)) {
          --open;
        }
        if (open > 0 && kept[open - 1].kind == Token::Kind::kOpen &&
            kept[open - 1].node == token.node) {
          kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(open) - 1);
          continue;
        }
      }
      kept.push_back(std::move(token));
    }
    tokens_ = std::move(kept);
  }

  // Before anything visible: the space that text asked for, then the markers of the spans
  // opened since. So spaces at the start of emphasis or a link move out in front of it (spaces at
  // its end stay pending until after it), and no line starts or ends with one.
  void BeforeVisible() {
    if (pending_space_ && !out_.empty() && !line_start_) out_ += ' ';
    pending_space_ = false;
    for (const std::string& marker : pending_opens_) out_ += marker;
    // A line that begins with a marker cannot begin a list or a heading.
    if (!pending_opens_.empty()) line_start_ = false;
    pending_opens_.clear();
  }

  void Write(const Token& token) {
    switch (token.kind) {
      case Token::Kind::kText:
        for (size_t i = 0; i < token.text.size(); ++i) {
          char c = token.text[i];
          if (IsHtmlSpace(c)) {
            pending_space_ = true;
            continue;
          }
          BeforeVisible();
          WriteTextChar(token.text, i);
        }
        return;
      case Token::Kind::kOpen:
        pending_opens_.push_back(OpenMarker(*token.node));
        return;
      case Token::Kind::kClose:
        if (!pending_opens_.empty()) {  // nothing visible since it opened
          pending_opens_.pop_back();
          return;
        }
        out_ += CloseMarker(*token.node);
        return;
      case Token::Kind::kBreak:
        pending_space_ = false;
        BeforeVisible();
        if (out_.empty() || line_start_) return;
        out_ += "\\\n";
        line_start_ = true;
        return;
      case Token::Kind::kImage: {
        std::string_view src = token.node->Attribute("src");
        BeforeVisible();
        if (src.empty()) {
          WriteText(token.node->Attribute("alt"));
          return;
        }
        out_ += "![";
        WriteText(token.node->Attribute("alt"));
        out_ += "](" + Destination(src) + Title(token.node->Attribute("title")) + ")";
        line_start_ = false;
        return;
      }
      case Token::Kind::kCode: {
        std::string span = CodeSpan(token.text);
        if (span.empty()) return;
        BeforeVisible();
        out_ += span;
        line_start_ = false;
        return;
      }
      case Token::Kind::kFootnote:
        BeforeVisible();
        out_ += "[^" + std::to_string(token.number) + "]";
        line_start_ = false;
        return;
    }
  }

  static std::string OpenMarker(const HtmlNode& node) {
    if (node.tag == "em") return "*";
    if (node.tag == "strong") return "**";
    if (node.tag == "del") return "~~";
    return "[";
  }

  static std::string CloseMarker(const HtmlNode& node) {
    if (node.tag == "a") {
      return "](" + Destination(node.Attribute("href")) + Title(node.Attribute("title")) + ")";
    }
    return OpenMarker(node);
  }

  void WriteText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (IsHtmlSpace(text[i])) {
        if (!out_.empty() && out_.back() != ' ' && !line_start_) out_ += ' ';
        continue;
      }
      WriteTextChar(text, i);
    }
  }

  // One character of text, backslash-escaped where Markdown would read it as markup.
  void WriteTextChar(std::string_view text, size_t i) {
    const char c = text[i];
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
        escape = true;
        break;
      case '&':
        escape = i + 1 < text.size() &&
                 (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#');
        break;
      case '#':
        escape = line_start_ || style_.escape_hashes;
        break;
      case '-':
      case '+':
      case '=':
        escape = line_start_;
        break;
      default:
        break;
    }
    if (line_start_ && c >= '0' && c <= '9') digits_at_line_start_ = true;
    if (digits_at_line_start_ && (c == '.' || c == ')')) escape = true;
    if (!(c >= '0' && c <= '9')) digits_at_line_start_ = false;
    if (escape) out_ += '\\';
    out_ += c;
    line_start_ = false;
  }

  const Footnotes& footnotes_;
  const InlineStyle style_;
  std::vector<Token> tokens_;
  std::string out_;
  bool pending_space_ = false;
  std::vector<std::string> pending_opens_;
  bool line_start_ = true;
  // Whether the line so far is only digits, which a '.' or ')' would make a list marker.
  bool digits_at_line_start_ = false;
};

// --- blocks

// Each line of `text` after the first begins with `indent` (blank lines stay blank); the first
// begins with `first`.
std::string Indented(std::string_view text, std::string_view first, std::string_view indent) {
  std::string out(first);
  bool at_line_start = false;
  for (char c : text) {
    if (at_line_start && c != '\n') out += indent;
    at_line_start = c == '\n';
    out += c;
  }
  return out;
}

std::string Prefixed(std::string_view text, std::string_view prefix, std::string_view blank) {
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    out += line.empty() ? blank : prefix;
    out += line;
    if (end < text.size()) out += '\n';
    begin = end + 1;
  }
  return out;
}

class BlockWriter {
 public:
  explicit BlockWriter(const Footnotes& footnotes) : footnotes_(footnotes) {}

  // The Markdown of a sequence of nodes: runs of inline nodes become paragraphs; blocks are
  // separated by blank lines. `in_item`: the nodes are a list item's.
  std::string Blocks(const std::vector<HtmlNode>& nodes, bool in_item = false) {
    std::string out;
    std::string previous_kind;  // "p", "ul", "ol", ...
    char last_bullet = '*';
    char last_delimiter = ')';
    std::vector<const HtmlNode*> run;

    auto add = [&](std::string block, std::string_view kind, bool joins_paragraph) {
      if (block.empty()) return;
      if (!out.empty()) out += joins_paragraph ? "\n" : "\n\n";
      out += block;
      previous_kind = kind;
    };
    auto flush = [&] {
      if (run.empty()) return;
      InlineWriter writer(footnotes_, {});
      for (const HtmlNode* node : run) writer.Add(*node);
      run.clear();
      add(writer.Finish(), "p", false);
    };

    for (const HtmlNode& node : nodes) {
      if (IsText(node) || !internal::IsBlockTag(node.tag)) {
        run.push_back(&node);
        continue;
      }
      flush();
      if (node.tag == "ul" || node.tag == "ol" || node.tag == "li") {
        if (footnotes_.IsFootnoteList(node)) continue;
        const bool ordered = node.tag == "ol";
        // Two lists in a row are one list to Markdown unless their markers differ.
        char bullet = '-';
        char delimiter = '.';
        if (ordered) {
          delimiter = previous_kind == "ol" && last_delimiter == '.' ? ')' : '.';
          last_delimiter = delimiter;
        } else {
          bullet = previous_kind == "ul" && last_bullet == '-' ? '*' : '-';
          last_bullet = bullet;
        }
        std::string_view start = node.Attribute("start");
        // Inside an item, a list may follow its paragraph directly (a tight nested list);
        // an ordered one only when it starts at 1.
        const bool joins =
            in_item && previous_kind == "p" && (!ordered || start.empty() || start == "1");
        add(List(node, bullet, delimiter), ordered ? "ol" : "ul", joins);
        continue;
      }
      add(Block(node), node.tag, false);
    }
    flush();
    return out;
  }

  std::string FootnoteDefinitions() {
    std::string out;
    const auto& definitions = footnotes_.definitions();
    for (size_t i = 0; i < definitions.size(); ++i) {
      std::vector<HtmlNode> content = WithoutBackLinks(definitions[i]->children);
      std::string text = Blocks(content);
      if (text.empty()) text = "\\-";  // a definition needs some text to be one
      if (!out.empty()) out += "\n\n";
      out += Indented(text, "[^" + std::to_string(i + 1) + "]: ", "    ");
    }
    return out;
  }

 private:
  std::string Block(const HtmlNode& node) {
    const std::string& tag = node.tag;
    if (tag == "p" || tag == "figcaption") return Paragraph(node.children, {});
    if (tag == "hr") return "---";
    if (tag.size() == 2 && tag[0] == 'h') {
      std::string text =
          Paragraph(node.children, {.breaks_as_spaces = true, .escape_hashes = true});
      if (text.empty()) return "";
      return std::string(static_cast<size_t>(tag[1] - '0'), '#') + " " + text;
    }
    if (tag == "blockquote") {
      std::string inner = Blocks(node.children);
      return inner.empty() ? "" : Prefixed(inner, "> ", ">");
    }
    if (tag == "pre") return CodeBlock(node);
    if (tag == "table") return Table(node);
    // figure, and table parts outside a table: their content
    return Blocks(node.children);
  }

  std::string Paragraph(const std::vector<HtmlNode>& nodes, InlineStyle style) {
    InlineWriter writer(footnotes_, style);
    for (const HtmlNode& node : nodes) writer.Add(node);
    return writer.Finish();
  }

  std::string List(const HtmlNode& list, char bullet, char delimiter) {
    std::vector<std::string> items;
    bool loose = false;
    auto add_item = [&](std::string content) {
      loose = loose || content.find("\n\n") != std::string::npos;
      items.push_back(std::move(content));
    };
    if (list.tag == "li") {
      add_item(Blocks(list.children, true));
    } else {
      for (const HtmlNode& child : list.children) {
        if (IsText(child) && IsBlank(child.text)) continue;
        if (IsElement(child, "li")) {
          add_item(Blocks(child.children, true));
        } else if ((IsElement(child, "ul") || IsElement(child, "ol")) && !items.empty()) {
          // <ul><li>a</li><ul>…</ul></ul>: the inner list belongs to the item before it.
          items.back() += "\n\n" + Blocks({child});
          loose = true;
        } else {
          add_item(Blocks({child}, true));
        }
      }
    }
    long number = 1;
    if (std::string_view start = list.Attribute("start"); !start.empty()) {
      number = std::stol(std::string(start));
    }
    std::string out;
    for (const std::string& item : items) {
      std::string marker =
          list.tag == "ol" ? std::to_string(number++) + delimiter : std::string(1, bullet);
      if (!out.empty()) out += loose ? "\n\n" : "\n";
      if (item.empty()) {
        out += marker;
        continue;
      }
      marker += ' ';
      out += Indented(item, marker, std::string(marker.size(), ' '));
    }
    return out;
  }

  static std::string CodeBlock(const HtmlNode& node) {
    std::string code;
    CollectText(node, code);
    while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
    // The HTML parser drops a newline right after <pre>; a code block keeps the rest.
    size_t longest = 0;
    size_t run = 0;
    for (char c : code) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string fence(std::max<size_t>(3, longest + 1), '`');
    return fence + "\n" + code + (code.empty() ? "" : "\n") + fence;
  }

  std::string Table(const HtmlNode& table) {
    std::vector<const HtmlNode*> rows;
    for (const HtmlNode& child : table.children) {
      if (IsElement(child, "tr")) rows.push_back(&child);
      if (IsElement(child, "thead") || IsElement(child, "tbody") || IsElement(child, "tfoot")) {
        for (const HtmlNode& row : child.children) {
          if (IsElement(row, "tr")) rows.push_back(&row);
        }
      }
    }
    std::vector<std::vector<std::string>> cells;
    size_t columns = 0;
    for (const HtmlNode* row : rows) {
      std::vector<std::string>& line = cells.emplace_back();
      for (const HtmlNode& cell : row->children) {
        if (!IsElement(cell, "th") && !IsElement(cell, "td")) continue;
        line.push_back(Paragraph(cell.children, {.breaks_as_spaces = true}));
      }
      columns = std::max(columns, line.size());
    }
    if (columns == 0) return "";
    std::string out;
    auto write_row = [&](const std::vector<std::string>& line) {
      out += '|';
      for (size_t i = 0; i < columns; ++i) {
        out += ' ';
        if (i < line.size()) out += line[i];
        out += " |";
      }
      out += '\n';
    };
    write_row(cells.front());
    out += '|';
    for (size_t i = 0; i < columns; ++i) out += " --- |";
    out += '\n';
    for (size_t i = 1; i < cells.size(); ++i) write_row(cells[i]);
    out.pop_back();
    return out;
  }

  std::vector<HtmlNode> WithoutBackLinks(const std::vector<HtmlNode>& nodes) const {
    std::vector<HtmlNode> kept;
    for (const HtmlNode& node : nodes) {
      if (footnotes_.IsBackLink(node)) continue;
      HtmlNode copy = node;
      copy.children = WithoutBackLinks(node.children);
      kept.push_back(std::move(copy));
    }
    return kept;
  }

  const Footnotes& footnotes_;
};

}  // namespace

std::string HtmlToMarkdown(std::string_view html) {
  const HtmlNode root = internal::CleanHtmlTree(html);
  const Footnotes footnotes(root);
  BlockWriter writer(footnotes);
  std::string markdown = writer.Blocks(root.children);
  std::string definitions = writer.FootnoteDefinitions();
  if (!definitions.empty()) {
    if (!markdown.empty()) markdown += "\n\n";
    markdown += definitions;
  }
  if (!markdown.empty()) markdown += '\n';
  return markdown;
}

}  // namespace gazette::content
