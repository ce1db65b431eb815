#include "render/template_set.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace gazette::render {
namespace {

constexpr std::string_view kLayout =
    "{{%AUTOESCAPE context=\"HTML\"}}<title>{{TITLE}}</title><main>{{>PAGE}}</main>";
constexpr std::string_view kList =
    "{{%AUTOESCAPE context=\"HTML\"}}<h1>{{TITLE}}</h1>"
    "{{#ARTICLES}}<a href=\"{{URL}}\">{{TITLE}}</a>{{#DRAFT}}(draft){{/DRAFT}};{{/ARTICLES}}"
    "{{#NO_ARTICLES}}none{{/NO_ARTICLES}}"
    "{{#USER}}by {{NAME}}{{/USER}}{{#TAGS}}[{{VALUE}}]{{/TAGS}} n={{COUNT}}"
    "{{#NOTE}} note: {{NOTE}}{{/NOTE}}{{#BLANK}} blank{{/BLANK}}";
constexpr std::string_view kRaw =
    "{{%AUTOESCAPE context=\"HTML\"}}<div>{{BODY_HTML:none}}</div><p>{{NOTE}}</p>";

std::shared_ptr<const TemplateSet> LoadSample() {
  const TemplateSource sources[] = {
      {"layout.tpl", kLayout}, {"list.tpl", kList}, {"raw.tpl", kRaw}};
  auto set = TemplateSet::Load(sources, "layout.tpl");
  EXPECT_TRUE(set.has_value()) << set.error().ToString();
  return set.value_or(nullptr);
}

TEST(TemplateSetTest, FillsValuesSectionsAndListsFromJson) {
  auto set = LoadSample();
  ASSERT_TRUE(set);
  nlohmann::json view = {
      {"title", "Drafts & notes"},
      {"articles",
       {{{"title", "<b>One</b>"}, {"url", "/a/"}, {"draft", true}},
        {{"title", "Two"}, {"url", "javascript:alert(1)"}, {"draft", false}}}},
      {"no_articles", false},
      {"user", {{"name", "Ann"}}},
      {"tags", {"x", "y"}},
      {"count", 3},
      {"note", "kept"},
      {"blank", ""},
  };
  auto html = set->Render("list.tpl", view);
  ASSERT_TRUE(html.has_value()) << html.error().ToString();
  EXPECT_EQ(*html,
            "<title>Drafts &amp; notes</title><main><h1>Drafts &amp; notes</h1>"
            "<a href=\"/a/\">&lt;b&gt;One&lt;/b&gt;</a>(draft);<a href=\"#\">Two</a>;"
            "by Ann[x][y] n=3 note: kept</main>");
}

TEST(TemplateSetTest, InsertsOnlyHtmlNamedValuesRaw) {
  auto set = LoadSample();
  ASSERT_TRUE(set);
  auto html = set->Render("raw.tpl", {{"title", "t"}, {"body_html", "<p>ok</p>"}, {"note", "<p>"}});
  ASSERT_TRUE(html.has_value());
  EXPECT_NE(html->find("<div><p>ok</p></div><p>&lt;p&gt;</p>"), std::string::npos) << *html;
}

TEST(TemplateSetTest, RefusesTemplatesThatBreakTheEscapingRules) {
  const TemplateSource no_autoescape[] = {{"layout.tpl", kLayout}, {"bad.tpl", "<p>{{X}}</p>"}};
  auto set = TemplateSet::Load(no_autoescape, "layout.tpl");
  ASSERT_FALSE(set.has_value());
  EXPECT_NE(set.error().message().find("bad.tpl"), std::string::npos);

  const TemplateSource raw_value[] = {
      {"layout.tpl", kLayout}, {"bad.tpl", "{{%AUTOESCAPE context=\"HTML\"}}{{TITLE:none}}"}};
  EXPECT_FALSE(TemplateSet::Load(raw_value, "layout.tpl").has_value());

  const TemplateSource no_layout[] = {{"list.tpl", kList}};
  auto missing = TemplateSet::Load(no_layout, "layout.tpl");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), base::ErrorCode::kNotFound);
}

TEST(TemplateSetTest, UnknownPageIsNotFound) {
  auto set = LoadSample();
  ASSERT_TRUE(set);
  auto html = set->Render("missing.tpl", nlohmann::json::object());
  ASSERT_FALSE(html.has_value());
  EXPECT_EQ(html.error().code(), base::ErrorCode::kNotFound);
}

TEST(TemplateSetTest, RendersFromSeveralThreadsAtOnce) {
  auto set = LoadSample();
  ASSERT_TRUE(set);
  const nlohmann::json view = {{"title", "T"}, {"articles", {{{"title", "A"}, {"url", "/a/"}}}}};
  const std::string expected = set->Render("list.tpl", view).value();
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (set->Render("list.tpl", view).value_or("") != expected) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace gazette::render
