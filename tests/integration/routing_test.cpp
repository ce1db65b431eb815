// URLs outside the content: the themed 404, trailing-slash redirects, the health check.
#include <gtest/gtest.h>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using RoutingTest = DemoSiteTest;

TEST_F(RoutingTest, UnknownPathIsAThemedNotFoundPage) {
  for (const std::string target : {"/no-such-section/", "/no/such/page/", "/index.php/",
                                   "/wp-admin/setup.php/", "/assets/", "/author/", "/tag/"}) {
    SCOPED_TRACE(target);
    support::HttpResponse page = Get(target);
    EXPECT_EQ(page.status, 404);
    EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("<html"), std::string::npos);
    EXPECT_NE(support::VisibleText(page.body).find(Demo().name), std::string::npos);
    EXPECT_NE(page.body.find("/assets/"), std::string::npos)
        << "404 page without the theme's assets";
  }
}

TEST_F(RoutingTest, PathsWithoutTrailingSlashRedirectPermanently) {
  const std::string section = "/" + Demo().sections.at(0).slug;
  support::HttpResponse moved = Get(section);
  EXPECT_EQ(moved.status, 301);
  EXPECT_TRUE(moved.Header("location").ends_with(section + "/")) << moved.Header("location");

  const std::string article = ArticleUrl(Demo().articles.at(0).file);
  ASSERT_TRUE(article.ends_with("/"));
  const std::string bare = article.substr(0, article.size() - 1);
  moved = Get(bare);
  EXPECT_EQ(moved.status, 301);
  EXPECT_TRUE(moved.Header("location").ends_with(article)) << moved.Header("location");

  moved = Get("/author/" + Demo().authors.at(0).slug);
  EXPECT_EQ(moved.status, 301);
  EXPECT_TRUE(moved.Header("location").ends_with("/author/" + Demo().authors.at(0).slug + "/"));
}

TEST_F(RoutingTest, RedirectedUnknownPathEndsInNotFound) {
  support::HttpResponse moved = Get("/wp-login.php");
  ASSERT_EQ(moved.status, 301);
  EXPECT_TRUE(moved.Header("location").ends_with("/wp-login.php/")) << moved.Header("location");
  EXPECT_EQ(Get("/wp-login.php/").status, 404);
}

TEST_F(RoutingTest, RedirectsNeverLeaveTheSite) {
  for (const std::string target : {"//evil.example", "//evil.example/x", "/\\evil.example"}) {
    support::HttpResponse response = Get(target);
    const std::string location = response.Header("location");
    EXPECT_FALSE(location.starts_with("//") || location.starts_with("/\\") ||
                 location.find("evil.example") != std::string::npos)
        << target << " -> " << response.status << " " << location;
  }
}

TEST_F(RoutingTest, HealthCheckAnswersOk) {
  support::HttpResponse health = Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body.substr(0, 2), "ok");
  EXPECT_LE(health.body.size(), 3u);
}

}  // namespace
}  // namespace gazette::integration
