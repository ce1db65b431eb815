#include "store/related_words.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "content/char_class.h"
#include "content/utf8.h"

namespace gazette::store {
namespace {

// How much one occurrence counts, by where it is.
constexpr int kTitleWeight = 3;
constexpr int kTagWeight = 3;
constexpr int kDekWeight = 2;
constexpr int kBodyWeight = 1;

constexpr size_t kShortestWord = 3;  // in characters

// Common English words that say nothing about a topic.
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "about", "above",   "after",   "again",   "against", "all",   "also",   "among",
      "and",   "any",     "are",     "around",  "because", "been",  "before", "being",
      "below", "between", "both",    "but",     "can",     "could", "did",    "does",
      "doing", "down",    "during",  "each",    "even",    "ever",  "every",  "few",
      "for",   "from",    "further", "had",     "has",     "have",  "having", "her",
      "here",  "hers",    "herself", "him",     "himself", "his",   "how",    "however",
      "into",  "its",     "itself",  "just",    "last",    "less",  "like",   "made",
      "make",  "many",    "may",     "more",    "most",    "much",  "must",   "new",
      "not",   "now",     "off",     "once",    "one",     "only",  "other",  "others",
      "our",   "ours",    "out",     "over",    "own",     "said",  "same",   "say",
      "says",  "she",     "should",  "since",   "some",    "still", "such",   "than",
      "that",  "the",     "their",   "theirs",  "them",    "then",  "there",  "these",
      "they",  "this",    "those",   "though",  "through", "too",   "two",    "under",
      "until", "upon",    "very",    "was",     "way",     "were",  "what",   "when",
      "where", "whether", "which",   "while",   "who",     "whom",  "whose",  "why",
      "will",  "with",    "within",  "without", "would",   "year",  "years",  "yet",
      "you",   "your",    "yours",
  };
  return words;
}

bool IsNumber(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Adds `weight` to every word of `text` worth keeping.
void CountWords(std::string_view text, int weight, std::unordered_map<std::string, int>& counts) {
  std::string word;
  size_t characters = 0;
  auto finish = [&] {
    if (characters >= kShortestWord && !IsNumber(word) && !StopWords().contains(word)) {
      counts[word] += weight;
    }
    word.clear();
    characters = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const content::DecodedChar c = content::DecodeUtf8(text.substr(i));
    i += c.length;
    if (c.code_point != content::kInvalidCodePoint &&
        content::Classify(c.code_point) == content::CharClass::kLetter) {
      content::AppendUtf8(content::ToLowerSimple(c.code_point), word);
      ++characters;
    } else if (c.code_point == content::kInvalidCodePoint ||
               content::Classify(c.code_point) != content::CharClass::kMark) {
      finish();
    }
  }
  finish();
}

}  // namespace

std::vector<std::string> DistinctiveWords(const RelatedText& text, size_t limit) {
  std::unordered_map<std::string, int> counts;
  CountWords(text.title, kTitleWeight, counts);
  for (const std::string& tag : text.tag_names) CountWords(tag, kTagWeight, counts);
  CountWords(text.dek, kDekWeight, counts);
  CountWords(text.body_text, kBodyWeight, counts);

  std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (a.first.size() != b.first.size()) return a.first.size() > b.first.size();
    return a.first < b.first;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  std::vector<std::string> words;
  words.reserve(ranked.size());
  for (auto& [word, count] : ranked) words.push_back(std::move(word));
  return words;
}

}  // namespace gazette::store
