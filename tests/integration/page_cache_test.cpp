// The page cache against the real `gazette serve`: each kind of write shows on the next request
// of every page it changes (X-Cache: miss, with the change) while a page it does not change stays
// a hit; concurrent misses of one page render once; a hit still counts a view.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/site_database.h"
#include "support/site_process.h"

namespace gazette::integration {
namespace {

using std::chrono::steady_clock;
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

std::string CookieSetBy(const HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "set-cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

HttpResponse Send(uint16_t port, const std::string& method, const std::string& target,
                  const Headers& headers, const std::string& body) {
  auto connection = support::HttpConnection::Connect(port);
  EXPECT_TRUE(connection.has_value());
  if (!connection) return {};
  EXPECT_TRUE(connection->Send(support::BuildRequest(method, target, headers, body)));
  auto response = connection->ReadResponse();
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(HttpResponse{});
}

// A reader's request: no cookie, so the cache may answer it.
HttpResponse Read(uint16_t port, const std::string& target) {
  auto response = support::Fetch(port, target);
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(HttpResponse{});
}

std::string FirstMatch(const std::string& text, const std::string& pattern) {
  std::smatch match;
  return std::regex_search(text, match, std::regex(pattern)) ? std::string(match[1]) : "";
}

// What the test reads from the demo's database before the server starts.
struct Seeded {
  int64_t east_asia = 0;
  int position = 0;
  std::string description;
  std::string other_article;  // the path of kOtherAuthor's first article
};

constexpr char kOtherAuthor[] = "/author/aminata-sow-diallo/";

// Replaces the demo's views by a few today for every article, so that the trending list is full of
// read articles and never topped up with the latest (which every publish changes): a page of one
// author then depends on nothing another author's article does.
base::Status SeedViews(const std::string& site_dir, Seeded& seeded) {
  {
    // The demo comes with views of its own; these tests count from a known start.
    if (auto wiped = support::ExecOnSiteDatabase(site_dir, "DELETE FROM views_daily"); !wiped) {
      return wiped;
    }
  }
  auto store = support::OpenSiteDatabase(site_dir);
  if (!store) return base::Unexpected(store.error());
  auto section = (*store)->GetSectionBySlug("east-asia");
  if (!section) return base::Unexpected(section.error());
  seeded = {
      .east_asia = section->id, .position = section->position, .description = section->description};
  auto other = (*store)->GetAuthorBySlug("aminata-sow-diallo");
  if (!other) return base::Unexpected(other.error());
  auto theirs = (*store)->ListPublished({.author_id = other->id, .limit = 1});
  if (!theirs) return base::Unexpected(theirs.error());
  if (theirs->empty()) return base::NotFoundError("the demo's Sahel piece is missing");
  auto their_section = (*store)->GetSection(theirs->front().section_id);
  if (!their_section) return base::Unexpected(their_section.error());
  seeded.other_article = "/" + their_section->slug + "/" + theirs->front().slug + "/";
  auto articles = (*store)->ListPublished({.limit = 100});
  if (!articles) return base::Unexpected(articles.error());
  const int64_t today = std::chrono::duration_cast<std::chrono::days>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  std::vector<store::ViewCount> views;
  for (const content::Article& article : *articles) {
    // Three fewer for the other author's piece, which AnArticleAnsweredFromTheCacheCountsAView
    // reads five times.
    const bool theirs_first = article.id == theirs->front().id;
    views.push_back({.article_id = article.id, .day = today, .count = theirs_first ? 10 : 13});
  }
  return (*store)->AddViews(views);
}

class PageCacheTest : public support::BackendTest {
 protected:
  void SetUp() override {
    support::BackendTest::SetUp();
    if (IsSkipped()) return;
    support::SiteOptions options{.backend = GetParam()};
    options.before_serve = [this](const std::string& dir) { return SeedViews(dir, seeded_); };
    auto site = support::SiteProcess::Start(options);
    ASSERT_TRUE(site.has_value()) << site.error().ToString();
    site_ = std::move(*site);
    port_ = site_->port();
    SignIn();
  }

  void SignIn() {
    HttpResponse form = Read(port_, "/admin/login");
    const std::string login = CookieSetBy(form, "gz_login");
    HttpResponse signed_in = Send(
        port_, "POST", "/admin/login",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gz_login=" + login}},
        FormEncode({{"_csrf", login},
                    {"email", site_->admin_email()},
                    {"password", site_->admin_password()}}));
    ASSERT_EQ(signed_in.status, 303);
    cookie_ = "gz_session=" + CookieSetBy(signed_in, "gz_session");
    HttpResponse dashboard = Send(port_, "GET", "/admin/", {{"Cookie", cookie_}}, "");
    csrf_ = FirstMatch(dashboard.DecodedBody().value_or(""), "name=\"_csrf\" value=\"([^\"]+)\"");
    ASSERT_FALSE(csrf_.empty());
  }

  // An Admin API call as the signed-in admin; the answer's body.
  std::string Api(const std::string& method, const std::string& target, const std::string& json,
                  int expected_status) {
    HttpResponse response = Send(
        port_, method, target,
        {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}, {"Content-Type", "application/json"}}, json);
    EXPECT_EQ(response.status, expected_status) << method << " " << target << ": " << response.body;
    return response.body;
  }

  // A newsroom form posted as the signed-in admin.
  void PostForm(const std::string& target,
                std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("_csrf", csrf_);
    HttpResponse response =
        Send(port_, "POST", target,
             {{"Cookie", cookie_}, {"Content-Type", "application/x-www-form-urlencoded"}},
             FormEncode(fields));
    EXPECT_EQ(response.status, 303) << target << ": " << response.body;
  }

  // Asks for each page until the cache keeps it: its answer is then a hit.
  void Warm(const std::vector<std::string>& pages) {
    for (const std::string& page : pages) {
      Read(port_, page);
      EXPECT_EQ(Read(port_, page).Header("x-cache"), "hit") << page;
    }
  }

  // The next answer of `page` is rendered anew and shows `text`.
  void ExpectChanged(const std::string& page, const std::string& text) {
    HttpResponse response = Read(port_, page);
    EXPECT_EQ(response.status, 200) << page;
    EXPECT_EQ(response.Header("x-cache"), "miss") << page;
    EXPECT_NE(response.body.find(text), std::string::npos) << page << " lacks " << text;
  }

  void ExpectStillKept(const std::string& page) {
    EXPECT_EQ(Read(port_, page).Header("x-cache"), "hit") << page << " was dropped";
  }

  Seeded seeded_;
  std::unique_ptr<support::SiteProcess> site_;
  uint16_t port_ = 0;
  std::string cookie_;
  std::string csrf_;
};

TEST_P(PageCacheTest, PublishEditAndUnpublishChangeTheirPagesAndNoOthers) {
  const std::vector<std::string> lists = {"/", "/east-asia/", "/author/soyeon-baek/",
                                          "/tag/alliances/", "/feed/"};
  std::vector<std::string> warm = lists;
  warm.push_back(kOtherAuthor);
  Warm(warm);

  const std::string created = Api("POST", "/api/admin/v1/articles/",
                                  R"({"title": "Cache Harbour Accord", "dek": "Signed at dawn.",
                                      "section": "east-asia", "authors": ["soyeon-baek"],
                                      "tags": ["Alliances"], "body_md": "Cranes moved again."})",
                                  201);
  const std::string id = FirstMatch(created, "\"id\":(\\d+)");
  ASSERT_FALSE(id.empty()) << created;
  const std::string article = "/east-asia/cache-harbour-accord/";
  ExpectStillKept("/");  // a draft changes nothing readers see
  Api("POST", "/api/admin/v1/articles/" + id + "/publish", R"({"version": 1})", 200);
  for (const std::string& page : lists) ExpectChanged(page, "Cache Harbour Accord");
  ExpectChanged(article, "Cranes moved again.");
  ExpectStillKept(kOtherAuthor);

