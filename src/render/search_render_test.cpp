// The search page through the default theme, and through a theme made before search existed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "base/testing/temp_dir.h"
#include "render/testing/sample_views.h"
#include "render/theme.h"

namespace gazette::render {
namespace {

namespace fs = std::filesystem;

SearchView SampleSearch() {
  SearchView view;
  view.site = testing::SampleSite();
  view.meta = {.title = "Search", .noindex = true};
  view.query = "\"><script>alert(1)</script>";
  view.sections = {{.value = "", .label = "Any section"},
                   {.value = "east-asia", .label = "East Asia", .selected = true}};
  view.authors = {{.value = "", .label = "Any author"}};
  view.from = "2026-01-01";
  view.searched = true;
  view.total = 12;
  view.results = {{.article = testing::SampleCard(0),
                   .snippet_html = "the <mark>harbour</mark> &amp; the fleet"},
                  {.article = testing::SampleCard(1), .snippet_html = "more"}};
  view.pagination = {.page = 1, .total_pages = 6, .next_url = "/search?q=x&page=2"};
  return view;
}

std::shared_ptr<const Theme> Load(const std::string& dir) {
  auto theme = Theme::Load(dir);
  EXPECT_TRUE(theme.has_value()) << theme.error().ToString();
  return theme ? *theme : nullptr;
}

TEST(SearchRenderTest, TheDefaultThemeShowsFormCountSnippetsAndPages) {
  auto theme = Load(GAZETTE_DEFAULT_THEME_DIR);
  ASSERT_NE(theme, nullptr);
  const std::string html = theme->RenderSearch(SampleSearch());
  EXPECT_NE(html.find("12 results for"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("value=\"&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("the <mark>harbour</mark> &amp; the fleet"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"east-asia\" selected>East Asia</option>"),
            std::string::npos);
  EXPECT_NE(html.find("value=\"2026-01-01\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/search?q=x&amp;page=2\""), std::string::npos);
  EXPECT_NE(html.find(testing::SampleCard(1).url), std::string::npos);
  EXPECT_NE(html.find("noindex"), std::string::npos);
}

TEST(SearchRenderTest, NoResultsGivesAdviceAndSuggestions) {
  auto theme = Load(GAZETTE_DEFAULT_THEME_DIR);
  ASSERT_NE(theme, nullptr);
  SearchView view = SampleSearch();
  view.query = "zeppelin";
  view.total = 0;
  view.results.clear();
  view.pagination = {};
  view.suggestions = {testing::SampleCard(2)};
  const std::string html = theme->RenderSearch(view);
  EXPECT_NE(html.find("No articles match “zeppelin”"), std::string::npos);
  EXPECT_NE(html.find("Latest articles"), std::string::npos);
  EXPECT_NE(html.find(testing::SampleCard(2).url), std::string::npos);
}

TEST(SearchRenderTest, AThemeWithoutASearchTemplateShowsResultsAsAList) {
  base::testing::TempDir root{"gazette-theme-"};
  const fs::path dir = root.path() / "old";
  fs::copy(GAZETTE_DEFAULT_THEME_DIR, dir, fs::copy_options::recursive);
  fs::remove(dir / "templates" / "search.tpl");
  auto theme = Load(dir.string());
  ASSERT_NE(theme, nullptr);
  const std::string html = theme->RenderSearch(SampleSearch());
  EXPECT_NE(html.find("12 results for “&quot;&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find(testing::SampleCard(0).title), std::string::npos);
  EXPECT_EQ(html.find("<mark>"), std::string::npos);
}

}  // namespace
}  // namespace gazette::render
