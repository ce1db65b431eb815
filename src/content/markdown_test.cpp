#include "content/markdown.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "content/utf8.h"

namespace gazette::content {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MarkdownTest, ParagraphsHeadingsAndEmphasis) {
  EXPECT_EQ(RenderMarkdown("# East Asia\n\nFirst *line*\nsame **paragraph**.\n\nSecond."),
            "<h1>East Asia</h1>\n"
            "<p>First <em>line</em>\nsame <strong>paragraph</strong>.</p>\n"
            "<p>Second.</p>\n");
}

TEST(MarkdownTest, EmptyInputGivesEmptyFragment) { EXPECT_EQ(RenderMarkdown(""), ""); }

TEST(MarkdownTest, SmartPunctuation) {
  EXPECT_EQ(RenderMarkdown("\"Détente\" -- it's over --- or is it..."),
            "<p>\u201cDétente\u201d \u2013 it\u2019s over \u2014 or is it\u2026</p>\n");
}

TEST(MarkdownTest, Tables) {
  EXPECT_EQ(RenderMarkdown("| Country | Share |\n|:--|--:|\n| Korea | 12% |\n"),
            "<table>\n<thead>\n<tr>\n<th align=\"left\">Country</th>\n"
            "<th align=\"right\">Share</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td align=\"left\">Korea</td>\n<td align=\"right\">12%</td>\n</tr>\n</tbody>\n"
            "</table>\n");
}

TEST(MarkdownTest, Strikethrough) {
  EXPECT_EQ(RenderMarkdown("a ~~retracted~~ claim"), "<p>a <del>retracted</del> claim</p>\n");
}

TEST(MarkdownTest, Autolinks) {
  EXPECT_EQ(RenderMarkdown("See www.example.org and https://example.com/a?b=1."),
            "<p>See <a href=\"http://www.example.org\">www.example.org</a> and "
            "<a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a>.</p>\n");
}

TEST(MarkdownTest, FootnotesAreNumberedWithBackLinks) {
  const std::string html = RenderMarkdown(
      "Claim one.[^riac] Claim two.[^2]\n\n[^2]: Second source.\n[^riac]: First *source*.\n");
  EXPECT_EQ(html,
            "<p>Claim one.<sup class=\"footnote-ref\"><a href=\"#fn-riac\" id=\"fnref-riac\" "
            "data-footnote-ref>1</a></sup> Claim two.<sup class=\"footnote-ref\"><a href=\"#fn-2\" "
            "id=\"fnref-2\" data-footnote-ref>2</a></sup></p>\n"
            "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
            "<li id=\"fn-riac\">\n<p>First <em>source</em>. <a href=\"#fnref-riac\" "
            "class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">"
            "\u21a9</a></p>\n</li>\n"
            "<li id=\"fn-2\">\n<p>Second source. <a href=\"#fnref-2\" class=\"footnote-backref\" "
            "data-footnote-backref aria-label=\"Back to content\">\u21a9</a></p>\n</li>\n"
            "</ol>\n</section>\n");
}

