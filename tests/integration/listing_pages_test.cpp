// Author, partner and tag pages list their articles; unknown ones are themed 404s.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using ListingPagesTest = DemoSiteBackendTest;

TEST_P(ListingPagesTest, AuthorPagesShowNameAndArticles) {
  for (const support::DemoAuthor& author : Demo().authors) {
    const std::string target = "/author/" + author.slug + "/";
    SCOPED_TRACE(target);
    support::HttpResponse page = Get(target);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(support::VisibleText(support::FirstElement(page.body, "h1")).find(author.name),
              std::string::npos);
    std::string text = support::VisibleText(page.body);
    auto articles = Demo().Newest([&](const support::DemoArticle& a) {
      return std::find(a.authors.begin(), a.authors.end(), author.slug) != a.authors.end();
    });
    EXPECT_FALSE(articles.empty()) << "demo author without articles";
    for (const auto* article : articles) {
      EXPECT_NE(text.find(article->title), std::string::npos) << article->title;
    }
  }
}

TEST_P(ListingPagesTest, PartnerPagesShowNameHomePageAndArticles) {
  for (const support::DemoPartner& partner : Demo().partners) {
    const std::string target = "/partner/" + partner.slug + "/";
    SCOPED_TRACE(target);
    support::HttpResponse page = Get(target);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(support::VisibleText(support::FirstElement(page.body, "h1")).find(partner.name),
              std::string::npos);
    auto links = support::Links(page.body);
    EXPECT_TRUE(std::any_of(links.begin(), links.end(),
                            [&](const support::Link& link) { return link.href == partner.url; }))
        << "no link to " << partner.url;
    std::string text = support::VisibleText(page.body);
    for (const auto* article :
         Demo().Newest([&](const support::DemoArticle& a) { return a.partner == partner.slug; })) {
      EXPECT_NE(text.find(article->title), std::string::npos) << article->title;
    }
  }
}

TEST_P(ListingPagesTest, TagPagesListEveryArticleWithTheTag) {
  // Tag slugs are the program's business: find them through the links on article pages.
  std::map<std::string, std::string> tag_urls;
  for (const support::DemoArticle& article : Demo().articles) {
    support::HttpResponse page = Get(ArticleUrl(article.file));
    for (const support::Link& link : support::Links(page.body)) {
      if (link.href.starts_with("/tag/") &&
          std::find(article.tags.begin(), article.tags.end(), link.text) != article.tags.end()) {
        tag_urls[link.text] = link.href;
      }
    }
  }
  ASSERT_FALSE(tag_urls.empty()) << "no /tag/ links on the article pages";
  for (const auto& [tag, url] : tag_urls) {
    SCOPED_TRACE(url);
    support::HttpResponse page = Get(url);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(support::VisibleText(support::FirstElement(page.body, "h1")).find(tag),
              std::string::npos);
    std::string text = support::VisibleText(page.body);
    for (const auto* article : Demo().Newest([&](const support::DemoArticle& a) {
           return std::find(a.tags.begin(), a.tags.end(), tag) != a.tags.end();
         })) {
      EXPECT_NE(text.find(article->title), std::string::npos) << article->title;
    }
  }
}

TEST_P(ListingPagesTest, UnknownAuthorPartnerOrTagIsNotFound) {
  for (const std::string target :
       {"/author/nobody-at-all/", "/partner/no-such-institute/", "/tag/no-such-tag/"}) {
    support::HttpResponse page = Get(target);
    EXPECT_EQ(page.status, 404) << target;
    EXPECT_NE(support::VisibleText(page.body).find(Demo().name), std::string::npos) << target;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ListingPagesTest, support::kAllBackends,
                         support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
