// The search page in-process, on every store backend: a real store filled from a site bundle, the
// default theme, and requests dispatched through the router as the server would.
#include <gtest/gtest.h>

#include <string>

#include "base/time_format.h"
#include "http/request.h"
#include "ingest/site_bundle.h"
#include "site/site.h"
#include "store/testing/postgres_harness.h"
#include "store/testing/store_harness.h"

namespace gazette::site {
namespace {

constexpr char kSiteToml[] = R"(
[[sections]]
slug = "east-asia"
name = "East Asia"
kind = "region"

[[sections]]
slug = "defense"
name = "Defense"
kind = "topic"

[[authors]]
slug = "ada"
name = "Ada Quill"

[[authors]]
slug = "bo"
name = "Bo Lind"
)";

std::string Article(const std::string& title, const std::string& section, const std::string& author,
                    int age_hours, const std::string& body) {
  return "+++\ntitle = \"" + title + "\"\nsection = \"" + section + "\"\nauthors = [\"" + author +
         "\"]\nage_hours = " + std::to_string(age_hours) + "\n+++\n" + body + "\n";
}

// Runs on every backend: the page is the same whichever store answers the search.
class SearchPageTest : public ::testing::TestWithParam<store::StoreBackend> {
 protected:
  void SetUp() override {
    harness_ = GetParam().make_harness();
    if (!harness_) GTEST_SKIP() << GetParam().name << ": " << GetParam().unavailable;
    auto opened = harness_->Open();
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    store_ = std::move(*opened);
    ingest::BundleFiles files = {{"site.toml", kSiteToml}};
    files.emplace("articles/a.md", Article("Harbour talks", "east-asia", "ada", 30,
                                           "Fishing `<b>rights</b>` & the harbour fleet."));
    files.emplace("articles/b.md", Article("Border drills", "defense", "bo", 3,
                                           "Drills near the harbour worry the fishing towns."));
    for (int i = 0; i < 12; ++i) {
      files.emplace("articles/many" + std::to_string(i) + ".md",
                    Article("Monsoon report " + std::to_string(i), "east-asia", "ada", 40 + i,
                            "The monsoon arrived early this year."));
    }
    auto loaded = ingest::LoadSiteBundle(*store_, files, clock_.Now());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().ToString();
    auto theme = render::Theme::Load(GAZETTE_DEFAULT_THEME_DIR);
    ASSERT_TRUE(theme.has_value()) << theme.error().ToString();
    auto assets = http::StaticAssets::Load(GAZETTE_DEFAULT_THEME_DIR "/assets", "/assets/");
    ASSERT_TRUE(assets.has_value()) << assets.error().ToString();
    site_ = std::make_unique<Site>(*store_, clock_, *theme, *assets, SiteConfig{});
    site_->Register(router_);
  }

  http::Response Get(const std::string& query) {
    http::Request request;
    request.method = http::Method::kGet;
    request.target = "/search?" + query;
    request.path = "/search";
    request.query = query;
    return router_.Dispatch(request);
  }

  // A search for `text` (percent-encoded here) with more parameters after it.
  http::Response Search(std::string_view text, const std::string& more = "") {
    return Get("q=" + http::PercentEncode(text, true) + more);
  }

  static int Count(const std::string& html, std::string_view needle) {
    int count = 0;
    for (size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) {
      ++count;
    }
    return count;
  }

