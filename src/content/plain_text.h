// Markdown to plain text: the words a reader sees, without Markdown's marks, for the search index
// and its snippets.
#pragma once

#include <string>
#include <string_view>

namespace gazette::content {

// The text of GitHub-flavoured Markdown as a reader sees it once rendered: emphasis, heading and
// list marks, link targets, footnote reference marks ("[^1]") and raw HTML are dropped; link and
// image texts, code and the text of footnote definitions are kept. Blocks (paragraphs, headings,
// list items, footnotes, code blocks) are separated by a blank line, table rows by a line break,
// table cells and line breaks within a paragraph by a space. Never fails: any byte string gives
// some text (invalid UTF-8 becomes U+FFFD). Safe for concurrent use.
std::string MarkdownToPlainText(std::string_view markdown);

}  // namespace gazette::content
