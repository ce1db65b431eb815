#include "content/plain_text.h"

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

#include "content/markdown_parse.h"

namespace gazette::content {
namespace {

// Appends text with the strongest separator asked for since the last text; no separator
// before the first text or after the last.
class PlainTextWriter {
 public:
  enum class Gap { kNone, kSpace, kLine, kBlock };

  void Separate(Gap gap) {
    if (gap > pending_) pending_ = gap;
  }

  void Append(std::string_view text) {
    if (text.empty()) return;
    if (!out_.empty()) {
      switch (pending_) {
        case Gap::kNone:
          break;
        case Gap::kSpace:
          out_ += ' ';
          break;
        case Gap::kLine:
          out_ += '\n';
          break;
        case Gap::kBlock:
          out_ += "\n\n";
          break;
      }
    }
    pending_ = Gap::kNone;
    out_ += text;
  }

  std::string Take() && { return std::move(out_); }

 private:
  std::string out_;
  Gap pending_ = Gap::kNone;
};

struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// Code blocks end with a line break that is not text.
std::string_view WithoutFinalNewlines(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

// What separates the node's text from its neighbours'.
PlainTextWriter::Gap GapAround(cmark_node* node) {
  using Gap = PlainTextWriter::Gap;
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_LIST:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return Gap::kBlock;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      return Gap::kSpace;
    default:
      break;
  }
  // The table extension's nodes have no type constant of their own in the public header.
  const std::string_view type = cmark_node_get_type_string(node);
  if (type == "table") return Gap::kBlock;
  if (type == "table_row" || type == "table_header") return Gap::kLine;
  if (type == "table_cell") return Gap::kSpace;
  return Gap::kNone;
}

}  // namespace

std::string MarkdownToPlainText(std::string_view markdown) {
  internal::ParsedMarkdown parsed = internal::ParseMarkdown(markdown);
  PlainTextWriter out;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(parsed.document.get()));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    out.Separate(GapAround(node));
    if (event != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out.Append(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_CODE_BLOCK:
        out.Append(WithoutFinalNewlines(cmark_node_get_literal(node)));
        break;
      default:
        // Containers give their children's text; raw HTML and footnote reference marks none.
        break;
    }
  }
  return std::move(out).Take();
}

}  // namespace gazette::content
