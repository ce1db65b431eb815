#include "ingest/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::ingest {
namespace {

TEST(HtmlToTextTest, DecodesReferencesDropsTagsAndCollapsesWhitespace) {
  EXPECT_EQ(HtmlToText("Q&amp;A: <em>Seoul</em>\n<p>today</p>"), "Q&A: Seoul today");
  EXPECT_EQ(HtmlToText("Korea&#8217;s  d&eacute;tente"), "Korea’s détente");
  EXPECT_EQ(HtmlToText("<p>One</p><p>Two</p>"), "One Two");
  EXPECT_EQ(HtmlToText("Safe<script>alert(1)</script><style>p{}</style> text"), "Safe text");
  EXPECT_EQ(HtmlToText("  \n "), "");
  EXPECT_EQ(HtmlToText("Привет, мир"), "Привет, мир");
}

}  // namespace
}  // namespace gazette::ingest
