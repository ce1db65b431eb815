// The field checks the newsroom's forms share: trimming, sentences, one-line and multi-line
// text, slugs, http(s) URLs and whole numbers.
#include "admin/field_checks.h"

#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

TEST(FieldChecksTest, TrimmedDropsAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(Trimmed(" \t name \r\n"), "name");
  EXPECT_EQ(Trimmed("a b"), "a b");
  EXPECT_EQ(Trimmed("   "), "");
}

TEST(FieldChecksTest, SentenceCapitalizesAndEndsWithAFullStop) {
  EXPECT_EQ(Sentence("the code is not right"), "The code is not right.");
  EXPECT_EQ(Sentence("Already a sentence."), "Already a sentence.");
  EXPECT_EQ(Sentence(""), "");
}

TEST(FieldChecksTest, LinesMustBeShortUtf8WithoutControlCharacters) {
  EXPECT_EQ(LineProblem("Ada Quill", true), "");
  EXPECT_EQ(LineProblem("", false), "");
  EXPECT_NE(LineProblem("", true), "");
  EXPECT_NE(LineProblem("two\nlines", false), "");
  EXPECT_NE(LineProblem("bad \xC3", false), "");
  EXPECT_NE(LineProblem(std::string(kMaxLineBytes + 1, 'a'), false), "");
  EXPECT_EQ(LineProblem(std::string(kMaxLineBytes, 'a'), false), "");
}

TEST(FieldChecksTest, DescriptionsMayHaveLineBreaksButNoOtherControls) {
  EXPECT_EQ(DescriptionProblem("First line.\r\n\tSecond."), "");
  EXPECT_NE(DescriptionProblem("bell\a"), "");
  EXPECT_NE(DescriptionProblem(std::string(kMaxDescriptionBytes + 1, 'a')), "");
}

TEST(FieldChecksTest, SlugsAreWhatSlugifyKeeps) {
  EXPECT_EQ(SlugProblem("east-asia"), "");
  EXPECT_EQ(SlugProblem("g20"), "");
  for (const char* bad : {"", "East-Asia", "east asia", "east--asia", "-east", "détente", "a/b"}) {
    EXPECT_NE(SlugProblem(bad), "") << bad;
  }
}

TEST(FieldChecksTest, UrlsMustBeAbsoluteHttpWithAHost) {
  for (const char* good :
       {"https://example.org", "http://example.org:8080/feed?x=1", "https://example.org/a%20b"}) {
    EXPECT_EQ(HttpUrlProblem(good), "") << good;
  }
  for (const char* bad :
       {"", "example.org", "ftp://example.org", "javascript:alert(1)", "https://", "https:///path",
        "https://user@example.org", "https://example.org/a b", "https://exämple.org"}) {
    EXPECT_NE(HttpUrlProblem(bad), "") << bad;
  }
}

TEST(FieldChecksTest, IntegersAreWholeDecimalNumbersThatFit) {
  EXPECT_EQ(ParseInteger("42"), 42);
  EXPECT_EQ(ParseInteger("-7"), -7);
  for (const char* bad : {"", "4 2", "42x", "+1", "1.5", "99999999999999999999"}) {
    EXPECT_FALSE(ParseInteger(bad).has_value()) << bad;
  }
}

TEST(FieldChecksTest, FieldErrorsBecomeKeysNextToTheirFields) {
  nlohmann::json view = nlohmann::json::object();
  AddFieldErrors({}, view);
  EXPECT_TRUE(view.empty());
  AddFieldErrors({{"slug", "Taken."}, {"name", "Empty."}}, view);
  EXPECT_EQ(view["slug_error"], "Taken.");
  EXPECT_EQ(view["name_error"], "Empty.");
  EXPECT_EQ(view["form_error"], "Please correct the fields marked below.");
}

}  // namespace
}  // namespace gazette::admin
