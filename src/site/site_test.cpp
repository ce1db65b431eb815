// The reader pages in-process: a real SQLite store, the default theme, a fixed clock, and
// requests dispatched through the router as the server would.
#include "site/site.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "ingest/site_bundle.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::site {
namespace {

constexpr char kSiteToml[] = R"(
[[sections]]
slug = "east-asia"
name = "East Asia"
kind = "region"

[[authors]]
slug = "ada"
name = "Ada Quill"
)";

std::string Article(const std::string& title, int age_hours) {
  return "+++\ntitle = \"" + title +
         "\"\nsection = \"east-asia\"\nauthors = [\"ada\"]\nage_hours = " +
         std::to_string(age_hours) + "\n+++\nA paragraph.\n";
}

class SiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true})
                 .value();
    auto loaded = ingest::LoadSiteBundle(*store_,
                                         {{"site.toml", kSiteToml},
                                          {"articles/1.md", Article("Older Harbour Talks", 30)},
                                          {"articles/2.md", Article("Newer Border Talks", 3)}},
                                         clock_.Now());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().ToString();
    auto theme = render::Theme::Load(GAZETTE_DEFAULT_THEME_DIR);
    ASSERT_TRUE(theme.has_value()) << theme.error().ToString();
    auto assets = http::StaticAssets::Load(GAZETTE_DEFAULT_THEME_DIR "/assets", "/assets/");
    ASSERT_TRUE(assets.has_value()) << assets.error().ToString();
    site_ = std::make_unique<Site>(*store_, clock_, *theme, *assets, SiteConfig{});
    site_->Register(router_);
  }

  http::Response Get(const std::string& path, http::Method method = http::Method::kGet) {
    http::Request request;
    request.method = method;
    request.target = path;
    size_t question = path.find('?');
    request.path = path.substr(0, question);
    if (question != std::string::npos) request.query = path.substr(question + 1);
    return router_.Dispatch(request);
  }

  // The text of the side list: its heading and its titles, in order.
  std::string Rail(const std::string& html) {
    size_t begin = html.find("<aside class=\"rail\"");
    size_t end = html.find("</aside>", begin);
    EXPECT_NE(begin, std::string::npos);
    return html.substr(begin, end - begin);
  }

  base::testing::TempDir dir_{"gazette-site-"};
  base::FixedClock clock_{base::ParseIso8601("2026-11-28T12:00:00Z").value()};
  std::unique_ptr<store::Store> store_;
  http::Router router_;
  std::unique_ptr<Site> site_;
};

TEST_F(SiteTest, WithoutViewsTheListIsTheLatestNewestFirst) {
  http::Response home = Get("/");
  ASSERT_EQ(home.status, 200);
  std::string rail = Rail(home.body);
  EXPECT_NE(rail.find(">Latest</h2>"), std::string::npos) << rail;
  EXPECT_LT(rail.find("Newer Border Talks"), rail.find("Older Harbour Talks"));
}

TEST_F(SiteTest, ReadsCountedOnlyByGetBecomeTrendingAfterAFlush) {
  const std::string older = "/east-asia/older-harbour-talks/";
  ASSERT_EQ(Get(older).status, 200);
  ASSERT_EQ(Get(older).status, 200);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Get("/east-asia/newer-border-talks/", http::Method::kHead).status, 200);
  }
  EXPECT_NE(Rail(Get("/").body).find(">Latest</h2>"), std::string::npos)
      << "views must not reach the list before they are flushed";

  ASSERT_TRUE(site_->FlushViews().has_value());
  std::string rail = Rail(Get("/").body);
  EXPECT_NE(rail.find(">Trending</h2>"), std::string::npos) << rail;
  EXPECT_LT(rail.find("Older Harbour Talks"), rail.find("Newer Border Talks"));
}

TEST_F(SiteTest, RelativeDatesAreTrueWhenRendered) {
  const std::string url = "/east-asia/older-harbour-talks/";
  EXPECT_NE(Get(url).body.find(">yesterday<"), std::string::npos);
  clock_.Advance(std::chrono::hours(24 * 3));
  EXPECT_NE(Get(url).body.find(">4 days ago<"), std::string::npos);
}

