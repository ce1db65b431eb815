// Article pages: every demo article is reachable from its section and shows its title, date,
// reading time, byline, section and tags; footnotes become numbered, linked references.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <regex>
#include <sstream>

#include "base/time_format.h"
#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using ArticlePagesTest = DemoSiteBackendTest;

bool HasLink(const std::vector<support::Link>& links, const std::string& href,
             const std::string& text) {
  return std::any_of(links.begin(), links.end(), [&](const support::Link& link) {
    return link.href == href && link.text.find(text) != std::string::npos;
  });
}

int CountWords(const std::string& markdown) {
  std::istringstream in(markdown);
  std::string word;
  int words = 0;
  while (in >> word) {
    ++words;
  }
  return words;
}

TEST_P(ArticlePagesTest, EveryDemoArticleIsLinkedFromItsSectionPage) {
  for (const support::DemoArticle& article : Demo().articles) {
    auto found = ArticleUrls().find(article.file);
    ASSERT_NE(found, ArticleUrls().end())
        << "no link titled '" << article.title << "' on /" << article.section << "/";
    EXPECT_TRUE(std::regex_match(found->second, std::regex("/" + article.section + "/[a-z0-9-]+/")))
        << found->second;
  }
}

TEST_P(ArticlePagesTest, ShowsTitleDateReadingTimeBylineSectionAndTags) {
  const auto now = std::chrono::system_clock::now();
  for (const support::DemoArticle& article : Demo().articles) {
    SCOPED_TRACE(article.file);
    support::HttpResponse page = Get(ArticleUrl(article.file));
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(support::VisibleText(support::FirstElement(page.body, "h1")), article.title);
    EXPECT_NE(support::VisibleText(support::FirstElement(page.body, "title")).find(article.title),
              std::string::npos);

    std::smatch date;
    ASSERT_TRUE(std::regex_search(page.body, date, std::regex("<time[^>]* datetime=\"([^\"]+)\"")))
        << "no <time datetime=...>";
    auto published = base::ParseIso8601(date[1].str());
    ASSERT_TRUE(published.has_value()) << date[1];
    auto age = std::chrono::duration_cast<std::chrono::minutes>(now - *published);
    EXPECT_NEAR(age.count(), article.age_hours * 60, 90) << "published " << date[1];

    std::string text = support::VisibleText(page.body);
    std::smatch minutes;
    ASSERT_TRUE(std::regex_search(text, minutes, std::regex("([0-9]+) min"))) << "no reading time";
    int expected_minutes = static_cast<int>(std::ceil(CountWords(article.body) / 230.0));
    EXPECT_NEAR(std::stoi(minutes[1]), expected_minutes, 1);

    auto links = support::Links(page.body);
    for (const std::string& slug : article.authors) {
      const support::DemoAuthor* author = Demo().FindAuthor(slug);
      ASSERT_NE(author, nullptr) << slug;
      EXPECT_TRUE(HasLink(links, "/author/" + slug + "/", author->name)) << slug;
    }
    const support::DemoSection* section = Demo().FindSection(article.section);
    ASSERT_NE(section, nullptr);
    EXPECT_TRUE(HasLink(links, "/" + section->slug + "/", section->name));
    for (const std::string& tag : article.tags) {
      EXPECT_TRUE(std::any_of(links.begin(), links.end(),
                              [&](const support::Link& link) {
                                return link.href.starts_with("/tag/") &&
                                       link.text.find(tag) != std::string::npos;
                              }))
          << "no /tag/ link for " << tag;
    }
  }
}

TEST_P(ArticlePagesTest, FootnotesAreNumberedReferencesWithBackLinks) {
  int with_footnotes = 0;
  for (const support::DemoArticle& article : Demo().articles) {
    SCOPED_TRACE(article.file);
    support::HttpResponse page = Get(ArticleUrl(article.file));
    ASSERT_EQ(page.status, 200);
    if (article.body.find("[^") == std::string::npos) {
      EXPECT_EQ(page.body.find("class=\"footnotes\""), std::string::npos);
      continue;
    }
    ++with_footnotes;
    EXPECT_NE(page.body.find("<section class=\"footnotes\""), std::string::npos);
    ASSERT_GT(article.footnote_count, 0);
    for (int n = 1; n <= article.footnote_count; ++n) {
      const std::string id = std::to_string(n);
      EXPECT_NE(page.body.find("<sup class=\"footnote-ref\"><a href=\"#fn-" + id +
                               "\" id=\"fnref-" + id + "\""),
                std::string::npos)
          << "reference " << n;
      EXPECT_NE(page.body.find("<li id=\"fn-" + id + "\">"), std::string::npos) << "note " << n;
      EXPECT_NE(page.body.find("href=\"#fnref-" + id + "\""), std::string::npos)
          << "back-link " << n;
    }
  }
  EXPECT_GT(with_footnotes, 0) << "the demo has no article with footnotes";
}

TEST_P(ArticlePagesTest, OldSlugsRedirectPermanentlyToTheCurrentUrl) {
  int old_slugs = 0;
  for (const support::DemoArticle& article : Demo().articles) {
    for (const std::string& old_slug : article.old_slugs) {
      ++old_slugs;
      const std::string old_url = "/" + article.section + "/" + old_slug + "/";
      support::HttpResponse moved = Get(old_url);
      EXPECT_EQ(moved.status, 301) << old_url;
      const std::string current = ArticleUrl(article.file);
      EXPECT_TRUE(moved.Header("location").ends_with(current))
          << old_url << " -> " << moved.Header("location");
      EXPECT_EQ(Get(current).status, 200);
    }
  }
  EXPECT_GT(old_slugs, 0) << "the demo has no article with old_slugs";
}

TEST_P(ArticlePagesTest, UnknownArticleInAKnownSectionIsNotFound) {
  support::HttpResponse page = Get("/" + Demo().sections.at(0).slug + "/no-such-article-here/");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(support::VisibleText(page.body).find(Demo().name), std::string::npos);
}

TEST_P(ArticlePagesTest, ArticleInTheWrongSectionIsNotServedThere) {
  const support::DemoArticle& article = Demo().articles.at(0);
  const std::string url = ArticleUrl(article.file);
  const std::string slug = url.substr(url.find('/', 1));
  auto other =
      std::find_if(Demo().sections.begin(), Demo().sections.end(),
                   [&](const support::DemoSection& s) { return s.slug != article.section; });
  ASSERT_NE(other, Demo().sections.end());
  support::HttpResponse page = Get("/" + other->slug + slug);
  EXPECT_TRUE(page.status == 404 || (page.status == 301 && page.Header("location").ends_with(url)))
      << "/" << other->slug << slug << " answered " << page.status;
}

INSTANTIATE_TEST_SUITE_P(Backends, ArticlePagesTest, support::kAllBackends,
                         support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