  Warm(lists);
  Warm({article});
  Api("PATCH", "/api/admin/v1/articles/" + id + "/",
      R"({"title": "Cache Harbour Accord Holds", "version": 2})", 200);
  ExpectChanged(article, "Cache Harbour Accord Holds");
  for (const std::string& page : lists) ExpectChanged(page, "Cache Harbour Accord Holds");
  ExpectStillKept(kOtherAuthor);

  Warm(lists);
  Api("POST", "/api/admin/v1/articles/" + id + "/unpublish", R"({"version": 3})", 200);
  for (const std::string& page : lists) {
    HttpResponse response = Read(port_, page);
    EXPECT_EQ(response.Header("x-cache"), "miss") << page;
    EXPECT_EQ(response.body.find("Cache Harbour Accord"), std::string::npos) << page;
  }
  EXPECT_EQ(Read(port_, article).status, 404);
  ExpectStillKept(kOtherAuthor);
}

// The section navigation, the site's name and the theme are on every page: each change drops
// them all.
TEST_P(PageCacheTest, ASectionRenameASettingAndAThemeEditShowOnEveryPage) {
  const std::vector<std::string> pages = {"/", kOtherAuthor, "/east-asia/"};
  Warm(pages);
  PostForm("/admin/sections/" + std::to_string(seeded_.east_asia) + "/",
           {{"name", "Far East Asia"},
            {"slug", "east-asia"},
            {"kind", "region"},
            {"position", std::to_string(seeded_.position)},
            {"description", seeded_.description}});
  for (const std::string& page : pages) ExpectChanged(page, "Far East Asia");

  Warm(pages);
  PostForm("/admin/settings/", {{"name", "The Cached Review"},
                                {"tagline", ""},
                                {"description", ""},
                                {"url", "http://127.0.0.1:8080"},
                                {"articles_per_page", "10"},
                                {"feed_content", "full"}});
  for (const std::string& page : pages) ExpectChanged(page, "The Cached Review");

  Warm(pages);
  const std::filesystem::path layout =
      std::filesystem::path(site_->site_dir()) / "themes" / "default" / "templates" / "layout.tpl";
  std::ifstream in(layout);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  std::ofstream(layout) << text << "<!-- theme edited while serving -->\n";
  // The theme folder is looked at every second.
  HttpResponse home;
  const auto give_up = steady_clock::now() + std::chrono::seconds(20);
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    home = Read(port_, "/");
  } while (home.body.find("theme edited while serving") == std::string::npos &&
           steady_clock::now() < give_up);
  EXPECT_NE(home.body.find("theme edited while serving"), std::string::npos);
  EXPECT_EQ(home.Header("x-cache"), "miss");
  ExpectChanged(kOtherAuthor, "theme edited while serving");
}

