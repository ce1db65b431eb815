// `gazette migrate-db`: the demo site moved from its SQLite file to PostgreSQL serves every page
// the same, byte for byte; bad arguments and a database that already holds a site are refused
// with a message, exit status 1, and nothing changed.
#include <gtest/gtest.h>

#include <deque>
#include <set>
#include <string>

#include "demo_site_test.h"
#include "store/testing/postgres_harness.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

// The path of an address on this site: "/x/" as it is, "http://host/x/" without its origin;
// "" for addresses elsewhere, fragments, and the newsroom (which needs a sign-in).
std::string SitePath(std::string href) {
  if (const size_t hash = href.find('#'); hash != std::string::npos) href.resize(hash);
  if (href.starts_with("http://") || href.starts_with("https://")) {
    const size_t path = href.find('/', href.find("://") + 3);
    href = path == std::string::npos ? "/" : href.substr(path);
  }
  if (!href.starts_with("/") || href.starts_with("//") || href.starts_with("/admin")) return "";
  return href;
}

// Every address in a page: links, stylesheets, feeds, images, and a sitemap's <loc>s.
std::vector<std::string> Addresses(const std::string& body) {
  std::vector<std::string> found = support::AttributeValues(body, "href");
  for (const std::string& src : support::AttributeValues(body, "src")) found.push_back(src);
  for (size_t at = body.find("<loc>"); at != std::string::npos; at = body.find("<loc>", at)) {
    at += 5;
    const size_t end = body.find("</loc>", at);
    if (end == std::string::npos) break;
    found.push_back(support::DecodeEntities(body.substr(at, end - at)));
  }
  return found;
}

std::multiset<std::string> Hrefs(const std::string& html) {
  std::multiset<std::string> hrefs;
  for (const support::Link& link : support::Links(html)) hrefs.insert(link.href);
  return hrefs;
}

// "" when the two are equal; else where they first differ, with a little of each around it.
std::string FirstDifference(const std::string& want, const std::string& got) {
  if (want == got) return "";
  size_t at = 0;
  while (at < want.size() && at < got.size() && want[at] == got[at]) ++at;
  const size_t from = at < 80 ? 0 : at - 80;
  return "at byte " + std::to_string(at) + ":\n  SQLite:     " + want.substr(from, 200) +
         "\n  PostgreSQL: " + got.substr(from, 200);
}

class MigrateDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = store::PostgresTestServer();
    if (!server) GTEST_SKIP() << store::kPostgresSkipped;
    target_ = store::PostgresHarness::Create(*server);
    ASSERT_NE(target_, nullptr);
  }

  support::ProcessOutput MigrateDb(const std::string& from) {
    auto run = support::RunGazette({"migrate-db", "--from", from, "--to", target_->url()});
    EXPECT_TRUE(run.has_value()) << run.error().ToString();
    return run ? *run : support::ProcessOutput{};
  }

  std::unique_ptr<store::PostgresHarness> target_;
};

TEST_F(MigrateDbTest, TheDemoSiteMovedToPostgresServesEveryPageTheSame) {
  auto on_sqlite = StartSite();
  ASSERT_NE(on_sqlite, nullptr);
  const std::string database = on_sqlite->site_dir() + "/gazette.db";
  // The second site's own demo database is left unused: it serves the PostgreSQL copy of the
  // first one's, so that both serve the very same rows.
  support::SiteOptions options;
  options.env = {{"GAZETTE_DATABASE_URL", target_->url()}};
  options.before_serve = [&](const std::string&) -> base::Status {
    const support::ProcessOutput moved = MigrateDb("sqlite:" + database);
    if (moved.exit_code != 0) return base::InternalError("migrate-db failed: " + moved.err);
    return base::Ok();
  };
  auto on_postgres = StartSite(options);
  ASSERT_NE(on_postgres, nullptr);

  // Every page reachable from the home page, the sitemaps, the feeds and a search, fetched from
  // both servers one after the other so that they see the same requests in the same order.
  std::deque<std::string> pending = {"/", "/sitemap.xml", "/robots.txt", "/search?q=ports"};
  std::set<std::string> seen(pending.begin(), pending.end());
  int compared = 0;
  while (!pending.empty() && compared < 500) {
    const std::string path = pending.front();
    pending.pop_front();
    const support::HttpResponse want = MustFetch(on_sqlite->port(), path);
    const support::HttpResponse got = MustFetch(on_postgres->port(), path);
    ++compared;
    EXPECT_EQ(got.status, want.status) << path;
    EXPECT_EQ(got.Header("content-type"), want.Header("content-type")) << path;
    if (path.starts_with("/search")) {
      // Each engine ranks and cuts snippets its own way (FTS5's bm25 and snippet(), PostgreSQL's
      // ts_rank and ts_headline): the same articles must be found, in whatever order, with
      // whatever passage under them.
      EXPECT_EQ(Hrefs(got.body), Hrefs(want.body)) << path;
    } else {
      EXPECT_EQ(FirstDifference(want.body, got.body), "") << path;
    }
    const std::string type = want.Header("content-type");
    const bool readable = type.starts_with("text/") || type.find("xml") != std::string::npos;
    if (want.status != 200 || !readable) continue;
    for (const std::string& address : Addresses(want.body)) {
      const std::string next = SitePath(address);
      if (!next.empty() && seen.insert(next).second) pending.push_back(next);
    }
  }
  RecordProperty("pages_compared", compared);
  // The demo's 16 articles and its sections, authors, tags and partners, at the least.
  EXPECT_GT(compared, 60);
  EXPECT_TRUE(pending.empty()) << pending.size() << " pages not compared";
}

TEST_F(MigrateDbTest, ASecondMoveIntoTheSameDatabaseIsRefusedAndChangesNothing) {
  base::testing::TempDir dir("gazette-migrate-");
  const std::string site = (dir.path() / "site").string();
  ASSERT_TRUE(support::InitDemoSite(site).has_value());
  const std::string from = "sqlite:" + site + "/gazette.db";

  const support::ProcessOutput first = MigrateDb(from);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("every count checked"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("articles: 16"), std::string::npos) << first.err;

  const support::ProcessOutput second = MigrateDb(from);
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("already holds a site"), std::string::npos) << second.err;

  auto store = store::OpenPostgresStore(target_->url(), {.connections = 1});
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  auto articles = (*store)->CountArticles({});
  ASSERT_TRUE(articles.has_value());
  EXPECT_EQ(*articles, 16);
}

TEST_F(MigrateDbTest, ArgumentsThatAreNotDatabasesAreNamed) {
  const support::ProcessOutput no_scheme = MigrateDb("site/gazette.db");
  EXPECT_EQ(no_scheme.exit_code, 1);
  EXPECT_NE(no_scheme.err.find("--from must be sqlite:PATH"), std::string::npos) << no_scheme.err;

  auto bad_target = support::RunGazette(
      {"migrate-db", "--from", "sqlite:gazette.db", "--to", "mysql://localhost/site"});
  ASSERT_TRUE(bad_target.has_value());
  EXPECT_EQ(bad_target->exit_code, 1);
  EXPECT_NE(bad_target->err.find("--to must be postgresql://"), std::string::npos)
      << bad_target->err;

  const support::ProcessOutput missing = MigrateDb("sqlite:/nonexistent/gazette.db");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/gazette.db"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace gazette::integration
