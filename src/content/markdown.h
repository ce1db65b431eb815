// Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks, footnotes; raw HTML off.
#pragma once

#include <string>
#include <string_view>

namespace gazette::content {

// Renders GitHub-flavoured Markdown to an HTML fragment. Footnotes ("[^1]") become numbered
// references with back-links; raw HTML in the input is omitted, and unsafe link schemes
// (javascript:, vbscript:, file:, data: except images) are dropped. Never fails: any byte string
// gives some HTML. Safe for concurrent use.
std::string RenderMarkdown(std::string_view markdown);

}  // namespace gazette::content
