// `gazette bench-data`: the real binary fills a site with synthetic articles, refuses bad
// arguments naming the flag, and the site it makes is served.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "base/testing/temp_dir.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/site_process.h"

namespace gazette::integration {
namespace {

using support::RunGazette;

// The one-line failure a bad argument gives, and that it created nothing.
void ExpectRefused(const std::vector<std::string>& args, const std::string& flag,
                   const std::string& site) {
  auto run = RunGazette(args);
  ASSERT_TRUE(run.has_value()) << run.error().ToString();
  EXPECT_EQ(run->exit_code, 1) << run->err;
  EXPECT_TRUE(run->err.starts_with("gazette: " + flag + ": ")) << run->err;
  EXPECT_FALSE(std::filesystem::exists(site)) << site;
}

TEST(BenchDataTest, RefusesBadArgumentsByName) {
  base::testing::TempDir dir("gazette-bench-data-");
  const std::string site = (dir.path() / "site").string();
  for (const std::string bad : {"0", "-5", "ten", "10000001", "12x", ""}) {
    ExpectRefused({"bench-data", site, "--articles", bad}, "--articles", site);
  }
  ExpectRefused({"bench-data", site, "--articles", "5", "--seed", "minus"}, "--seed", site);
  auto help = RunGazette({"--help"});
  ASSERT_TRUE(help.has_value());
  EXPECT_NE(help->out.find("\n  bench-data "), std::string::npos) << help->out;
}

TEST(BenchDataTest, RefusesAFolderThatIsNotEmpty) {
  base::testing::TempDir dir("gazette-bench-data-");
  const std::string site = (dir.path() / "site").string();
  ASSERT_TRUE(support::InitEmptySite(site).has_value());
  auto run = RunGazette({"bench-data", site, "--articles", "5"});
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->exit_code, 1);
  EXPECT_NE(run->err.find("is not empty"), std::string::npos) << run->err;
}

TEST(BenchDataTest, FillsASiteThatIsServed) {
  std::string printed, progress;
  support::SiteOptions options;
  options.demo = false;
  // Replaces the site `init` made with one from bench-data, before it is served.
  options.before_serve = [&](const std::string& site) -> base::Status {
    std::filesystem::remove_all(site);
    auto run = RunGazette({"bench-data", site, "--articles", "200", "--seed", "3"});
    if (!run) return base::Unexpected(run.error());
    if (run->exit_code != 0) return base::InternalError("bench-data failed: " + run->err);
    printed = run->out;
    progress = run->err;
    return base::Ok();
  };
  auto site = support::SiteProcess::Start(options);
  ASSERT_TRUE(site.has_value()) << site.error().ToString();
  EXPECT_NE(printed.find(": 200 articles in "), std::string::npos) << printed;
  EXPECT_NE(printed.find("password: "), std::string::npos) << printed;
  EXPECT_NE(progress.find("200 of 200 articles"), std::string::npos) << progress;

  auto home = support::Fetch((*site)->port(), "/");
  ASSERT_TRUE(home.has_value()) << home.error().ToString();
  ASSERT_EQ(home->status, 200);
  // An article's address: /<section>/<slug ending in its number>/.
  const std::regex article_path("^/[a-z-]+/[a-z0-9-]+-[0-9]+/$");
  std::string article;
  for (const support::Link& link : support::Links(home->body)) {
    if (std::regex_match(link.href, article_path)) {
      article = link.href;
      break;
    }
  }
  ASSERT_FALSE(article.empty()) << "no article linked from the home page";
  auto page = support::Fetch((*site)->port(), article);
  ASSERT_TRUE(page.has_value()) << page.error().ToString();
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<h2"), std::string::npos);

  // The search index was filled with the articles: the first word of the article's slug (a
  // word of its title) finds it, or others, among published articles.
  const size_t slug_start = article.find('/', 1) + 1;
  const std::string word = article.substr(slug_start, article.find('-', slug_start) - slug_start);
  auto found = support::Fetch((*site)->port(), "/search?q=" + word);
  ASSERT_TRUE(found.has_value()) << found.error().ToString();
  EXPECT_EQ(found->status, 200);
  bool hit = false;
  for (const support::Link& link : support::Links(found->body)) {
    hit = hit || std::regex_match(link.href, article_path);
  }
  EXPECT_TRUE(hit) << "searching '" << word << "' found no article";
}

}  // namespace
}  // namespace gazette::integration