TEST(MarkdownTest, FootnoteCitedTwiceKeepsItsNumberAndGetsTwoBackLinks) {
  const std::string html = RenderMarkdown("A.[^1] B.[^1]\n\n[^1]: Note.\n");
  EXPECT_THAT(html, HasSubstr("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"#fn-1\" id=\"fnref-1-2\" data-footnote-ref>1</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"#fnref-1\" class=\"footnote-backref\""));
  EXPECT_THAT(html, HasSubstr("<a href=\"#fnref-1-2\" class=\"footnote-backref\""));
  EXPECT_THAT(html, Not(HasSubstr(">2</a></sup>")));
}

TEST(MarkdownTest, UndefinedFootnoteStaysLiteral) {
  EXPECT_EQ(RenderMarkdown("Unsourced.[^missing]"), "<p>Unsourced.[^missing]</p>\n");
}

TEST(MarkdownTest, UnusedFootnoteDefinitionIsDropped) {
  EXPECT_EQ(RenderMarkdown("Text.\n\n[^spare]: Never cited.\n"), "<p>Text.</p>\n");
}

TEST(MarkdownTest, RawHtmlIsOmitted) {
  const std::string html = RenderMarkdown(
      "<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> and "
      "<a href=\"javascript:alert(2)\">x</a>.\n\n<iframe src=\"https://evil\"></iframe>\n");
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("onerror")));
  EXPECT_THAT(html, Not(HasSubstr("<iframe")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html, HasSubstr("<!-- raw HTML omitted -->"));
}

TEST(MarkdownTest, HtmlInCodeIsEscaped) {
  EXPECT_EQ(RenderMarkdown("`<script>`"), "<p><code>&lt;script&gt;</code></p>\n");
}

TEST(MarkdownTest, UnsafeLinkSchemesAreDropped) {
  for (const char* markdown :
       {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)", "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](javascript:alert(1))", "[x]\n\n[x]: javascript:alert(1)"}) {
    const std::string html = RenderMarkdown(markdown);
    EXPECT_THAT(html, Not(HasSubstr("script:"))) << markdown;
    EXPECT_THAT(html, Not(HasSubstr("file:"))) << markdown;
    EXPECT_THAT(html, Not(HasSubstr("data:"))) << markdown;
    EXPECT_THAT(html, HasSubstr("=\"\"")) << markdown;
  }
}

TEST(MarkdownTest, SafeLinksAndImageDataUrisAreKept) {
  EXPECT_EQ(RenderMarkdown("[Lakeside](https://lakeside.example/a \"Original\")"),
            "<p><a href=\"https://lakeside.example/a\" title=\"Original\">Lakeside</a></p>\n");
  EXPECT_EQ(RenderMarkdown("![map](data:image/png;base64,iVBO)"),
            "<p><img src=\"data:image/png;base64,iVBO\" alt=\"map\" /></p>\n");
}

TEST(MarkdownTest, InvalidUtf8IsReplaced) {
  const std::string html = RenderMarkdown("bad \xff\xfe bytes \xc3 and \xed\xa0\x80 *end*");
  EXPECT_TRUE(IsValidUtf8(html)) << html;
  EXPECT_THAT(html, HasSubstr("\uFFFD"));
  EXPECT_THAT(html, HasSubstr("<em>end</em>"));
}

TEST(MarkdownTest, NulBytesAreReplaced) {
  const std::string markdown("a\0b\n\n**c\0**", 11);
  const std::string html = RenderMarkdown(markdown);
  EXPECT_EQ(html, "<p>a\uFFFDb</p>\n<p><strong>c\uFFFD</strong></p>\n");
}

TEST(MarkdownTest, EveryByteValueRendersToValidUtf8) {
  std::string markdown;
  for (int i = 0; i < 256; ++i) markdown += static_cast<char>(i);
  markdown += markdown;
  EXPECT_TRUE(IsValidUtf8(RenderMarkdown(markdown)));
}

TEST(MarkdownTest, DeepNestingDoesNotCrash) {
  const std::string html = RenderMarkdown(std::string(5000, '>') + " deep\n" +
                                          std::string(5000, '[') + std::string(5000, '*'));
  EXPECT_THAT(html, HasSubstr("deep"));
}

// cmark-gfm shares inline-parser state between parsers; concurrent renders must still agree.
TEST(MarkdownTest, ConcurrentRendersGiveTheSameHtml) {
  std::string markdown;
  for (int i = 0; i < 40; ++i) markdown += "a ~~b~~ www.example.org c[^1]\n";
  markdown += "\n[^1]: note\n";
  const std::string expected = RenderMarkdown(markdown);
  ASSERT_THAT(expected, HasSubstr("<del>b</del>"));
  ASSERT_THAT(expected, HasSubstr("<a href=\"http://www.example.org\">"));

  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (RenderMarkdown(markdown) != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

}  // namespace
}  // namespace gazette::content
