// WordPress post content (post_content, the WXR's content:encoded) to an article body: it is not
// HTML yet, but text with shortcodes and blank lines that WordPress turns into HTML when it
// shows a post. Gazette does the same once, at import, then keeps Markdown.
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// The HTML WordPress would show: ExpandShortcodes, then AutoParagraphs. Not sanitized.
std::string WordPressContentToHtml(std::string_view post_content);

// The article body: WordPressContentToHtml, then content::HtmlToMarkdown, which keeps only what
// its allow-list allows (no script, style, iframe, event attributes or javascript: links) and
// turns WordPress's footnote markup into Markdown footnotes.
std::string WordPressContentToMarkdown(std::string_view post_content);

}  // namespace gazette::ingest
