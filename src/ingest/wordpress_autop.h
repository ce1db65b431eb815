// WordPress's "wpautop": the paragraphs and line breaks that WordPress adds to classic-editor
// post content when it shows it. Stored post_content has blank lines where readers see
// paragraphs.
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// The HTML WordPress shows for `content` (with shortcodes already expanded): text separated by
// blank lines becomes <p> paragraphs, a single line break inside a paragraph becomes <br />, and
// block-level elements (headings, lists, tables, div, blockquote, hr, ...) stand on their own,
// never inside a <p>; the text inside a blockquote gets paragraphs too. The content of pre,
// script, style, textarea and figure elements and of comments is left as it is (line breaks
// inside script, style and textarea, which may stand inside a paragraph, become spaces).
// Block-editor content (it holds "<!-- wp:" comments) is already HTML and is returned unchanged,
// as WordPress does.
std::string AutoParagraphs(std::string_view content);

}  // namespace gazette::ingest
