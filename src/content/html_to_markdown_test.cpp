#include "content/html_to_markdown.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "content/html_sanitizer.h"
#include "content/internal/html_tree.h"
#include "content/markdown.h"

namespace gazette::content {
namespace {

using internal::HtmlNode;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(HtmlToMarkdownTest, ParagraphsHeadingsAndEmphasis) {
  EXPECT_EQ(HtmlToMarkdown("<p>One <b>bold</b> and <i>slanted</i>.</p><p>Two <s>old</s></p>"),
            "One **bold** and *slanted*.\n\nTwo ~~old~~\n");
  EXPECT_EQ(HtmlToMarkdown("<h1>Title</h1><h3>Part <em>one</em></h3>"),
            "## Title\n\n### Part *one*\n");
  EXPECT_EQ(HtmlToMarkdown("text without a paragraph"), "text without a paragraph\n");
}

TEST(HtmlToMarkdownTest, WhitespaceCollapsesAndLeavesEmphasis) {
  EXPECT_EQ(HtmlToMarkdown("<p>\n  a   <em> spaced </em>  b\n</p>"), "a *spaced* b\n");
  EXPECT_EQ(HtmlToMarkdown("<p>a<em> </em>b <strong></strong></p>"), "a b\n");
  EXPECT_EQ(HtmlToMarkdown("<p>line<br>next<br></p>"), "line\\\nnext\n");
}

TEST(HtmlToMarkdownTest, LinksAndImages) {
  EXPECT_EQ(HtmlToMarkdown("<p><a href=\"https://example.org/a b\" title='say \"x\"'>the "
                           "<em>link</em></a></p>"),
            "[the *link*](https://example.org/a%20b \"say \\\"x\\\"\")\n");
  EXPECT_EQ(HtmlToMarkdown("<p><a href=\"/w/(a)\">p</a> <a>no target</a></p>"),
            "[p](/w/%28a%29) no target\n");
  EXPECT_EQ(HtmlToMarkdown("<img src=\"/i.png\" alt=\"A [map]\">"), "![A \\[map\\]](/i.png)\n");
  EXPECT_EQ(HtmlToMarkdown("<a href=\"javascript:alert(1)\">x</a>"), "x\n");
}

TEST(HtmlToMarkdownTest, Lists) {
  EXPECT_EQ(HtmlToMarkdown("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>"),
            "- a\n- b\n  - c\n");
  EXPECT_EQ(HtmlToMarkdown("<ol start=\"9\"><li>nine</li><li>ten</li></ol>"), "9. nine\n10. ten\n");
  EXPECT_EQ(HtmlToMarkdown("<ul><li><p>one</p><p>more</p></li><li>two</li></ul>"),
            "- one\n\n  more\n\n- two\n");
  EXPECT_EQ(HtmlToMarkdown("<ul><li>a</li></ul><ul><li>b</li></ul>"), "- a\n\n* b\n")
      << "two lists stay two";
}

TEST(HtmlToMarkdownTest, QuotesCodeRulesAndTables) {
  EXPECT_EQ(HtmlToMarkdown("<blockquote><p>Said.</p><p>Again.</p></blockquote>"),
            "> Said.\n>\n> Again.\n");
  EXPECT_EQ(HtmlToMarkdown("<pre><code>a &lt; b\n``x``</code></pre>"), "```\na < b\n``x``\n```\n");
  EXPECT_EQ(HtmlToMarkdown("<p>use <code>a`b</code></p><hr>"), "use ``a`b``\n\n---\n");
  EXPECT_EQ(HtmlToMarkdown("<table><thead><tr><th>Year</th><th>GDP | %</th></tr></thead>"
                           "<tbody><tr><td>2019</td><td><b>2.1</b><br>est.</td></tr>"
                           "<tr><td>2020</td></tr></tbody></table>"),
            "| Year | GDP \\| % |\n| --- | --- |\n| 2019 | **2.1** est. |\n| 2020 |  |\n");
}

TEST(HtmlToMarkdownTest, TextStaysLiteral) {
  EXPECT_EQ(HtmlToMarkdown("<p>*not* _emphasis_ [not](link) `code` &lt;b&gt; a|b ~x~</p>"),
            "\\*not\\* \\_emphasis\\_ \\[not\\](link) \\`code\\` \\<b\\> a\\|b \\~x\\~\n");
  EXPECT_EQ(HtmlToMarkdown("<p># not a heading</p><p>- not a list</p><p>1. not a list</p>"
                           "<p>2019) neither</p><p>+ nor</p><p>&amp;copy; stays</p>"),
            "\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n2019\\) neither\n\n"
            "\\+ nor\n\n\\&copy; stays\n");
  EXPECT_EQ(HtmlToMarkdown("<h2>C# and F#</h2>"), "## C\\# and F\\#\n");
  EXPECT_EQ(HtmlToMarkdown("<p>a<br>=== b</p>"), "a\\\n\\=== b\n");
}

TEST(HtmlToMarkdownTest, WordPressFootnotesBecomeMarkdownFootnotes) {
  const std::string html =
      "<p>The summit ended late.<sup data-fn=\"f1a\" class=\"fn\"><a href=\"#f1a\" "
      "id=\"f1a-link\">1</a></sup> Talks resume in May.<sup data-fn=\"f2b\" class=\"fn\">"
      "<a href=\"#f2b\" id=\"f2b-link\">2</a></sup></p>"
      "<ol class=\"wp-block-footnotes\"><li id=\"f1a\">By two hours. <a href=\"#f1a-link\" "
      "aria-label=\"Jump to footnote reference 1\">↩︎</a></li><li id=\"f2b\">Officials said "
      "so. "
      "<a href=\"#f2b-link\">↩︎</a></li></ol>";
  EXPECT_EQ(HtmlToMarkdown(html),
            "The summit ended late.[^1] Talks resume in May.[^2]\n\n"
            "[^1]: By two hours.\n\n[^2]: Officials said so.\n");
}

TEST(HtmlToMarkdownTest, CommonFootnoteMarkupIsRecognisedToo) {
  const std::string html =
      "<p>First<sup id=\"ref2\"><a href=\"#fn2\">[1]</a></sup> and second<a href=\"#fn1\">"
      "<sup>2</sup></a>.</p><div class=\"footnotes\"><ol><li id=\"fn1\"><p>Later one. "
      "<a href=\"#ref1\">↩</a></p></li><li id=\"fn2\"><p>Earlier one. <a href=\"#ref2\">back</a>"
      "</p></li></ol></div>";
  EXPECT_EQ(HtmlToMarkdown(html),
            "First[^1] and second[^2].\n\n[^1]: Earlier one.\n\n[^2]: Later one.\n")
      << "numbered by first reference; back-links by target or by arrow";
  std::string rendered = RenderMarkdown(HtmlToMarkdown(html));
  EXPECT_THAT(rendered, HasSubstr("footnote"));
  EXPECT_THAT(rendered, HasSubstr("Earlier one."));
}

TEST(HtmlToMarkdownTest, ListsWithIdsButNoReferencesStayLists) {
  EXPECT_EQ(HtmlToMarkdown("<ol><li id=\"a\">one</li></ol>"), "1. one\n");
}

TEST(HtmlToMarkdownTest, HostileInputGivesHarmlessMarkdown) {
  std::string markdown = HtmlToMarkdown(
      "<p onclick=\"x()\">a<script>alert(1)</script><a href=\"jav&#x09;ascript:y\">b</a>"
      "<img src=x onerror=alert(1)><style>*{}</style></p>");
  EXPECT_THAT(markdown, Not(HasSubstr("alert")));
  EXPECT_THAT(markdown, Not(HasSubstr("javascript")));
  std::string deep;
  for (int i = 0; i < 3'000; ++i) deep += "<blockquote><div>";
  deep += "core";
  EXPECT_THAT(HtmlToMarkdown(deep), HasSubstr("core"));
  EXPECT_EQ(HtmlToMarkdown(""), "");
  EXPECT_EQ(HtmlToMarkdown(std::string("a\0b\xff", 4)), "ab\uFFFD\n");
}

// What a reader sees of some HTML: its structural elements and its text, whitespace collapsed.
// A list item's paragraphs, table sections and sup/sub are not told apart: Markdown does not
// keep them.
void Signature(const HtmlNode& node, std::vector<std::string>& out) {
  static const std::set<std::string> kCounted = {
      "p",     "h2", "h3", "h4", "h5", "h6",  "ul", "ol",     "li",  "blockquote", "pre", "hr",
      "table", "tr", "th", "td", "a",  "img", "em", "strong", "del", "code",       "br"};
  if (node.kind == HtmlNode::Kind::kText) {
    std::string text;
    for (char c : node.text) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space && (text.empty() || text.back() == ' ')) continue;
      text += space ? ' ' : c;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (!text.empty()) out.push_back(text);
    return;
  }
  const bool counted = kCounted.contains(node.tag);
  if (counted) out.push_back("<" + node.tag + ">");
  for (const HtmlNode& child : node.children) Signature(child, out);
  if (counted) out.push_back("</" + node.tag + ">");
}

std::vector<std::string> SignatureOf(const std::string& html) {
  std::vector<std::string> out;
  Signature(internal::CleanHtmlTree(html), out);
  // <li><p>x</p></li> and <li>x</li> say the same.
  std::vector<std::string> without_item_paragraphs;
  int in_item = 0;
  for (const std::string& token : out) {
    if (token == "<li>") ++in_item;
    if (token == "</li>") --in_item;
    if (in_item > 0 && (token == "<p>" || token == "</p>")) continue;
    without_item_paragraphs.push_back(token);
  }
  return without_item_paragraphs;
}

TEST(HtmlToMarkdownTest, RenderingTheMarkdownGivesWhatTheSanitizerKeeps) {
  for (const char* html : {
           "<p>One <b>bold</b>, <i>slanted</i>, <s>struck</s> and <code>code</code>.</p>",
           "<h2>Heading</h2><p>Text with a <a href=\"https://example.org/\">link</a>.</p>",
           "<ul><li>a</li><li>b<ol start=\"4\"><li>c</li><li>d</li></ol></li></ul>",
           "<ol><li><p>loose</p><p>item</p></li><li><p>two</p></li></ol>",
           "<blockquote><p>Quoted <em>text</em>.</p><ul><li>in a list</li></ul></blockquote>",
           "<pre><code>int main() {\n  return 0;\n}</code></pre><hr><p>after</p>",
           "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><em>2</em></td></tr></table>",
           "<p>Stars * and _ underscores_, [brackets], `ticks`, &lt;tags&gt;, # hash, 1. dot</p>",
           "<p>line<br>break<br>again</p><p><img src=\"/a.png\" alt=\"an image\"></p>",
           "<p>Сеул, 서울 and Séoul — “quoted” ’tis…</p>",
           "<ul><li>one</li></ul><ul><li>two</li></ul><ol><li>three</li></ol><ol><li>four</li></"
           "ol>",
           "<p><strong>bold <em>and slanted</em></strong> <a href=\"/x\"><img src=\"/i.png\" "
           "alt=\"linked\"></a></p>",
       }) {
    const std::string markdown = HtmlToMarkdown(html);
    EXPECT_EQ(SignatureOf(RenderMarkdown(markdown)), SignatureOf(SanitizeHtml(html)))
        << html << "\n--- as Markdown:\n"
        << markdown;
  }
}

}  // namespace
}  // namespace gazette::content
