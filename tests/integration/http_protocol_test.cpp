// HTTP behaviour of the server on real pages: keep-alive, HEAD, ETag and 304, gzip and
// brotli, security headers, fingerprinted static assets.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using HttpProtocolTest = DemoSiteTest;

// The fingerprinted /assets/ URLs a page refers to.
std::vector<std::string> AssetUrls(const std::string& html) {
  std::vector<std::string> urls;
  for (const char* attribute : {"href", "src"}) {
    for (const std::string& value : support::AttributeValues(html, attribute)) {
      if (value.starts_with("/assets/")) {
        urls.push_back(value);
      }
    }
  }
  return urls;
}

// The sources a Content-Security-Policy allows scripts from: its script-src directive, else
// its default-src.
std::string ScriptSources(const std::string& policy) {
  std::smatch match;
  if (std::regex_search(policy, match, std::regex("(^|;)\\s*script-src([^;]*)"))) {
    return match[2];
  }
  if (std::regex_search(policy, match, std::regex("(^|;)\\s*default-src([^;]*)"))) {
    return match[2];
  }
  return "";
}

TEST_F(HttpProtocolTest, KeepAliveServesManyRequestsOnOneConnection) {
  auto connection = support::HttpConnection::Connect(port());
  ASSERT_TRUE(connection.has_value()) << connection.error().ToString();
  const std::string section = "/" + Demo().sections.at(0).slug + "/";
  for (const std::string target : {"/", section.c_str(), "/healthz", "/no-such-page/", "/"}) {
    auto response = connection->Request("GET", target);
    ASSERT_TRUE(response.has_value()) << target << ": " << response.error().ToString();
    EXPECT_NE(response->status, 0);
    EXPECT_NE(response->Header("connection"), "close") << target;
  }
}

TEST_F(HttpProtocolTest, PipelinedRequestsAreAnsweredInOrder) {
  auto connection = support::HttpConnection::Connect(port());
  ASSERT_TRUE(connection.has_value());
  ASSERT_TRUE(connection
                  ->Send(support::BuildRequest("GET", "/healthz") +
                         support::BuildRequest("GET", "/no-such-page/") +
                         support::BuildRequest("GET", "/healthz"))
                  .has_value());
  for (int expected : {200, 404, 200}) {
    auto response = connection->ReadResponse();
    ASSERT_TRUE(response.has_value()) << response.error().ToString();
    EXPECT_EQ(response->status, expected);
  }
}

TEST_F(HttpProtocolTest, ConnectionCloseIsHonoured) {
  auto connection = support::HttpConnection::Connect(port());
  ASSERT_TRUE(connection.has_value());
  auto response = connection->Request("GET", "/healthz", {{"Connection", "close"}});
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_TRUE(connection->WaitForClose(std::chrono::seconds(5)));
}

TEST_F(HttpProtocolTest, HeadAnswersLikeGetWithoutABody) {
  auto connection = support::HttpConnection::Connect(port());
  ASSERT_TRUE(connection.has_value());
  auto head = connection->Request("HEAD", "/");
  ASSERT_TRUE(head.has_value()) << head.error().ToString();
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-type"), "text/html; charset=utf-8");
  // Had the server sent a body after the HEAD response, this GET would read it as its head.
  auto get = connection->Request("GET", "/");
  ASSERT_TRUE(get.has_value()) << get.error().ToString();
  EXPECT_EQ(get->status, 200);
  if (head->HasHeader("content-length")) {
    EXPECT_EQ(head->Header("content-length"), std::to_string(get->body.size()));
  }
  auto missing = connection->Request("HEAD", "/no-such-page/");
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(connection->Request("GET", "/healthz").value_or(support::HttpResponse{}).status, 200);
}

TEST_F(HttpProtocolTest, MatchingIfNoneMatchGetsNotModified) {
  const std::string target = "/" + Demo().sections.at(0).slug + "/";
  support::HttpResponse first = Get(target);
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty()) << "no ETag";
  EXPECT_TRUE(std::regex_match(etag, std::regex("(W/)?\"[^\"]+\""))) << etag;

  support::HttpResponse again = Get(target, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.Header("etag"), etag);

  support::HttpResponse listed = Get(target, {{"If-None-Match", "\"other\", " + etag}});
  EXPECT_EQ(listed.status, 304);

  support::HttpResponse other = Get(target, {{"If-None-Match", "\"something-else\""}});
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, first.body);
}

