#include "ingest/wordpress_content.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::ingest {
namespace {

TEST(WordPressContentToHtmlTest, ShortcodesThenParagraphs) {
  EXPECT_EQ(WordPressContentToHtml("Intro line\n\n[caption]<img src=\"a.jpg\"> Cap[/caption]\n\n"
                                   "[embed]https://e.example/1[/embed]\nEnd"),
            "<p>Intro line</p>\n<figure><img src=\"a.jpg\"><figcaption>Cap</figcaption>"
            "</figure>\n<p><a href=\"https://e.example/1\">https://e.example/1</a></p>\n"
            "<p>End</p>");
}

}  // namespace
}  // namespace gazette::ingest
