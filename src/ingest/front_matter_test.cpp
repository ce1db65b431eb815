#include "ingest/front_matter.h"

#include <gtest/gtest.h>

namespace gazette::ingest {
namespace {

TEST(FrontMatterTest, SplitsFrontMatterFromBody) {
  auto doc = SplitFrontMatter("+++\ntitle = \"A\"\n+++\nBody *text*.\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->front_matter, "title = \"A\"\n");
  EXPECT_EQ(doc->body, "Body *text*.\n");
  EXPECT_EQ(doc->front_matter_first_line, 2);
}

TEST(FrontMatterTest, AcceptsWindowsLineEndingsAndByteOrderMark) {
  auto doc = SplitFrontMatter("\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->front_matter, "title = \"A\"\r\n");
  EXPECT_EQ(doc->body, "Body\r\n");
}

TEST(FrontMatterTest, EmptyBodyIsAllowed) {
  auto doc = SplitFrontMatter("+++\n+++");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->front_matter, "");
  EXPECT_EQ(doc->body, "");
}

TEST(FrontMatterTest, DashesOpenYamlFrontMatter) {
  auto doc = SplitFrontMatter("---\ntitle: A\n---\n+++\nBody\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->format, FrontMatterFormat::kYaml);
  EXPECT_EQ(doc->front_matter, "title: A\n");
  EXPECT_EQ(doc->body, "+++\nBody\n");
  auto toml = SplitFrontMatter("+++\ntitle = 'A'\n---\n+++\n");
  ASSERT_TRUE(toml.has_value());
  EXPECT_EQ(toml->format, FrontMatterFormat::kToml);
  EXPECT_EQ(toml->front_matter, "title = 'A'\n---\n");
}

TEST(FrontMatterTest, MissingFencesAreErrors) {
  for (std::string_view bad :
       {"", "title = 1\n", "---\ntitle: x\n+++\n", "+++\ntitle = 1\n", "----\nx\n----\n"}) {
    auto doc = SplitFrontMatter(bad);
    ASSERT_FALSE(doc.has_value()) << bad;
    EXPECT_EQ(doc.error().code(), base::ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace gazette::ingest
