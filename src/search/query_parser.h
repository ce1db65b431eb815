// The search query parser: turns whatever a reader typed into the search box into the terms a
// Store search takes. Backends quote every word, so no input can reach a backend's own syntax.
#pragma once

#include <string_view>
#include <vector>

#include "store/store.h"

namespace gazette::search {

// Limits on what one query may ask, so that a long or crafted string costs no more than a
// reasonable one. Input beyond kMaxQueryBytes is ignored; terms beyond kMaxTerms are dropped;
// a phrase keeps its first kMaxPhraseWords words; a longer word keeps its first kMaxWordBytes
// bytes (whole characters only).
inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxTerms = 12;
inline constexpr size_t kMaxPhraseWords = 10;
inline constexpr size_t kMaxWordBytes = 64;

// The terms of `text`, all of which a hit must match:
//   - words separated by spaces are separate terms;
//   - "a quoted phrase" is one term whose words must appear together, in order; a quote without
//     its closing partner is ignored;
//   - word* (at least two characters before the '*') is a prefix term;
//   - a run of characters joined by punctuation (al-Assad, U.S.) is a phrase of its words;
//   - everything else (operators such as AND, NEAR( or ^, punctuation, control characters, NUL,
//     bytes that are not UTF-8) is a separator or a plain word, never syntax.
// A term repeated is kept once. Text with no word gives no terms. Never fails.
std::vector<store::SearchTerm> ParseQuery(std::string_view text);

}  // namespace gazette::search
