#include "base/html_escape.h"

#include <gtest/gtest.h>

namespace gazette::base {
namespace {

TEST(HtmlEscapeTest, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("plain text, é"), "plain text, é");
  std::string out = "<p>";
  AppendEscapedHtml("1 < 2", out);
  EXPECT_EQ(out, "<p>1 &lt; 2");
}

}  // namespace
}  // namespace gazette::base
