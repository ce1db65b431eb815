// Section pages: heading and kind, newest first, pagination and its 404s.
#include <gtest/gtest.h>

#include <algorithm>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using SectionPagesTest = DemoSiteBackendTest;

std::string Capitalized(const std::string& word) {
  std::string out = word;
  if (!out.empty()) {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

// Positions of `titles` in `text`, in order; npos for a missing one.
std::vector<size_t> Positions(const std::string& text,
                              const std::vector<const support::DemoArticle*>& articles) {
  std::vector<size_t> positions;
  for (const auto* article : articles) {
    positions.push_back(text.find(article->title));
  }
  return positions;
}

TEST_P(SectionPagesTest, EverySectionShowsItsNameKindAndArticlesNewestFirst) {
  for (const support::DemoSection& section : Demo().sections) {
    SCOPED_TRACE(section.slug);
    support::HttpResponse page = Get("/" + section.slug + "/");
    ASSERT_EQ(page.status, 200);
    std::string text = support::VisibleText(page.body);
    EXPECT_NE(support::VisibleText(support::FirstElement(page.body, "h1")).find(section.name),
              std::string::npos);
    EXPECT_NE(text.find(Capitalized(section.kind)), std::string::npos)
        << "kind '" << section.kind << "' not shown";
    auto articles =
        Demo().Newest([&](const support::DemoArticle& a) { return a.section == section.slug; });
    std::vector<size_t> positions = Positions(text, articles);
    for (size_t i = 0; i < articles.size(); ++i) {
      EXPECT_NE(positions[i], std::string::npos) << articles[i]->title;
    }
    EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end())) << "not newest first";
  }
}

TEST_P(SectionPagesTest, PageOneIsTheSectionAndPagesPastTheEndAreNotFound) {
  for (const support::DemoSection& section : Demo().sections) {
    SCOPED_TRACE(section.slug);
    EXPECT_EQ(Get("/" + section.slug + "/?page=1").status, 200);
    // Ten articles fit on a page by default; no demo section has more.
    EXPECT_EQ(Get("/" + section.slug + "/?page=2").status, 404);
    EXPECT_EQ(Get("/" + section.slug + "/?page=999").status, 404);
  }
}

TEST_P(SectionPagesTest, PageNumbersThatAreNotPositiveIntegersAreNotFound) {
  const std::string base = "/" + Demo().sections.at(0).slug + "/?page=";
  for (const std::string page :
       {"abc", "0", "-1", "1.5", "", "1abc", "99999999999999999999", "+1", "%201", "0x2"}) {
    support::HttpResponse response = Get(base + page);
    EXPECT_EQ(response.status, 404) << "?page=" << page;
    EXPECT_NE(support::VisibleText(response.body).find(Demo().name), std::string::npos)
        << "404 for ?page=" << page << " is not the themed page";
  }
}

TEST(SectionPaginationTest, SplitsSectionsAcrossPagesNewestFirst) {
  support::SiteOptions options;
  options.env = {{"GAZETTE_SITE_ARTICLES_PER_PAGE", "1"}};
  auto site = StartSite(options);
  ASSERT_NE(site, nullptr);
  int paginated_sections = 0;
  for (const support::DemoSection& section : Demo().sections) {
    SCOPED_TRACE(section.slug);
    auto articles =
        Demo().Newest([&](const support::DemoArticle& a) { return a.section == section.slug; });
    for (size_t page = 1; page <= articles.size(); ++page) {
      std::string target = "/" + section.slug + "/?page=" + std::to_string(page);
      support::HttpResponse response = MustFetch(site->port(), target);
      ASSERT_EQ(response.status, 200) << target;
      EXPECT_NE(support::VisibleText(response.body).find(articles[page - 1]->title),
                std::string::npos)
          << target << " lacks " << articles[page - 1]->title;
      auto links = support::Links(response.body);
      auto links_to = [&](size_t n) {
        const std::string first = "/" + section.slug + "/";
        const std::string numbered = first + "?page=" + std::to_string(n);
        return std::any_of(links.begin(), links.end(), [&](const support::Link& link) {
          return link.href == numbered || (n == 1 && link.href == first);
        });
      };
      if (page < articles.size()) {
        EXPECT_TRUE(links_to(page + 1)) << target << " has no link to the next page";
      }
      if (page > 1) {
        EXPECT_TRUE(links_to(page - 1)) << target << " has no link to the previous page";
      }
    }
    std::string past = "/" + section.slug + "/?page=" + std::to_string(articles.size() + 1);
    EXPECT_EQ(MustFetch(site->port(), past).status, 404) << past;
    if (articles.size() > 1) {
      ++paginated_sections;
    }
  }
  EXPECT_GT(paginated_sections, 0) << "the demo has no section with two articles";
}

INSTANTIATE_TEST_SUITE_P(Backends, SectionPagesTest, support::kAllBackends,
                         support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
