// Made-up prose about international affairs for synthetic articles (gazette bench-data): words,
// names, titles and Markdown bodies drawn from a seeded generator, so that the same draws give
// the same text on every machine.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace gazette::ingest {

// The generator every synthetic draw takes its numbers from. Only its raw output is used (no
// std:: distributions, whose results differ between standard libraries), so text is the same
// wherever it is made.
using SyntheticRandom = std::mt19937_64;

// A uniformly drawn whole number in [0, n). REQUIRES: n > 0.
uint64_t Below(SyntheticRandom& random, uint64_t n);
// A uniformly drawn number in [0, 1).
double Unit(SyntheticRandom& random);

// Draws from a fixed vocabulary: common words, a few hundred words of politics, economics and
// security, and some thousands of invented place and family names. Words are drawn with a
// Zipf-like skew, as in real prose, so that a search index built from the text has realistic
// posting lists. Immutable once built: safe for concurrent use, each thread with its own
// SyntheticRandom.
class SyntheticText {
 public:
  SyntheticText();

  // `words` words (at least 1) ending with a full stop, the first capitalized.
  std::string Sentence(SyntheticRandom& random, int words) const;
  // A headline of five to ten words, capitalized like a sentence, without a full stop.
  std::string Title(SyntheticRandom& random) const;
  // A person's name, "Given Family".
  std::string PersonName(SyntheticRandom& random) const;
  // Invented place name number `index` (0 .. place_count()-1), capitalized.
  const std::string& Place(size_t index) const { return places_[index]; }
  size_t place_count() const { return places_.size(); }
  // A subject word ("sanctions", "grain") from the topical vocabulary.
  const std::string& Subject(size_t index) const { return subjects_[index]; }
  size_t subject_count() const { return subjects_.size(); }

  // A Markdown body of about `words` words: paragraphs of 40 to 140 words, a "## " heading every
  // few paragraphs, now and then a pull quote ("> "), and footnote references ("[^1]") whose
  // definitions close the body. REQUIRES: words >= 50.
  std::string Body(SyntheticRandom& random, int words) const;

 private:
  // Appends one drawn word (lower case, except names).
  void AppendWord(SyntheticRandom& random, std::string& out) const;
  // Appends a sentence of `words` words, a space before it unless `out` is empty or ends a line.
  void AppendSentence(SyntheticRandom& random, int words, std::string& out) const;

  std::vector<std::string> words_;  // most frequent first
  std::vector<double> cumulative_;  // Zipf-like weights of words_, summed
  // Where a draw in each equal slice of the total weight starts looking for its word (a guide
  // table): a binary search over thousands of words per word drawn showed as 7% of bench-data.
  std::vector<size_t> guide_;
  std::vector<std::string> places_;
  std::vector<std::string> subjects_;
};

}  // namespace gazette::ingest
