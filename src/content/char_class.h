// Coarse Unicode character classes for slugs and word counts: letters of any script versus
// punctuation and symbols, by block, without the full Unicode character database.
#pragma once

namespace gazette::content {

enum class CharClass {
  kLetter,      // letters and digits of any script, with the marks that belong inside words
  kApostrophe,  // ' ’ ʼ ʻ ʾ ʿ: part of the word around it ("Korea's")
  kMark,        // Latin combining accents, variation selectors, joiners, soft hyphen: no text
  kOther,       // spaces, controls, punctuation, symbols, emoji, private use
};

// The class of `code_point`; anything not known as punctuation or a symbol is a letter.
CharClass Classify(char32_t code_point);

// The lowercase form in scripts with simple case pairs (Basic Latin, Greek, Cyrillic, Armenian,
// Georgian Mtavruli); every other code point is returned unchanged.
char32_t ToLowerSimple(char32_t code_point);

// True for Han ideographs and kana, which are written without spaces between words, so each
// counts as a word of its own.
bool IsCjkCharacter(char32_t code_point);

}  // namespace gazette::content