TEST_F(SiteTest, WithoutAChosenLeadTheNewestArticleLeads) {
  std::string home = Get("/").body;
  size_t lead = home.find("class=\"lead\"");
  ASSERT_NE(lead, std::string::npos);
  EXPECT_LT(home.find("Newer Border Talks", lead), home.find("Older Harbour Talks", lead));
}

TEST_F(SiteTest, MissingThingsAreThemedNotFoundPages) {
  for (std::string path : {"/nowhere/", "/east-asia/nothing-here/", "/author/nobody/", "/tag/none/",
                           "/partner/none/", "/east-asia/?page=2", "/east-asia/?page=x"}) {
    http::Response response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_NE(response.body.find("Page not found"), std::string::npos) << path;
  }
}

TEST_F(SiteTest, ImportedArticlesOldAddressesRedirectToThem) {
  auto older = store_->GetArticleBySlug("older-harbour-talks");
  ASSERT_TRUE(older.has_value());
  for (const char* path : {"/?p=12", "/2019/05/04/harbour/", "/harbour/", "/east-asia/harbour/"}) {
    ASSERT_TRUE(store_->AddRedirect(path, older->id).has_value()) << path;
    http::Response response = Get(path);
    EXPECT_EQ(response.status, 301) << path;
    EXPECT_EQ(response.Header("Location"), "/east-asia/older-harbour-talks/") << path;
  }
  EXPECT_EQ(Get("/?p=13").status, 200) << "an unknown post id shows the home page";
  EXPECT_EQ(Get("/?p=x12").status, 200);
  EXPECT_EQ(Get("/2019/05/04/other/").status, 404);

  older->status = content::ArticleStatus::kDraft;
  ASSERT_TRUE(store_->UpdateArticle(*older).has_value());
  EXPECT_EQ(Get("/harbour/").status, 404) << "an unpublished article is not redirected to";
  EXPECT_EQ(Get("/?p=12").status, 200);
}

TEST_F(SiteTest, AnOldAddressNeverRedirectsToItself) {
  auto older = store_->GetArticleBySlug("older-harbour-talks");
  ASSERT_TRUE(older.has_value());
  ASSERT_TRUE(store_->AddRedirect("/east-asia/older-harbour-talks/", older->id).has_value());
  EXPECT_EQ(Get("/east-asia/older-harbour-talks/").status, 200);
  older->status = content::ArticleStatus::kArchived;
  ASSERT_TRUE(store_->UpdateArticle(*older).has_value());
  EXPECT_EQ(Get("/east-asia/older-harbour-talks/").status, 404);
}

// The two talks share words: each lists the other as related reading, which "More in East Asia"
// then leaves out; an unrelated piece of the section is only in "More in".
TEST_F(SiteTest, ArticlesShowRelatedReadingAndMoreInSectionWithoutRepeats) {
  auto section = store_->GetSectionBySlug("east-asia");
  ASSERT_TRUE(section.has_value());
  content::Article rain;
  rain.slug = "monsoon-figures";
  rain.title = "Monsoon figures";
  rain.body_md = "Rainfall statistics.";
  rain.status = content::ArticleStatus::kPublished;
  rain.section_id = section->id;
  rain.published_at = clock_.Now() - std::chrono::hours(1);
  rain.updated_at = rain.published_at;
  ASSERT_TRUE(store_->CreateArticle(rain).has_value());

  const std::string html = Get("/east-asia/older-harbour-talks/").body;
  const size_t related = html.find("id=\"related-heading\">Related reading</h2>");
  const size_t more = html.find("id=\"more-heading\"");
  ASSERT_NE(related, std::string::npos) << html;
  ASSERT_NE(more, std::string::npos) << html;
  const std::string related_block = html.substr(related, more - related);
  const std::string more_block = html.substr(more, html.find("</section>", more) - more);
  EXPECT_NE(related_block.find("href=\"/east-asia/newer-border-talks/\""), std::string::npos);
  EXPECT_EQ(related_block.find("Monsoon figures"), std::string::npos);
  EXPECT_NE(more_block.find("Monsoon figures"), std::string::npos);
  EXPECT_EQ(more_block.find("href=\"/east-asia/newer-border-talks/\""), std::string::npos)
      << more_block;
  EXPECT_EQ(Get("/east-asia/monsoon-figures/").body.find("Related reading"), std::string::npos);
}

