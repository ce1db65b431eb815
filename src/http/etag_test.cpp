#include "http/etag.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gazette::http {
namespace {

TEST(EtagTest, HashIsStableAndSensitive) {
  EXPECT_EQ(ContentHashHex(""), ContentHashHex(""));
  EXPECT_EQ(ContentHashHex("hello"), ContentHashHex(std::string("hel") + "lo"));
  std::set<std::string> seen;
  std::string text = "The quick brown fox jumps over the lazy dog, twice over.";
  seen.insert(ContentHashHex(text));
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] ^= 1;
    seen.insert(ContentHashHex(changed));
    seen.insert(ContentHashHex(text.substr(0, i)));
  }
  EXPECT_EQ(seen.size(), 1 + 2 * text.size());
  EXPECT_NE(ContentHash(std::string(8, '\0')), ContentHash(std::string(16, '\0')));
}

// The hash must not change between runs, builds or machines, or every ETag and fingerprinted
// asset URL would change with it.
TEST(EtagTest, HashHasAKnownValue) {
  const std::string first = ContentHashHex("gazette");
  EXPECT_EQ(first.size(), 16u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ContentHashHex("gazette"), "010b73cd2089351d");
}

TEST(EtagTest, StrongEtagIsQuotedHash) {
  EXPECT_EQ(StrongEtag("gazette"), "\"" + ContentHashHex("gazette") + "\"");
}

TEST(EtagTest, SuffixGoesInsideTheQuotes) {
  EXPECT_EQ(EtagWithSuffix("\"abc\"", "-br"), "\"abc-br\"");
  EXPECT_EQ(EtagWithSuffix("W/\"abc\"", "-gz"), "W/\"abc-gz\"");
  EXPECT_EQ(EtagWithSuffix("\"abc\"", ""), "\"abc\"");
}

TEST(EtagTest, IfNoneMatchListsWeakAndStar) {
  EXPECT_TRUE(IfNoneMatchMatches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\",W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"abc\"", "W/\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("*", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"a,b\"", "\"a,b\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"abcd\"", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"ab\"", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("abc", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"abc", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("W/", "\"abc\""));
}

}  // namespace
}  // namespace gazette::http
