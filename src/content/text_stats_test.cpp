#include "content/text_stats.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/text_stats_internal.h"

namespace gazette::content {
namespace {

TEST(CountWordsTest, PlainProse) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("   \n\n  "), 0);
  EXPECT_EQ(CountWords("Seoul and Tokyo agreed."), 4);
  EXPECT_EQ(CountWords("It's a well-known fact,\nsaid   the\tminister."), 7);
}

TEST(CountWordsTest, MarkupPunctuationIsNotAWord) {
  EXPECT_EQ(CountWords("# Heading here\n\n> quoted *words* and **strong** ones\n"), 7);
  EXPECT_EQ(CountWords("- item one\n* item two\n+ three\n\n---\n***\n"), 5);
  EXPECT_EQ(CountWords("1. first\n2) second\n10. tenth"), 3);
  EXPECT_EQ(CountWords("~~gone~~ `code` _em_"), 3);
}

TEST(CountWordsTest, TablesCountCellsNotPipes) {
  EXPECT_EQ(CountWords("|Country|Share|\n|:--|--:|\n|South Korea|12|\n"), 5);
}

TEST(CountWordsTest, LinkUrlsAreNotWords) {
  EXPECT_EQ(CountWords("Read [the original report](https://example.org/a_(b) \"Title\") now."), 5);
  EXPECT_EQ(CountWords("![A map of Korea](/media/map.png)"), 4);
  EXPECT_EQ(CountWords("See [the report][r].\n\n[r]: https://example.org/report \"Report\"\n"), 3);
}

TEST(CountWordsTest, FootnoteLabelsAreNotWords) {
  EXPECT_EQ(CountWords("A claim.[^1] Another[^riac-2].\n\n[^1]: The source.\n"), 5);
  EXPECT_EQ(CountWords("[^lake]: First published by Lakeside."), 4);
}

TEST(CountWordsTest, FencedCodeInfoStringIsNotAWord) {
  EXPECT_EQ(CountWords("```python\nprint(x)\n```\n"), 2);
}

TEST(CountWordsTest, DashesAndEllipsesSeparateWords) {
  EXPECT_EQ(CountWords("the war\u2014which began\u2013ended\u2026later"), 6);
  EXPECT_EQ(CountWords("the \u2014 dash"), 2);
}

TEST(CountWordsTest, OtherScripts) {
  EXPECT_EQ(CountWords("Россия и Китай"), 3);
  EXPECT_EQ(CountWords("Ελλάδα και Κύπρος"), 3);
  EXPECT_EQ(CountWords("中国外交"), 4);
  EXPECT_EQ(CountWords("日本と韓国。"), 5);
  EXPECT_EQ(CountWords("Tokyo東京"), 3);
}

TEST(CountWordsTest, InvalidUtf8AndNulAreHarmless) {
  EXPECT_EQ(CountWords("one \xff two \xc3"), 2);
  EXPECT_EQ(CountWords(std::string("one\0two three", 13)), 2);
}

// The ASCII fast path counts as the general path does, on text that mixes ASCII with other
// scripts, markup, labels and bytes that are not UTF-8, cut at every length so that each
// fragment also meets every other at a line's start and end.
TEST(CountWordsTest, AsciiFastPathCountsAsTheGeneralPath) {
  const std::vector<std::string> fragments = {"Seoul and Tokyo",
                                              " ",
                                              "\n",
                                              "> ",
                                              "1. ",
                                              "# ",
                                              "[^1]",
                                              "[^1]: note",
                                              "[text](url (t))",
                                              "[ref][id]",
                                              "[id]: https://example.com",
                                              "](",
                                              "][",
                                              "[^",
                                              "```",
                                              "—",
                                              "…",
                                              "Ḱorea's",
                                              "東京都",
                                              "ひらがな",
                                              "Москва",
                                              "e\xCC\x81",
                                              "\xFF",
                                              "\xE2\x80",
                                              std::string(1, '\0'),
                                              "*",
                                              "|",
                                              "well-known",
                                              "3.14",
                                              "_",
                                              "'",
                                              "\t",
                                              "~~~",
                                              "Zürich",
                                              "«",
                                              " ",
                                              "<br>",
                                              "1999"};
  std::string text;
  uint32_t state = 12345;  // a fixed linear congruential sequence: the same text every run
  for (int i = 0; i < 1000; ++i) {
    state = state * 1664525u + 1013904223u;
    text += fragments[(state >> 8) % fragments.size()];
  }
  for (size_t length = 0; length <= text.size(); length += 7) {
    const std::string_view prefix = std::string_view(text).substr(0, length);
    ASSERT_EQ(CountWords(prefix), CountWordsWithoutAsciiFastPath(prefix)) << "length " << length;
  }
  EXPECT_GT(CountWords(text), 200);
}

TEST(ReadingMinutesTest, RoundsUpAtLeastOne) {
  EXPECT_EQ(ReadingMinutes(-5), 1);
  EXPECT_EQ(ReadingMinutes(0), 1);
  EXPECT_EQ(ReadingMinutes(1), 1);
  EXPECT_EQ(ReadingMinutes(230), 1);
  EXPECT_EQ(ReadingMinutes(231), 2);
  EXPECT_EQ(ReadingMinutes(2300), 10);
  EXPECT_EQ(ReadingMinutes(INT_MAX), INT_MAX / 230 + 1);
}

}  // namespace
}  // namespace gazette::content
