// HTML from elsewhere (a WordPress import) to the Markdown that Gazette keeps as an article's
// source, through the same allow-list as SanitizeHtml.
#pragma once

#include <string>
#include <string_view>

namespace gazette::content {

// GitHub-flavoured Markdown saying what SanitizeHtml(html) says: RenderMarkdown of the result
// gives the same text in the same structure (paragraphs, headings, lists with their start,
// quotes, code, tables, links, images, emphasis, strikethrough, line breaks, rules), except that
// sup/sub keep only their text and a table cell only its inline content. Footnote markup —
// WordPress's footnotes block (<sup data-fn><a href="#ID">) and the common
// <sup><a href="#fn1"> pattern, each pointing at an <li id> of a list — becomes [^1] references
// with their definitions at the end, back-links removed. Text is escaped so that it stays
// literal. Never fails. Safe for concurrent use.
std::string HtmlToMarkdown(std::string_view html);

}  // namespace gazette::content
