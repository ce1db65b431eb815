#include "content/text_stats.h"

#include "content/char_class.h"
#include "content/text_stats_internal.h"
#include "content/utf8.h"

namespace gazette::content {
namespace {

constexpr int kWordsPerMinute = 230;
constexpr std::string_view kMarkupBreaks = "|*#>[]()!`~<=";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsAsciiWordBreak(char c) {
  return IsSpace(c) || kMarkupBreaks.find(c) != std::string_view::npos;
}

// Characters that end a word: white space, Markdown markup, and the dashes, ellipses and spaces
// of general and CJK punctuation, which are often written without spaces around them.
bool IsWordBreak(char32_t c) {
  if (c < 0x80) return IsAsciiWordBreak(static_cast<char>(c));
  if (Classify(c) != CharClass::kOther) return false;
  const bool hyphen = c == 0x2010 || c == 0x2011;
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x206F && !hyphen) || (c >= 0x3000 && c <= 0x303F);
}

// Drops what opens a block: indentation, blockquote markers and an ordered-list number.
std::string_view StripBlockPrefix(std::string_view line) {
  while (true) {
    while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() != '>') break;
    line.remove_prefix(1);
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 10 && IsDigit(line[digits])) ++digits;
  const bool marker = digits > 0 && digits < 10 && digits < line.size() &&
                      (line[digits] == '.' || line[digits] == ')') &&
                      (digits + 1 == line.size() || IsSpace(line[digits + 1]));
  if (marker) line.remove_prefix(digits + 1);
  return line;
}

bool IsCodeFence(std::string_view line) {
  return line.starts_with("```") || line.starts_with("~~~");
}

// "[label]: https://..." defines a link target: nothing on that line is read.
bool IsLinkReferenceDefinition(std::string_view line) {
  if (!line.starts_with('[') || line.starts_with("[^")) return false;
  const size_t close = line.find(']');
  return close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == ':';
}

// The index just past the ']' that closes the reference label "[...]" at `open`, or the end.
size_t SkipReferenceLabel(std::string_view text, size_t open) {
  const size_t close = text.find(']', open);
  return close == std::string_view::npos ? text.size() : close + 1;
}

// The index just past the ')' that closes the '(' at `open`, or the end of `text`.
size_t SkipParenthesized(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i + 1;
  }
  return text.size();
}

// The index just past a footnote label "[^...]" starting at `i`, or `i` when there is none.
size_t SkipFootnoteLabel(std::string_view text, size_t i) {
  if (text.compare(i, 2, "[^") != 0) return i;
  for (size_t j = i + 2; j < text.size(); ++j) {
    if (text[j] == ']') return j > i + 2 ? j + 1 : i;
    if (IsSpace(text[j]) || text[j] == '[') return i;
  }
  return i;
}

// With kAsciiFastPath, an ASCII byte is classed on the spot, without decoding it or looking it
// up among the Unicode ranges, and only '[' and ']' are tried as the start of a label or link
// (each of those starts with one): the same count, several times faster on English prose, where
// nearly every byte is ASCII. Without it, every character takes the general path.
template <bool kAsciiFastPath>
int CountWordsInLine(std::string_view text) {
  int words = 0;
  bool word_has_letters = false;
  const auto end_word = [&] {
    if (word_has_letters) ++words;
    word_has_letters = false;
  };
  size_t i = 0;
  while (i < text.size()) {
    if constexpr (kAsciiFastPath) {
      const char byte = text[i];
      if (byte != '[' && byte != ']' && static_cast<unsigned char>(byte) < 0x80) {
        ++i;
        if (IsAsciiWordBreak(byte)) {
          end_word();
        } else if (IsAsciiAlnum(byte)) {
          word_has_letters = true;
        }
        continue;
      }
    }
    if (const size_t after_label = SkipFootnoteLabel(text, i); after_label != i) {
      end_word();
      i = after_label;
      continue;
    }
    if (text.compare(i, 2, "](") == 0) {  // link destination and title
      end_word();
      i = SkipParenthesized(text, i + 1);
      continue;
    }
    if (text.compare(i, 2, "][") == 0) {  // reference link label
      end_word();
      i = SkipReferenceLabel(text, i + 1);
      continue;
    }
    const DecodedChar c = DecodeUtf8(text.substr(i));
    i += c.length;
    if (c.code_point == kInvalidCodePoint) continue;
    if (IsWordBreak(c.code_point)) {
      end_word();
    } else if (Classify(c.code_point) == CharClass::kLetter) {
      if (IsCjkCharacter(c.code_point)) {
        end_word();
        ++words;
      } else {
        word_has_letters = true;
      }
    }
  }
  end_word();
  return words;
}

template <bool kAsciiFastPath>
int CountWordsInLines(std::string_view markdown) {
  int words = 0;
  while (!markdown.empty()) {
    const size_t newline = markdown.find('\n');
    const std::string_view line = StripBlockPrefix(markdown.substr(0, newline));
    markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
    if (IsCodeFence(line) || IsLinkReferenceDefinition(line)) continue;
    words += CountWordsInLine<kAsciiFastPath>(line);
  }
  return words;
}

}  // namespace

int CountWords(std::string_view markdown) { return CountWordsInLines<true>(markdown); }

int CountWordsWithoutAsciiFastPath(std::string_view markdown) {
  return CountWordsInLines<false>(markdown);
}

int ReadingMinutes(int words) {
  if (words <= 0) return 1;
  return words / kWordsPerMinute + (words % kWordsPerMinute != 0 ? 1 : 0);
}

}  // namespace gazette::content
