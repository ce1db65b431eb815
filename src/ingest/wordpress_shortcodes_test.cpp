#include "ingest/wordpress_shortcodes.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::ingest {
namespace {

TEST(ExpandShortcodesTest, CaptionsBecomeFigures) {
  EXPECT_EQ(ExpandShortcodes("[caption id=\"attachment_7\" align=\"alignleft\" width=\"300\"]"
                             "<img src=\"/u/a.jpg\" alt=\"A\" /> The harbour at dawn[/caption]"),
            "<figure><img src=\"/u/a.jpg\" alt=\"A\" /><figcaption>The harbour at dawn"
            "</figcaption></figure>");
  EXPECT_EQ(ExpandShortcodes("[caption caption=\"From the attribute\"]<a href=\"/big.jpg\">"
                             "<img src=\"/small.jpg\"></a>[/caption]"),
            "<figure><a href=\"/big.jpg\"><img src=\"/small.jpg\"></a><figcaption>From the "
            "attribute</figcaption></figure>");
  EXPECT_EQ(ExpandShortcodes("[caption]Only words[/caption]"), "Only words");
}

TEST(ExpandShortcodesTest, EmbedsVideoAndAudioBecomeLinks) {
  EXPECT_EQ(ExpandShortcodes("[embed]https://video.example/v/1[/embed]"),
            "<p><a href=\"https://video.example/v/1\">https://video.example/v/1</a></p>");
  EXPECT_EQ(ExpandShortcodes("[video width=\"640\" src=\"https://m.example/a.mp4\"][/video]"),
            "<p><a href=\"https://m.example/a.mp4\">https://m.example/a.mp4</a></p>");
  EXPECT_EQ(ExpandShortcodes("[audio mp3='https://m.example/a&b.mp3']"),
            "<p><a href=\"https://m.example/a&amp;b.mp3\">https://m.example/a&amp;b.mp3</a></p>");
  EXPECT_EQ(ExpandShortcodes("[video]"), "");
}

TEST(ExpandShortcodesTest, GalleriesPlaylistsAndFormsAreRemoved) {
  EXPECT_EQ(ExpandShortcodes("Before [gallery ids=\"1,2,3\"] after"), "Before  after");
  EXPECT_EQ(ExpandShortcodes("[playlist ids=\"4\"]x"), "x");
  EXPECT_EQ(ExpandShortcodes("[contact-form-7 id=\"9\" title=\"Contact\"]"), "");
  EXPECT_EQ(ExpandShortcodes("a[contact-form to=\"me\"][contact-field label=\"Name\"/]"
                             "[/contact-form]b"),
            "ab");
}

TEST(ExpandShortcodesTest, OtherPairsAreUnwrappedAndTheirContentExpanded) {
  EXPECT_EQ(ExpandShortcodes("[column width=1/2]Left [b]bold[/b][/column]"), "Left bold");
  EXPECT_EQ(ExpandShortcodes("[Note]Mixed case[/NOTE]"), "Mixed case");
  EXPECT_EQ(ExpandShortcodes("[box][caption]<img src=\"x.png\">Cap[/caption][/box]"),
            "<figure><img src=\"x.png\"><figcaption>Cap</figcaption></figure>");
}

TEST(ExpandShortcodesTest, BracketedTextThatIsNoShortcodeIsKept) {
  EXPECT_EQ(ExpandShortcodes("As argued [1], the claim [sic] holds [see below]. [/x] [ ]"),
            "As argued [1], the claim [sic] holds [see below]. [/x] [ ]");
  EXPECT_EQ(ExpandShortcodes("Unclosed [note and [a"), "Unclosed [note and [a");
  EXPECT_EQ(ExpandShortcodes("Write [[gallery]] to show one"), "Write [gallery] to show one");
}

TEST(ExpandShortcodesTest, ManyUnclosedBracketsAreReadInOnePass) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "[sic] ";
  EXPECT_EQ(ExpandShortcodes(text), text);
}

TEST(ExpandShortcodesTest, DeepNestingIsKeptBeyondALimit) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "[d]";
  text += "x";
  for (int i = 0; i < 40; ++i) text += "[/d]";
  const std::string expanded = ExpandShortcodes(text);
  EXPECT_NE(expanded.find('x'), std::string::npos);
  EXPECT_LT(expanded.size(), text.size());
}

}  // namespace
}  // namespace gazette::ingest