bool HasTag(const http::Response& response, const std::string& tag) {
  return std::find(response.cache_tags.begin(), response.cache_tags.end(), tag) !=
         response.cache_tags.end();
}

TEST_F(SiteTest, PagesAreTaggedWithTheSiteTheArticlesTheyShowAndTheirLists) {
  const int64_t older = store_->GetArticleBySlug("older-harbour-talks").value().id;
  const int64_t newer = store_->GetArticleBySlug("newer-border-talks").value().id;
  const int64_t section = store_->GetSectionBySlug("east-asia").value().id;
  const int64_t author = store_->GetAuthorBySlug("ada").value().id;
  const std::string older_tag = "article:" + std::to_string(older);
  const std::string newer_tag = "article:" + std::to_string(newer);

  http::Response home = Get("/");
  for (const std::string& tag :
       {std::string("site"), std::string("list:all"), older_tag, newer_tag}) {
    EXPECT_TRUE(HasTag(home, tag)) << tag;
  }
  http::Response list = Get("/author/ada/");
  EXPECT_TRUE(HasTag(list, "list:author:" + std::to_string(author)));
  EXPECT_TRUE(HasTag(list, older_tag));
  EXPECT_TRUE(HasTag(Get("/east-asia/"), "list:section:" + std::to_string(section)));

  http::Response article = Get("/east-asia/older-harbour-talks/");
  EXPECT_TRUE(HasTag(article, older_tag));
  EXPECT_TRUE(HasTag(article, "related:" + std::to_string(older)));
  EXPECT_TRUE(HasTag(article, "list:section:" + std::to_string(section)));
  EXPECT_TRUE(HasTag(article, newer_tag)) << "shown as related reading";
  EXPECT_TRUE(std::is_sorted(article.cache_tags.begin(), article.cache_tags.end()));
  EXPECT_EQ(std::adjacent_find(article.cache_tags.begin(), article.cache_tags.end()),
            article.cache_tags.end())
      << "each tag once";

  for (const char* path :
       {"/search?q=talks", "/feed/", "/sitemap.xml", "/robots.txt", "/api/content/v1/articles/"}) {
    EXPECT_TRUE(HasTag(Get(path), "site")) << path;
  }
}

TEST_F(SiteTest, ErrorPagesAndRedirectsCarryNoTags) {
  EXPECT_TRUE(Get("/nowhere/").cache_tags.empty());
  EXPECT_TRUE(Get("/east-asia/?page=9").cache_tags.empty());
  EXPECT_TRUE(Get("/api/content/v1/nothing/").cache_tags.empty());
}

TEST_F(SiteTest, AnArticleAnsweredFromTheCacheCountsAView) {
  http::Response article = Get("/east-asia/older-harbour-talks/", http::Method::kHead);
  ASSERT_TRUE(article.on_cache_hit);
  EXPECT_FALSE(Get("/").on_cache_hit) << "only article pages count views";
  article.on_cache_hit();
  article.on_cache_hit();
  ASSERT_TRUE(site_->FlushViews().has_value());
  std::string rail = Rail(Get("/").body);
  EXPECT_NE(rail.find(">Trending</h2>"), std::string::npos) << rail;
  EXPECT_LT(rail.find("Older Harbour Talks"), rail.find("Newer Border Talks"));
}

