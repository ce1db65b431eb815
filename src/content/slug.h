// URL slugs from titles: lowercase, hyphen-separated, Unicode-aware.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace gazette::content {

// "Korea's Détente: Will It Last?" -> "koreas-detente-will-it-last". Latin letters with
// diacritics become their base letters; letters of other scripts (Cyrillic, Greek, CJK, ...) are
// kept, lowercased where the script has case; everything else separates words. At most 80 bytes,
// cut at a word boundary where possible. Empty or symbol-only input gives "untitled".
std::string Slugify(std::string_view title);

// The first of `base`, `base-2`, `base-3`, ... for which `taken` answers false.
std::string UniqueSlug(std::string_view base, const std::function<bool(const std::string&)>& taken);

}  // namespace gazette::content
