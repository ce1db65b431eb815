#include "render/internal/theme_files.h"

#include <gtest/gtest.h>

namespace gazette::render::internal {
namespace {

constexpr std::string_view kPragma = "{{%AUTOESCAPE context=\"HTML\"}}\n";

TEST(ErrorTemplateForTest, PrefersTheExactStatusThenTheClassThenTheGenericPage) {
  const std::set<std::string> all = {"error.tpl", "error-404.tpl", "error-4xx.tpl",
                                     "error-5xx.tpl"};
  EXPECT_EQ(ErrorTemplateFor(404, all), "error-404.tpl");
  EXPECT_EQ(ErrorTemplateFor(410, all), "error-4xx.tpl");
  EXPECT_EQ(ErrorTemplateFor(503, all), "error-5xx.tpl");
  const std::set<std::string> minimal = {"error.tpl", "error-404.tpl"};
  EXPECT_EQ(ErrorTemplateFor(404, minimal), "error-404.tpl");
  EXPECT_EQ(ErrorTemplateFor(400, minimal), "error.tpl");
  EXPECT_EQ(ErrorTemplateFor(500, minimal), "error.tpl");
}

TEST(CheckTemplateSourceTest, AcceptsThePragmaAfterLeadingWhitespace) {
  EXPECT_TRUE(CheckTemplateSource("a.tpl", "\n  " + std::string(kPragma) + "<p>{{TITLE}}</p>"));
}

TEST(CheckTemplateSourceTest, RejectsATemplateWithoutThePragma) {
  auto status = CheckTemplateSource("themes/x/templates/a.tpl", "<p>{{TITLE}}</p>");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_NE(status.error().message().find("themes/x/templates/a.tpl"), std::string::npos);
}

TEST(CheckTemplateSourceTest, RejectsAnotherEscapingContext) {
  EXPECT_FALSE(CheckTemplateSource("a.tpl", "{{%AUTOESCAPE context=\"JSON\"}}\n{{X}}"));
}

TEST(CheckTemplateSourceTest, AllowsNoneOnlyForHtmlVariables) {
  const std::string pragma(kPragma);
  EXPECT_TRUE(CheckTemplateSource("a.tpl", pragma + "<div>{{BODY_HTML:none}}</div>"));
  EXPECT_TRUE(CheckTemplateSource("a.tpl", pragma + "{{! TITLE:none is not allowed }}"));
  EXPECT_TRUE(CheckTemplateSource("a.tpl", pragma + "<a href=\"{{URL:url_query_escape}}\">"));
  for (std::string_view marker :
       {"{{TITLE:none}}", "{{TITLE:h:none}}", "{{ TITLE : none }}", "{{TITLE:x-foo=1:none}}"}) {
    auto status = CheckTemplateSource("a.tpl", pragma + "<p>" + std::string(marker) + "</p>");
    ASSERT_FALSE(status) << marker;
    EXPECT_NE(status.error().message().find("_HTML"), std::string::npos);
  }
}

TEST(CheckTemplateSourceTest, RejectsChangedDelimiters) {
  EXPECT_FALSE(CheckTemplateSource("a.tpl", std::string(kPragma) + "{{=<% %>=}}<p><%T:none%></p>"));
}

}  // namespace
}  // namespace gazette::render::internal