  std::unique_ptr<store::StoreHarness> harness_;
  base::FixedClock clock_{base::ParseIso8601("2026-11-28T12:00:00Z").value()};
  std::unique_ptr<store::Store> store_;
  http::Router router_;
  std::unique_ptr<Site> site_;
};

INSTANTIATE_TEST_SUITE_P(Backends, SearchPageTest,
                         ::testing::Values(store::SqliteBackend(), store::PostgresBackend()),
                         store::StoreBackendName);

TEST_P(SearchPageTest, ResultsShowTheCountTitlesAndMarkedSafeSnippets) {
  http::Response page = Search("fishing harbour");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("2 results for “fishing harbour”"), std::string::npos);
  EXPECT_NE(page.body.find(">Harbour talks</a>"), std::string::npos);
  EXPECT_NE(page.body.find(">Border drills</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<mark>Fishing</mark>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("&lt;b&gt;rights&lt;/b&gt; &amp;"), std::string::npos) << page.body;
  EXPECT_EQ(page.body.find("<b>rights"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"fishing harbour\""), std::string::npos);
  EXPECT_NE(page.body.find("noindex"), std::string::npos);
  EXPECT_EQ(page.body.find("No articles match"), std::string::npos);
}

TEST_P(SearchPageTest, FiltersNarrowTheResultsAndStaySelected) {
  http::Response page = Search("harbour", "&section=defense&author=bo");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("1 result for"), std::string::npos);
  EXPECT_NE(page.body.find(">Border drills</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"defense\" selected>"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"bo\" selected>"), std::string::npos);

  EXPECT_NE(Search("harbour", "&to=2026-11-27").body.find("1 result for"), std::string::npos);
  EXPECT_NE(Search("harbour", "&from=2026-11-28").body.find(">Border drills</a>"),
            std::string::npos);
  EXPECT_NE(Search("harbour", "&from=2026-11-29").body.find("No articles match"),
            std::string::npos);
}

TEST_P(SearchPageTest, NoResultsExplainsAndSuggestsTheLatest) {
  http::Response page = Search("zeppelin");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("0 results for “zeppelin”"), std::string::npos);
  EXPECT_NE(page.body.find("No articles match “zeppelin”"), std::string::npos);
  EXPECT_NE(page.body.find("Latest articles"), std::string::npos);
  EXPECT_NE(page.body.find(">Border drills</a>"), std::string::npos);
}

TEST_P(SearchPageTest, AnEmptyQueryShowsTheFormAndSuggestions) {
  http::Response page = Get("");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Search the articles"), std::string::npos);
  EXPECT_NE(page.body.find("Latest articles"), std::string::npos);
  EXPECT_EQ(page.body.find("No articles match"), std::string::npos);
}

TEST_P(SearchPageTest, ResultsArePagedWithLinksThatKeepTheQuery) {
  http::Response first = Search("monsoon", "&section=east-asia");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("12 results for"), std::string::npos);
  EXPECT_EQ(Count(first.body, "search-result__snippet"), 10);
  EXPECT_NE(first.body.find("href=\"/search?q=monsoon&amp;section=east-asia&amp;page=2\""),
            std::string::npos)
      << first.body;
  http::Response second = Search("monsoon", "&section=east-asia&page=2");
  EXPECT_EQ(Count(second.body, "search-result__snippet"), 2);
  EXPECT_NE(second.body.find("Page 2 of 2"), std::string::npos);
  http::Response past = Search("monsoon", "&page=99");
  EXPECT_EQ(past.status, 200);
  EXPECT_NE(past.body.find("Page 2 of 2"), std::string::npos);
}

TEST_P(SearchPageTest, HostileInputAlwaysGetsAPage) {
  const std::string hostile[] = {
      "\"",
      "\"\"\"",
      "NEAR(",
      "\"*\"",
      "^",
      "*",
      "a OR",
      "title:harbour",
      "'; DROP TABLE articles; --",
      std::string("harb\0our", 8),
      "\xed\xa0\x80",
      "\xff\xfe\xfd",
      std::string(10'000, 'x'),
      std::string(10'000, '"'),
      "<script>alert(1)</script>",
  };
  for (const std::string& text : hostile) {
    http::Response page = Search(text);
    EXPECT_EQ(page.status, 200) << text.substr(0, 40);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  }
  for (const char* more :
       {"&page=0", "&page=-1", "&page=x", "&page=99999999999", "&section=nowhere", "&author=%00",
        "&from=yesterday", "&to=2026-13-45", "&from=2026-11-28T00:00"}) {
    EXPECT_EQ(Search("harbour", more).status, 200) << more;
  }
  EXPECT_EQ(Get("q=%ZZ&q=%00").status, 200);
  EXPECT_NE(store_->ListPublished({}).value().size(), 0u);
}

TEST_P(SearchPageTest, TheMastheadHasASearchForm) {
  http::Response home = Get("");
  EXPECT_NE(home.body.find("<form class=\"masthead__search\" action=\"/search\""),
            std::string::npos);
}

}  // namespace
}  // namespace gazette::site