TEST_F(HttpProtocolTest, GzipAndBrotliDecodeToTheSameBody) {
  for (const std::string& target : {std::string("/"), "/" + Demo().sections.at(0).slug + "/"}) {
    SCOPED_TRACE(target);
    support::HttpResponse plain = Get(target);
    ASSERT_EQ(plain.status, 200);
    EXPECT_FALSE(plain.HasHeader("content-encoding"));
    EXPECT_NE(plain.Header("vary").find("Accept-Encoding"), std::string::npos);
    for (const std::string encoding : {"gzip", "br"}) {
      support::HttpResponse packed = Get(target, {{"Accept-Encoding", encoding}});
      ASSERT_EQ(packed.status, 200);
      EXPECT_EQ(packed.Header("content-encoding"), encoding);
      EXPECT_LT(packed.body.size(), plain.body.size());
      auto decoded = packed.DecodedBody();
      ASSERT_TRUE(decoded.has_value()) << encoding << ": " << decoded.error().ToString();
      EXPECT_EQ(*decoded, plain.body) << encoding;
      EXPECT_NE(packed.Header("vary").find("Accept-Encoding"), std::string::npos);
    }
    support::HttpResponse browser = Get(target, {{"Accept-Encoding", "gzip, deflate, br"}});
    EXPECT_FALSE(browser.Header("content-encoding").empty());
    EXPECT_EQ(browser.DecodedBody().value_or(""), plain.body);
    support::HttpResponse refused = Get(target, {{"Accept-Encoding", "gzip;q=0, br;q=0"}});
    EXPECT_FALSE(refused.HasHeader("content-encoding"));
  }
}

TEST_F(HttpProtocolTest, PagesCarrySecurityHeaders) {
  const std::string article = ArticleUrl(Demo().articles.at(0).file);
  for (const std::string& target : {std::string("/"), article, std::string("/no-such-page/")}) {
    SCOPED_TRACE(target);
    support::HttpResponse page = Get(target);
    EXPECT_EQ(page.Header("x-content-type-options"), "nosniff");
    const std::string policy = page.Header("content-security-policy");
    EXPECT_NE(policy.find("default-src"), std::string::npos) << policy;
    EXPECT_NE(policy.find("frame-ancestors"), std::string::npos) << policy;
    EXPECT_EQ(ScriptSources(policy).find("'unsafe-inline'"), std::string::npos) << policy;
    EXPECT_FALSE(page.Header("referrer-policy").empty());
  }
}

TEST_F(HttpProtocolTest, FingerprintedAssetsAreCachedForAYear) {
  support::HttpResponse home = Get("/");
  ASSERT_EQ(home.status, 200);
  std::vector<std::string> assets = AssetUrls(home.body);
  ASSERT_FALSE(assets.empty()) << "the home page refers to no /assets/ file";
  bool saw_css = false;
  for (const std::string& url : assets) {
    SCOPED_TRACE(url);
    std::smatch parts;
    ASSERT_TRUE(std::regex_match(url, parts, std::regex("/assets/(.+)\\.([0-9a-f]{8,})\\.(\\w+)")))
        << "not fingerprinted";
    support::HttpResponse asset = Get(url);
    ASSERT_EQ(asset.status, 200);
    EXPECT_EQ(asset.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(asset.Header("x-content-type-options"), "nosniff");
    EXPECT_FALSE(asset.body.empty());
    if (parts[3] == "css") {
      saw_css = true;
      EXPECT_TRUE(asset.Header("content-type").starts_with("text/css"));
      support::HttpResponse packed = Get(url, {{"Accept-Encoding", "br"}});
      EXPECT_EQ(packed.Header("content-encoding"), "br");
      EXPECT_EQ(packed.DecodedBody().value_or(""), asset.body);
    }
    const std::string stale = "/assets/" + parts[1].str() + "." +
                              std::string(parts[2].length(), '0') + "." + parts[3].str();
    EXPECT_EQ(Get(stale).status, 404) << stale;
  }
  EXPECT_TRUE(saw_css) << "no stylesheet among " << assets.size() << " assets";
}

}  // namespace
}  // namespace gazette::integration
