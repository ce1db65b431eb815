// The plain text of a piece of HTML, for the fields an import keeps as text (titles, deks,
// category and author names): WordPress stores them with entities and sometimes with markup.
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// The text `html` shows a reader, on one line: tags removed (the content of script, style,
// template and noscript elements with them), character references decoded, every run of
// whitespace (line breaks and block boundaries included) made one space, and the ends trimmed.
// "Q&amp;A: <em>Seoul</em>\n<p>today</p>" -> "Q&A: Seoul today". Invalid UTF-8 is replaced.
std::string HtmlToText(std::string_view html);

}  // namespace gazette::ingest
