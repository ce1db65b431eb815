#include "search/query_parser.h"

#include <algorithm>
#include <string>

#include "content/utf8.h"

namespace gazette::search {
namespace {

using store::SearchTerm;

enum class Kind { kSpace, kQuote, kStar, kWord, kJoiner };

// How the parser sees one character. Letters, digits and every other character beyond ASCII
// (which the backends tokenize by their own Unicode rules) make words; ASCII punctuation joins
// the words of a phrase; spaces, control characters and undecodable bytes separate terms.
Kind KindOf(char32_t c) {
  if (c == content::kInvalidCodePoint || c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) ||
      c == ' ' || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
      c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF) {
    return Kind::kSpace;
  }
  if (c == '"') return Kind::kQuote;
  if (c == '*') return Kind::kStar;
  if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    return Kind::kWord;
  }
  return Kind::kJoiner;
}

struct Char {
  char32_t code_point;
  Kind kind;
};

std::vector<Char> Decode(std::string_view text) {
  text = text.substr(0, kMaxQueryBytes);
  std::vector<Char> chars;
  while (!text.empty()) {
    const content::DecodedChar decoded = content::DecodeUtf8(text);
    chars.push_back({decoded.code_point, KindOf(decoded.code_point)});
    text.remove_prefix(decoded.length);
  }
  return chars;
}

// Collects the terms, applying the limits and dropping repeats.
class TermList {
 public:
  // Adds the words of chars[begin, end) as one term; a run of word characters is one word.
  void Add(const std::vector<Char>& chars, size_t begin, size_t end, bool prefix) {
    SearchTerm term;
    std::string word;
    size_t last_word_length = 0;  // in characters
    size_t length = 0;
    auto finish_word = [&] {
      if (word.empty()) return;
      if (term.words.size() < kMaxPhraseWords) term.words.push_back(std::move(word));
      last_word_length = length;
      word.clear();
      length = 0;
    };
    for (size_t i = begin; i < end; ++i) {
      if (chars[i].kind != Kind::kWord) {
        finish_word();
        continue;
      }
      std::string encoded;
      content::AppendUtf8(chars[i].code_point, encoded);
      if (word.size() + encoded.size() <= kMaxWordBytes) {
        word += encoded;
        ++length;
      }
    }
    finish_word();
    if (term.words.empty() || terms_.size() >= kMaxTerms) return;
    term.prefix = prefix && last_word_length >= 2;
    const bool repeated = std::any_of(terms_.begin(), terms_.end(), [&](const SearchTerm& t) {
      return t.words == term.words && t.prefix == term.prefix;
    });
    if (!repeated) terms_.push_back(std::move(term));
  }

  std::vector<SearchTerm> Take() { return std::move(terms_); }

 private:
  std::vector<SearchTerm> terms_;
};

}  // namespace

std::vector<SearchTerm> ParseQuery(std::string_view text) {
  const std::vector<Char> chars = Decode(text);
  TermList terms;
  size_t i = 0;
  while (i < chars.size()) {
    const Kind kind = chars[i].kind;
    if (kind == Kind::kSpace) {
      ++i;
      continue;
    }
    if (kind == Kind::kQuote) {
      size_t close = i + 1;
      while (close < chars.size() && chars[close].kind != Kind::kQuote) ++close;
      if (close == chars.size()) {  // unbalanced: the quote is only a separator
        ++i;
        continue;
      }
      const bool prefix = close + 1 < chars.size() && chars[close + 1].kind == Kind::kStar;
      terms.Add(chars, i + 1, close, prefix);
      i = close + (prefix ? 2 : 1);
      continue;
    }
    // A run of characters up to the next space or quote: a word, or a phrase of joined words.
    size_t end = i;
    while (end < chars.size() && chars[end].kind != Kind::kSpace &&
           chars[end].kind != Kind::kQuote) {
      ++end;
    }
    const bool prefix =
        end - i >= 2 && chars[end - 1].kind == Kind::kStar && chars[end - 2].kind == Kind::kWord;
    terms.Add(chars, i, end, prefix);
    i = end;
  }
  return terms.Take();
}

}  // namespace gazette::search
