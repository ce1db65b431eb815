// The newsroom against the real `gazette serve`: signing in with the admin account `init`
// printed, cookies and CSRF over real sockets, and scheduled articles going live — also those
// whose time came while the server was down.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "support/http_client.h"
#include "support/site_database.h"
#include "support/site_process.h"

namespace gazette::integration {
namespace {

using support::Headers;
using support::HttpResponse;

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += name + "=";
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        body += static_cast<char>(c);
      } else {
        body += '%';
        body += kHex[c >> 4];
        body += kHex[c & 0xf];
      }
    }
  }
  return body;
}

// The value a Set-Cookie header of `response` gives cookie `name`, or "".
std::string CookieSetBy(const HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "set-cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

std::string SetCookieLine(const HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "set-cookie" && value.starts_with(name + "=")) return value;
  }
  return "";
}

HttpResponse Post(uint16_t port, const std::string& target, const std::string& cookie,
                  const std::string& body) {
  auto connection = support::HttpConnection::Connect(port);
  EXPECT_TRUE(connection.has_value());
  if (!connection) return {};
  Headers headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
  EXPECT_TRUE(connection->Send(support::BuildRequest("POST", target, headers, body)));
  auto response = connection->ReadResponse();
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(HttpResponse{});
}

HttpResponse Get(uint16_t port, const std::string& target, const std::string& cookie = "") {
  Headers headers;
  if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
  auto response = support::Fetch(port, target, headers);
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(HttpResponse{});
}

// The hidden CSRF field of a page.
std::string CsrfOf(const std::string& html) {
  std::smatch match;
  if (!std::regex_search(html, match, std::regex("name=\"_csrf\" value=\"([^\"]+)\""))) return "";
  return match[1];
}

// Stores a scheduled article in the site's database while no server runs.
base::Status AddScheduledArticle(const std::string& site_dir, const std::string& slug,
                                 std::chrono::seconds from_now) {
  auto store = support::OpenSiteDatabase(site_dir);
  if (!store) return base::Unexpected(store.error());
  auto section = (*store)->GetSectionBySlug("east-asia");
  if (!section) return base::Unexpected(section.error());
  content::Article article;
  article.slug = slug;
  article.title = "Scheduled " + slug;
  article.body_md = "A scheduled piece.";
  article.body_html = "<p>A scheduled piece.</p>";
  article.status = content::ArticleStatus::kScheduled;
  article.section_id = section->id;
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  article.published_at = now + from_now;
  article.updated_at = now;
  auto id = (*store)->CreateArticle(article);
  if (!id) return base::Unexpected(id.error());
  return base::Ok();
}

class NewsroomTest : public support::BackendTest {};

TEST_P(NewsroomTest, TheAdminSignsInAndOutWithAnHttpOnlyCookie) {
  auto site = support::SiteProcess::Start({.backend = GetParam()});
  ASSERT_TRUE(site.has_value()) << site.error().ToString();
  const uint16_t port = (*site)->port();

  HttpResponse anonymous = Get(port, "/admin/");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.Header("location"), "/admin/login");

  HttpResponse form = Get(port, "/admin/login");
  const std::string login = CookieSetBy(form, "gz_login");
  HttpResponse wrong = Post(
      port, "/admin/login", "gz_login=" + login,
      FormEncode(
          {{"_csrf", login}, {"email", (*site)->admin_email()}, {"password", "not the password"}}));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(CookieSetBy(wrong, "gz_session").empty());

  HttpResponse signed_in = Post(port, "/admin/login", "gz_login=" + login,
                                FormEncode({{"_csrf", login},
                                            {"email", (*site)->admin_email()},
                                            {"password", (*site)->admin_password()}}));
  ASSERT_EQ(signed_in.status, 303);
  const std::string line = SetCookieLine(signed_in, "gz_session");
  EXPECT_NE(line.find("HttpOnly"), std::string::npos) << line;
  EXPECT_NE(line.find("SameSite=Lax"), std::string::npos) << line;
  const std::string cookie = "gz_session=" + CookieSetBy(signed_in, "gz_session");

  HttpResponse dashboard = Get(port, "/admin/", cookie);
  EXPECT_EQ(dashboard.status, 200);
  EXPECT_EQ(dashboard.Header("cache-control"), "no-store");
  auto html = dashboard.DecodedBody();
  ASSERT_TRUE(html.has_value());
  EXPECT_NE(html->find("Dashboard"), std::string::npos);

  // A forged sign-out (no CSRF token) changes nothing; the real one ends the session.
  EXPECT_EQ(Post(port, "/admin/logout", cookie, "").status, 403);
  EXPECT_EQ(Get(port, "/admin/", cookie).status, 200);
  EXPECT_EQ(Post(port, "/admin/logout", cookie, FormEncode({{"_csrf", CsrfOf(*html)}})).status,
            303);
  EXPECT_EQ(Get(port, "/admin/", cookie).status, 303);
}

TEST_P(NewsroomTest, ArticlesScheduledWhileTheServerWasDownArePublishedOnStart) {
  support::SiteOptions options{.backend = GetParam()};
  options.before_serve = [](const std::string& site_dir) {
    return AddScheduledArticle(site_dir, "while-we-were-down", -std::chrono::hours(1));
  };
  auto site = support::SiteProcess::Start(options);
  ASSERT_TRUE(site.has_value()) << site.error().ToString();
  EXPECT_EQ(Get((*site)->port(), "/east-asia/while-we-were-down/").status, 200);
}

TEST_P(NewsroomTest, AScheduledArticleGoesLiveAtItsTime) {
  support::SiteOptions options{.backend = GetParam()};
  options.before_serve = [](const std::string& site_dir) {
    return AddScheduledArticle(site_dir, "in-a-moment", std::chrono::seconds(3));
  };
  auto site = support::SiteProcess::Start(options);
  ASSERT_TRUE(site.has_value()) << site.error().ToString();
  const uint16_t port = (*site)->port();
  EXPECT_EQ(Get(port, "/east-asia/in-a-moment/").status, 404) << "not before its time";
  int status = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (status != 200 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    status = Get(port, "/east-asia/in-a-moment/").status;
  }
  EXPECT_EQ(status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, NewsroomTest, support::kAllBackends, support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
