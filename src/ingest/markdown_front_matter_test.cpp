#include "ingest/markdown_front_matter.h"

#include <gtest/gtest.h>

namespace gazette::ingest {
namespace {

using Kind = FrontMatterValue::Kind;

FrontMatterFields Parse(std::string_view text) {
  auto doc = SplitFrontMatter(text);
  EXPECT_TRUE(doc.has_value()) << doc.error().ToString();
  auto fields = ParseFrontMatter(*doc);
  EXPECT_TRUE(fields.has_value()) << fields.error().ToString();
  return fields.value_or(FrontMatterFields{});
}

std::string ParseError(std::string_view text) {
  auto doc = SplitFrontMatter(text);
  if (!doc) return "no fences: " + doc.error().message();
  auto fields = ParseFrontMatter(*doc);
  return fields ? "parsed" : fields.error().message();
}

TEST(MarkdownFrontMatterTest, YamlScalarsListsAndLines) {
  FrontMatterFields f = Parse(
      "---\ntitle: \"Séoul: a summit\"\ndraft: true\ntags:\n  - Trade\n  - Diplomacy\n"
      "params:\n  x: 1\nempty:\n---\nBody\n");
  EXPECT_EQ(f["title"].kind, Kind::kScalar);
  EXPECT_EQ(f["title"].items, std::vector<std::string>{"Séoul: a summit"});
  EXPECT_EQ(f["title"].line, 2);
  EXPECT_EQ(f["draft"].items.front(), "true");
  EXPECT_EQ(f["tags"].kind, Kind::kList);
  EXPECT_EQ(f["tags"].items, (std::vector<std::string>{"Trade", "Diplomacy"}));
  EXPECT_EQ(f["tags"].line, 4);
  EXPECT_EQ(f["params"].kind, Kind::kNested);
  EXPECT_EQ(f.count("empty"), 0u);
}

TEST(MarkdownFrontMatterTest, TomlScalarsDatesAndLists) {
  FrontMatterFields f = Parse(
      "+++\ntitle = 'Summit'\ndate = 2019-05-01T10:00:00+02:00\nday = 2019-05-02\n"
      "local = 2019-05-03T04:05:06\nweight = 3\ndraft = false\ntags = ['a', 'b']\n"
      "[params]\nx = 1\n+++\n");
  EXPECT_EQ(f["date"].items.front(), "2019-05-01T10:00:00+02:00");
  EXPECT_EQ(f["date"].line, 3);
  EXPECT_EQ(f["day"].items.front(), "2019-05-02");
  EXPECT_EQ(f["local"].items.front(), "2019-05-03T04:05:06");
  EXPECT_EQ(f["weight"].items.front(), "3");
  EXPECT_EQ(f["draft"].items.front(), "false");
  EXPECT_EQ(f["tags"].items, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(f["params"].kind, Kind::kNested);
}

TEST(MarkdownFrontMatterTest, EmptyFrontMatterHasNoFields) {
  EXPECT_TRUE(Parse("---\n---\nBody").empty());
  EXPECT_TRUE(Parse("+++\n+++\nBody").empty());
}

TEST(MarkdownFrontMatterTest, ErrorsGiveTheLineInTheFile) {
  EXPECT_EQ(ParseError("---\ntitle: ok\ntags: [a, b\n---\n").substr(0, 7), "line 4:");
  EXPECT_EQ(ParseError("+++\ntitle = 'ok'\ndate = = 3\n+++\n").substr(0, 7), "line 3:");
  EXPECT_EQ(ParseError("---\n- a\n- b\n---\n"),
            "line 2: the front matter is not a list of 'key: value'");
}

}  // namespace
}  // namespace gazette::ingest
