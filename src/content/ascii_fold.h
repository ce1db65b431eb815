// Folds letters of the Latin script, with or without diacritics, to lowercase ASCII for slugs.
#pragma once

#include <string_view>

namespace gazette::content {

// The lowercase ASCII letters for `code_point` when it is an ASCII letter or digit, a Latin
// letter with diacritics or a ligature (é -> "e", ß -> "ss", Æ -> "ae", ł -> "l", þ -> "th",
// ệ -> "e"), or a fullwidth Latin letter or digit; empty for anything else. The result points
// to static storage.
std::string_view FoldToAscii(char32_t code_point);

}  // namespace gazette::content
