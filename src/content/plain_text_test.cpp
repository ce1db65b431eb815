#include "content/plain_text.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "content/utf8.h"

namespace gazette::content {
namespace {

TEST(PlainTextTest, EmphasisHeadingsAndParagraphsLoseTheirMarks) {
  EXPECT_EQ(MarkdownToPlainText("# East Asia\n\nFirst *line*\nsame **paragraph**.\n\nSecond."),
            "East Asia\n\nFirst line same paragraph.\n\nSecond.");
}

TEST(PlainTextTest, EmptyInputGivesEmptyText) { EXPECT_EQ(MarkdownToPlainText(""), ""); }

TEST(PlainTextTest, LinksKeepTheirTextAndDropTheirTargets) {
  EXPECT_EQ(MarkdownToPlainText("See [the treaty](https://example.org/treaty \"Treaty\") and "
                                "<https://example.org/auto> and ![a map](map.png)."),
            "See the treaty and https://example.org/auto and a map.");
}

TEST(PlainTextTest, FootnoteMarksGoAndTheirTextStays) {
  const std::string text = MarkdownToPlainText(
      "Trade grew.[^1] It fell later.[^note]\n\n[^1]: Customs data, 2023.\n"
      "[^note]: See *the annex*.\n");
  EXPECT_EQ(text.find("[^"), std::string::npos) << text;
  EXPECT_EQ(text.find('*'), std::string::npos) << text;
  EXPECT_EQ(text, "Trade grew. It fell later.\n\nCustoms data, 2023.\n\nSee the annex.");
}

TEST(PlainTextTest, ListsQuotesCodeAndRules) {
  EXPECT_EQ(MarkdownToPlainText("- one\n- `two`\n\n> quoted\n\n---\n\n```\nint x;\n```\n"),
            "one\n\ntwo\n\nquoted\n\nint x;");
}

TEST(PlainTextTest, TablesBecomeLinesOfCells) {
  EXPECT_EQ(MarkdownToPlainText("| Country | Share |\n|:--|--:|\n| Korea | 12% |\n"),
            "Country Share\nKorea 12%");
}

TEST(PlainTextTest, RawHtmlAndStrikethroughMarksAreDropped) {
  EXPECT_EQ(MarkdownToPlainText("Keep <b>this</b> ~~old~~ text.\n\n<div>gone</div>\n"),
            "Keep this old text.");
}

TEST(PlainTextTest, SmartPunctuationAndEscapesGiveTheirCharacters) {
  EXPECT_EQ(MarkdownToPlainText("\"D\u00e9tente\" -- it's \\*over\\*"),
            "\u201cD\u00e9tente\u201d \u2013 it\u2019s *over*");
}

TEST(PlainTextTest, InvalidUtf8BecomesReplacementCharacters) {
  const std::string text = MarkdownToPlainText("caf\xC3 ok \xFF");
  EXPECT_TRUE(IsValidUtf8(text)) << text;
}

TEST(PlainTextTest, ConcurrentConversionsGiveTheSameText) {
  const std::string markdown =
      "A ~~struck~~ word, www.example.org and\n\n| a | b |\n|--|--|\n"
      "| c | d |\n";
  const std::string expected = MarkdownToPlainText(markdown);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (MarkdownToPlainText(markdown) != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0);
  EXPECT_EQ(expected, "A struck word, www.example.org and\n\na b\nc d");
}

}  // namespace
}  // namespace gazette::content
