// Word counts and reading time of article bodies.
#pragma once

#include <string_view>

namespace gazette::content {

// Words in a Markdown source, ignoring markup punctuation and footnote definitions' labels.
int CountWords(std::string_view markdown);

// Minutes to read `words` words at 230 words a minute, rounded up, at least 1.
int ReadingMinutes(int words);

}  // namespace gazette::content