TEST_F(SiteTest, ANewThemeRendersTheNextPage) {
  base::testing::TempDir theme_dir{"gazette-theme-"};
  std::filesystem::copy(GAZETTE_DEFAULT_THEME_DIR, theme_dir.path() / "t",
                        std::filesystem::copy_options::recursive);
  const auto home_tpl = theme_dir.path() / "t" / "templates" / "home.tpl";
  std::ifstream in(home_tpl);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(home_tpl) << text << "<!-- marker of the new theme -->\n";
  auto theme = render::Theme::Load((theme_dir.path() / "t").string());
  ASSERT_TRUE(theme.has_value()) << theme.error().ToString();
  EXPECT_EQ(Get("/").body.find("marker of the new theme"), std::string::npos);
  site_->SetTheme(*theme);
  EXPECT_NE(Get("/").body.find("marker of the new theme"), std::string::npos);
}

// With one article a page, 102 articles make 102 pages: pages 1 to 100 are numbered, and page
// 100's Next link goes on by keyset (?before=) to the last two, one page each.
TEST_F(SiteTest, ListPagesPastTheNumberedOnesGoOnWithKeysetLinks) {
  const int64_t section = store_->GetSectionBySlug("east-asia").value().id;
  for (int i = 1; i <= 100; ++i) {
    content::Article article;
    article.slug = "archive-" + std::to_string(i);
    article.title = "Archive Piece " + std::to_string(i);
    article.status = content::ArticleStatus::kPublished;
    article.section_id = section;
    article.published_at = clock_.Now() - std::chrono::hours(100 + i);
    ASSERT_TRUE(store_->CreateArticle(article).has_value());
  }
  SiteConfig config;
  config.articles_per_page = 1;
  auto theme = render::Theme::Load(GAZETTE_DEFAULT_THEME_DIR).value();
  auto assets = http::StaticAssets::Load(GAZETTE_DEFAULT_THEME_DIR "/assets", "/assets/").value();
  Site site(*store_, clock_, theme, assets, config);
  http::Router router;
  site.Register(router);
  auto get = [&router](const std::string& target) {
    http::Request request;
    request.target = target;
    const size_t question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = target.substr(question + 1);
    return router.Dispatch(request);
  };
  // The Next link of a page, "" when it has none.
  auto next = [](const std::string& html) -> std::string {
    const std::string marker = "href=\"";
    const size_t link = html.find("pagination__link--next");
    if (link == std::string::npos) return "";
    const size_t start = html.find(marker, link) + marker.size();
    std::string url = html.substr(start, html.find('"', start) - start);
    for (size_t amp = url.find("&amp;"); amp != std::string::npos; amp = url.find("&amp;"))
      url.replace(amp, 5, "&");
    return url;
  };

  const http::Response last_numbered = get("/east-asia/?page=100");
  ASSERT_EQ(last_numbered.status, 200);
  EXPECT_NE(last_numbered.body.find("Page 100 of 100"), std::string::npos);
  EXPECT_NE(last_numbered.body.find("Archive Piece 98<"), std::string::npos);
  const std::string older = next(last_numbered.body);
  ASSERT_TRUE(older.starts_with("/east-asia/?before=")) << older;

  const http::Response past = get("/east-asia/?page=101");
  EXPECT_EQ(past.status, 404);
  EXPECT_NE(past.body.find("Pages are numbered up to 100"), std::string::npos);

  const http::Response first_older = get(older);
  ASSERT_EQ(first_older.status, 200);
  EXPECT_NE(first_older.body.find("Archive Piece 99<"), std::string::npos);
  EXPECT_EQ(first_older.body.find("pagination__status"), std::string::npos);
  const std::string oldest = next(first_older.body);
  ASSERT_FALSE(oldest.empty());
  const http::Response last = get(oldest);
  ASSERT_EQ(last.status, 200);
  EXPECT_NE(last.body.find("Archive Piece 100<"), std::string::npos);
  EXPECT_EQ(next(last.body), "");

  EXPECT_EQ(get("/east-asia/?before=yesterday").status, 404);
  EXPECT_EQ(get("/east-asia/?before=1.").status, 404);
  EXPECT_EQ(get("/east-asia/?before=1000.1").status, 404);  // nothing that old
}

}  // namespace
}  // namespace gazette::site
