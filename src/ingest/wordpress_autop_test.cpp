#include "ingest/wordpress_autop.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::ingest {
namespace {

TEST(AutoParagraphsTest, BlankLinesMakeParagraphsAndSingleLineBreaksMakeBreaks) {
  EXPECT_EQ(AutoParagraphs("First line\nsecond line.\n\nNext paragraph."),
            "<p>First line<br />\nsecond line.</p>\n<p>Next paragraph.</p>");
  EXPECT_EQ(AutoParagraphs("One.\r\n\r\n   \r\nTwo."), "<p>One.</p>\n<p>Two.</p>");
  EXPECT_EQ(AutoParagraphs("   \n\n  "), "");
}

TEST(AutoParagraphsTest, BlockElementsStandOnTheirOwn) {
  EXPECT_EQ(AutoParagraphs("Intro\n<h2>Heading</h2>\nAfter"),
            "<p>Intro</p>\n<h2>Heading</h2>\n<p>After</p>");
  EXPECT_EQ(AutoParagraphs("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
            "<ul><li>one</li>\n<li>two</li>\n</ul>");
  EXPECT_EQ(AutoParagraphs("Text<hr>More"), "<p>Text</p>\n<hr>\n<p>More</p>");
}

TEST(AutoParagraphsTest, TextInABlockquoteGetsParagraphs) {
  EXPECT_EQ(AutoParagraphs("<blockquote>Quoted\n\nand more</blockquote>"),
            "<blockquote><p>Quoted</p>\n<p>and more</p>\n</blockquote>");
}

TEST(AutoParagraphsTest, InlineMarkupStaysInTheParagraphAndLineBreaksInTagsAreNotBreaks) {
  EXPECT_EQ(AutoParagraphs("A <a\nhref=\"/x\">link</a> and <em>stress</em>.\n\n2 < 3"),
            "<p>A <a href=\"/x\">link</a> and <em>stress</em>.</p>\n<p>2 < 3</p>");
  EXPECT_EQ(AutoParagraphs("Line<br />\nnext"), "<p>Line<br />\nnext</p>");
}

TEST(AutoParagraphsTest, PreformattedTextCommentsAndFiguresAreLeftAsTheyAre) {
  EXPECT_EQ(AutoParagraphs("Code:\n\n<pre>a\n\nb</pre>\n\nDone"),
            "<p>Code:</p>\n<pre>a\n\nb</pre>\n<p>Done</p>");
  EXPECT_EQ(AutoParagraphs("Top\n<!--more-->\nBottom"), "<p>Top</p>\n<!--more-->\n<p>Bottom</p>");
  EXPECT_EQ(AutoParagraphs("<figure><img src=\"a.jpg\">\n<figcaption>A</figcaption></figure>"),
            "<figure><img src=\"a.jpg\">\n<figcaption>A</figcaption></figure>");
  EXPECT_EQ(AutoParagraphs("<pre>never closed\n\nstill pre"), "<pre>never closed\n\nstill pre");
  EXPECT_EQ(AutoParagraphs("Before <script>\nx()\n</script> after"),
            "<p>Before <script> x() </script> after</p>");
}

TEST(AutoParagraphsTest, BlockEditorContentIsAlreadyHtml) {
  const std::string blocks =
      "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n"
      "<p>Two\nlines</p>\n<!-- /wp:paragraph -->";
  EXPECT_EQ(AutoParagraphs(blocks), blocks);
}

}  // namespace
}  // namespace gazette::ingest
