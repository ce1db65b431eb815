#include "content/char_class.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace gazette::content {
namespace {

struct ClassRange {
  char32_t first;
  char32_t last;
  CharClass char_class;
};

constexpr CharClass kOther = CharClass::kOther;
constexpr CharClass kMark = CharClass::kMark;
constexpr CharClass kApostrophe = CharClass::kApostrophe;

// Every non-ASCII code point that is not a letter, sorted; code points in no range are letters.
constexpr ClassRange kNonLetters[] = {
    {0x0080, 0x00AC, kOther},  // C1 controls, Latin-1 punctuation and symbols
    {0x00AD, 0x00AD, kMark},   // soft hyphen
    {0x00AE, 0x00BF, kOther},      {0x00D7, 0x00D7, kOther},  // ×
    {0x00F7, 0x00F7, kOther},                                 // ÷
    {0x02B0, 0x02BA, kOther},                                 // spacing modifier letters
    {0x02BB, 0x02BC, kApostrophe}, {0x02BD, 0x02BD, kOther},
    {0x02BE, 0x02BF, kApostrophe},                           // ʾ ʿ of Arabic transliteration
    {0x02C0, 0x02FF, kOther},      {0x0300, 0x036F, kMark},  // combining diacritical marks
    {0x0375, 0x0375, kOther},  // Greek punctuation and spacing accents
    {0x037E, 0x037E, kOther},      {0x0384, 0x0385, kOther},
    {0x0387, 0x0387, kOther},      {0x0482, 0x0482, kOther},  // Cyrillic thousands sign
    {0x055A, 0x055F, kOther},                                 // Armenian punctuation
    {0x0589, 0x058A, kOther},      {0x058D, 0x058F, kOther},
    {0x05BE, 0x05BE, kOther},  // Hebrew punctuation
    {0x05C0, 0x05C0, kOther},      {0x05C3, 0x05C3, kOther},
    {0x05C6, 0x05C6, kOther},      {0x05F3, 0x05F4, kOther},
    {0x0600, 0x060F, kOther},                                 // Arabic signs, comma, date separator
    {0x061B, 0x061F, kOther},                                 // Arabic semicolon, question mark
    {0x066A, 0x066D, kOther},      {0x06D4, 0x06D4, kOther},  // Arabic full stop
    {0x06DD, 0x06DE, kOther},      {0x06E9, 0x06E9, kOther},
    {0x0964, 0x0965, kOther},                                 // Devanagari danda
    {0x0970, 0x0970, kOther},      {0x0E3F, 0x0E3F, kOther},  // Thai baht
    {0x0E4F, 0x0E4F, kOther},      {0x0E5A, 0x0E5B, kOther},
    {0x10FB, 0x10FB, kOther},  // Georgian paragraph separator
    {0x1680, 0x1680, kOther},  // Ogham space
    {0x1AB0, 0x1AFF, kMark},   // combining diacritical marks extended
    {0x1DC0, 0x1DFF, kMark},   // combining diacritical marks supplement
    {0x2000, 0x200B, kOther},  // general punctuation: spaces
    {0x200C, 0x200D, kMark},   // zero-width non-joiner and joiner
    {0x200E, 0x2018, kOther},      {0x2019, 0x2019, kApostrophe},  // ’
    {0x201A, 0x205F, kOther},      {0x2060, 0x2060, kMark},        // word joiner
    {0x2061, 0x20CF, kOther},  // invisible operators, super- and subscripts, currency
    {0x20D0, 0x20FF, kMark},   // combining marks for symbols
    {0x2100, 0x2BFF, kOther},  // letterlike, number forms, arrows, math, shapes, dingbats, ...
    {0x2E00, 0x2E7F, kOther},  // supplemental punctuation
    {0x2FF0, 0x3004, kOther},  // ideographic description, CJK spaces and marks
    {0x3008, 0x3020, kOther},  // CJK brackets; 3005-3007 (々 〆 〇) are letters
    {0x3030, 0x3030, kOther},      {0x3036, 0x3037, kOther},
    {0x303D, 0x303F, kOther},      {0x30A0, 0x30A0, kOther},  // ゠
    {0x30FB, 0x30FB, kOther},                                 // katakana middle dot
    {0x3200, 0x33FF, kOther},  // enclosed CJK letters, CJK compatibility squares
    {0x4DC0, 0x4DFF, kOther},  // Yijing hexagrams
    {0xD800, 0xF8FF, kOther},  // surrogates, private use
    {0xFD3E, 0xFD3F, kOther},  // ornate parentheses
    {0xFE00, 0xFE0F, kMark},   // variation selectors
    {0xFE10, 0xFE1F, kOther},  // vertical forms
    {0xFE20, 0xFE2F, kMark},   // combining half marks
    {0xFE30, 0xFE6F, kOther},  // CJK compatibility forms, small forms
    {0xFEFF, 0xFEFF, kMark},   // byte order mark
    {0xFF00, 0xFF0F, kOther},  // fullwidth punctuation
    {0xFF1A, 0xFF20, kOther},      {0xFF3B, 0xFF40, kOther},
    {0xFF5B, 0xFF65, kOther},      {0xFFE0, 0xFFFF, kOther},  // fullwidth symbols, specials
    {0x1D000, 0x1D24F, kOther},                               // musical symbols
    {0x1F000, 0x1FBFF, kOther},   // game symbols, emoji, pictographs, legacy computing
    {0xE0000, 0xE007F, kMark},    // tags
    {0xE0100, 0xE01EF, kMark},    // variation selectors supplement
    {0xF0000, 0x10FFFF, kOther},  // supplementary private use
};

constexpr bool SortedAndDisjoint() {
  for (size_t i = 0; i < std::size(kNonLetters); ++i) {
    if (kNonLetters[i].first > kNonLetters[i].last) return false;
    if (i > 0 && kNonLetters[i - 1].last >= kNonLetters[i].first) return false;
  }
  return true;
}
static_assert(SortedAndDisjoint(), "kNonLetters must be sorted and disjoint for binary search");

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool InRange(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

}  // namespace

CharClass Classify(char32_t code_point) {
  if (code_point < 0x80) {
    if (IsAsciiAlnum(code_point)) return CharClass::kLetter;
    return code_point == '\'' ? CharClass::kApostrophe : CharClass::kOther;
  }
  const auto* it =
      std::upper_bound(std::begin(kNonLetters), std::end(kNonLetters), code_point,
                       [](char32_t c, const ClassRange& range) { return c < range.first; });
  if (it == std::begin(kNonLetters)) return CharClass::kLetter;
  --it;
  return code_point <= it->last ? it->char_class : CharClass::kLetter;
}

char32_t ToLowerSimple(char32_t c) {
  if (InRange(c, 'A', 'Z')) return c + 0x20;
  if (c == 0x0386) return 0x03AC;                                  // Ά
  if (InRange(c, 0x0388, 0x038A)) return c + 0x25;                 // Έ Ή Ί
  if (c == 0x038C) return 0x03CC;                                  // Ό
  if (InRange(c, 0x038E, 0x038F)) return c + 0x3F;                 // Ύ Ώ
  if (InRange(c, 0x0391, 0x03AB) && c != 0x03A2) return c + 0x20;  // Α-Ω, Ϊ Ϋ
  if (InRange(c, 0x0400, 0x040F)) return c + 0x50;                 // Ѐ-Џ
  if (InRange(c, 0x0410, 0x042F)) return c + 0x20;                 // А-Я
  if (c == 0x04C0) return 0x04CF;                                  // Ӏ
  if (InRange(c, 0x04C1, 0x04CE)) return c % 2 == 1 ? c + 1 : c;   // Ӂ-Ӎ
  const bool paired_even =
      InRange(c, 0x0460, 0x0481) || InRange(c, 0x048A, 0x04BF) || InRange(c, 0x04D0, 0x052F);
  if (paired_even) return c % 2 == 0 ? c + 1 : c;   // Ѡ, Ҋ, Ӑ ... pairs
  if (InRange(c, 0x0531, 0x0556)) return c + 0x30;  // Armenian
  if (InRange(c, 0x1C90, 0x1CBA) || InRange(c, 0x1CBD, 0x1CBF)) return c - 0x0BC0;  // Mtavruli
  return c;
}

bool IsCjkCharacter(char32_t c) {
  return InRange(c, 0x3040, 0x30FF) ||  // hiragana, katakana
         InRange(c, 0x31F0, 0x31FF) ||  // katakana phonetic extensions
         InRange(c, 0x3400, 0x4DBF) ||  // CJK extension A
         InRange(c, 0x4E00, 0x9FFF) ||  // CJK unified ideographs
         InRange(c, 0xF900, 0xFAFF) ||  // CJK compatibility ideographs
         InRange(c, 0xFF66, 0xFF9F) ||  // halfwidth katakana
         InRange(c, 0x20000, 0x3134F);  // CJK extensions B-G
}

}  // namespace gazette::content
