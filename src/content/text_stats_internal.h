// What text_stats.cpp shows its tests only. Private to content/.
#pragma once

#include <string_view>

namespace gazette::content {

// CountWords with every character decoded and classed by the general Unicode path, which
// CountWords skips for ASCII bytes: the reference its fast path must agree with.
int CountWordsWithoutAsciiFastPath(std::string_view markdown);

}  // namespace gazette::content
