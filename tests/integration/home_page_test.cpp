// The home page: masthead, navigation, lead story, each section's latest, the trending list.
#include <gtest/gtest.h>

#include <algorithm>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using HomePageTest = DemoSiteBackendTest;

bool HasLink(const std::string& html, const std::string& href) {
  auto links = support::Links(html);
  return std::any_of(links.begin(), links.end(),
                     [&](const support::Link& link) { return link.href == href; });
}

TEST_P(HomePageTest, ShowsSiteNameTaglineAndEverySectionInNavigation) {
  support::HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.Header("content-type"), "text/html; charset=utf-8");
  std::string text = support::VisibleText(home.body);
  EXPECT_NE(text.find(Demo().name), std::string::npos);
  EXPECT_NE(text.find(Demo().tagline), std::string::npos);
  EXPECT_NE(support::VisibleText(support::FirstElement(home.body, "title")).find(Demo().name),
            std::string::npos);
  for (const support::DemoSection& section : Demo().sections) {
    EXPECT_TRUE(HasLink(home.body, "/" + section.slug + "/")) << section.slug;
    EXPECT_NE(text.find(section.name), std::string::npos) << section.name;
  }
}

TEST_P(HomePageTest, LeadStoryLinksToItsArticle) {
  auto leads = Demo().Newest([](const support::DemoArticle& a) { return a.lead; });
  ASSERT_EQ(leads.size(), 1u);
  support::HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200);
  auto links = support::Links(home.body);
  auto lead_link = std::find_if(links.begin(), links.end(), [&](const support::Link& link) {
    return link.text == leads[0]->title;
  });
  ASSERT_NE(lead_link, links.end()) << "no link titled '" << leads[0]->title << "'";
  EXPECT_EQ(lead_link->href, ArticleUrl(leads[0]->file));
}

TEST_P(HomePageTest, ShowsTheLatestArticleOfEverySection) {
  support::HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200);
  std::string text = support::VisibleText(home.body);
  for (const support::DemoSection& section : Demo().sections) {
    auto newest =
        Demo().Newest([&](const support::DemoArticle& a) { return a.section == section.slug; });
    if (newest.empty()) {
      continue;
    }
    EXPECT_NE(text.find(newest[0]->title), std::string::npos)
        << "latest of " << section.slug << ": " << newest[0]->title;
  }
}

TEST_P(HomePageTest, TrendingListStartsWithTheMostReadArticle) {
  auto by_views = Demo().Newest([](const support::DemoArticle&) { return true; });
  std::stable_sort(by_views.begin(), by_views.end(),
                   [](const auto* a, const auto* b) { return a->views > b->views; });
  ASSERT_FALSE(by_views.empty());
  ASSERT_GT(by_views[0]->views, 0);

  support::HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200);
  std::string text = support::VisibleText(home.body);
  size_t heading = text.find("Trending");
  ASSERT_NE(heading, std::string::npos) << "no 'Trending' heading on the home page";
  size_t first_at = std::string::npos;
  const support::DemoArticle* first = nullptr;
  for (const support::DemoArticle& article : Demo().articles) {
    size_t at = text.find(article.title, heading);
    if (at < first_at) {
      first_at = at;
      first = &article;
    }
  }
  ASSERT_NE(first, nullptr) << "no article listed after the 'Trending' heading";
  EXPECT_EQ(first->title, by_views[0]->title);
}

INSTANTIATE_TEST_SUITE_P(Backends, HomePageTest, support::kAllBackends, support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
