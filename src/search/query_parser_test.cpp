#include "search/query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette::search {
namespace {

using store::SearchTerm;

// The terms written as text: words joined by '+', a prefix marked with '*', terms by ' | '.
std::string Show(const std::vector<SearchTerm>& terms) {
  std::string out;
  for (const SearchTerm& term : terms) {
    if (!out.empty()) out += " | ";
    for (size_t i = 0; i < term.words.size(); ++i) {
      if (i > 0) out += '+';
      out += term.words[i];
    }
    if (term.prefix) out += '*';
  }
  return out;
}

std::string Parse(std::string_view text) { return Show(ParseQuery(text)); }

TEST(ParseQueryTest, WordsAreSeparateTerms) {
  EXPECT_EQ(Parse("sanctions  Pyongyang\ttrade"), "sanctions | Pyongyang | trade");
}

TEST(ParseQueryTest, QuotedTextIsOnePhrase) {
  EXPECT_EQ(Parse("\"North Korea\" sanctions"), "North+Korea | sanctions");
  EXPECT_EQ(Parse("\"gas pipeline\"*"), "gas+pipeline*");
}

TEST(ParseQueryTest, AStarAfterAWordMakesAPrefix) {
  EXPECT_EQ(Parse("sanct* x* **"), "sanct* | x");
  EXPECT_EQ(Parse("*sanct"), "sanct");
}

TEST(ParseQueryTest, PunctuationJoinsWordsIntoAPhrase) {
  EXPECT_EQ(Parse("al-Assad U.S. don't"), "al+Assad | U+S | don+t");
}

TEST(ParseQueryTest, LettersBeyondAsciiMakeWords) {
  EXPECT_EQ(Parse("Élysée Núñez 北京"), "Élysée | Núñez | 北京");
  EXPECT_EQ(Parse("a\u00a0b\u3000c"), "a | b | c");
}

TEST(ParseQueryTest, EmptyAndWordlessTextGiveNoTerms) {
  EXPECT_TRUE(ParseQuery("").empty());
  EXPECT_TRUE(ParseQuery("   \t\n").empty());
  EXPECT_TRUE(ParseQuery("\"*\"").empty());
  EXPECT_TRUE(ParseQuery("\"\" ^ * - ( ) : + , ;").empty());
}

TEST(ParseQueryTest, OperatorsArePlainWords) {
  EXPECT_EQ(Parse("a OR b NOT c AND d"), "a | OR | b | NOT | c | AND | d");
  EXPECT_EQ(Parse("NEAR(a b, 2)"), "NEAR+a | b | 2");
  EXPECT_EQ(Parse("title:x ^y {title}:z"), "title+x | y | title+z");
}

TEST(ParseQueryTest, UnbalancedQuotesAreSeparators) {
  EXPECT_EQ(Parse("\"north korea"), "north | korea");
  EXPECT_EQ(Parse("\"a b\" \"c"), "a+b | c");
  EXPECT_EQ(Parse("x\"y"), "x | y");
}

TEST(ParseQueryTest, SqlIsJustWords) {
  EXPECT_EQ(Parse("'; DROP TABLE articles; --"), "DROP | TABLE | articles");
}

TEST(ParseQueryTest, NulControlsAndBadUtf8Separate) {
  EXPECT_EQ(Parse(std::string("sanc\0tions", 10)), "sanc | tions");
  EXPECT_EQ(Parse("a\x01\x7f"
                  "b"),
            "a | b");
  EXPECT_EQ(Parse("a\xff\xfe"
                  "b \xc3"),
            "a | b");
  // A lone surrogate encoded in UTF-8 (CESU style) is not UTF-8.
  EXPECT_EQ(Parse("x\xed\xa0\x80y"), "x | y");
}

TEST(ParseQueryTest, RepeatedTermsAreKeptOnce) {
  EXPECT_EQ(Parse("war war \"war\" war*"), "war | war*");
}

TEST(ParseQueryTest, LongInputIsCapped) {
  std::string many;
  for (int i = 0; i < 100; ++i) many += "w" + std::to_string(i) + " ";
  auto terms = ParseQuery(many);
  ASSERT_EQ(terms.size(), kMaxTerms);
  EXPECT_EQ(terms.back().words.front(), "w" + std::to_string(kMaxTerms - 1));

  auto phrase = ParseQuery("\"" + many + "\"");
  ASSERT_EQ(phrase.size(), 1u);
  EXPECT_EQ(phrase.front().words.size(), kMaxPhraseWords);

  auto word = ParseQuery(std::string(10'000, 'a'));
  ASSERT_EQ(word.size(), 1u);
  EXPECT_EQ(word.front().words.front().size(), kMaxWordBytes);

  auto wide = ParseQuery(std::string(10'000, '\xc3') + "x");
  EXPECT_TRUE(wide.empty());  // the 'x' lies beyond kMaxQueryBytes

  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "é";
  auto truncated = ParseQuery(accents);
  ASSERT_EQ(truncated.size(), 1u);
  EXPECT_EQ(truncated.front().words.front().size(), kMaxWordBytes);  // 32 whole é
}

}  // namespace
}  // namespace gazette::search