TEST_P(PageCacheTest, FiftyConcurrentMissesRenderOnce) {
  const std::string page = "/tag/diplomacy/";
  std::vector<std::string> answers(50);
  std::vector<std::thread> readers;
  for (size_t i = 0; i < answers.size(); ++i) {
    readers.emplace_back([&, i] {
      auto response = support::Fetch(port_, page);
      answers[i] = response && response->status == 200 ? response->Header("x-cache") : "failed";
    });
  }
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(std::count(answers.begin(), answers.end(), "miss"), 1);
  EXPECT_EQ(std::count(answers.begin(), answers.end(), "hit"), 49);
}

// The seed gives the other author's piece 10 views and every other article 13; read five times
// (one render, four hits), it becomes the most read only if the hits count.
TEST_P(PageCacheTest, AnArticleAnsweredFromTheCacheCountsAView) {
  const std::string page = seeded_.other_article;
  std::string top_path;
  for (int i = 0; i < 5; ++i) {
    HttpResponse response = Read(port_, page);
    ASSERT_EQ(response.status, 200) << page;
    EXPECT_EQ(response.Header("x-cache"), i == 0 ? "miss" : "hit");
  }
  auto store = support::OpenSiteDatabase(site_->site_dir());
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  const int64_t today = std::chrono::duration_cast<std::chrono::days>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  // The server writes the counts every few seconds.
  const auto give_up = steady_clock::now() + std::chrono::seconds(30);
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto top = (*store)->MostViewed(today, 1);
    ASSERT_TRUE(top.has_value()) << top.error().ToString();
    top_path = top->empty() ? "" : top->front().slug;
  } while (!page.ends_with("/" + top_path + "/") && steady_clock::now() < give_up);
  EXPECT_TRUE(page.ends_with("/" + top_path + "/"))
      << top_path << " is the most read, not " << page;
}

INSTANTIATE_TEST_SUITE_P(Backends, PageCacheTest, support::kAllBackends, support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
