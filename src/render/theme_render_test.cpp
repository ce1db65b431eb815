#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "render/testing/sample_views.h"
#include "render/theme.h"

namespace gazette::render {
namespace {

using testing::SampleArticle;
using testing::SampleError;
using testing::SampleHome;
using testing::SampleList;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The text of `html` without its tags, whitespace runs folded to one space.
std::string TextOf(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<[^>]*>"), "");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

class ThemeRenderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = Theme::Load(GAZETTE_DEFAULT_THEME_DIR);
    ASSERT_TRUE(loaded) << loaded.error().ToString();
    theme_ = *loaded;
  }
  static void TearDownTestSuite() { theme_.reset(); }
  static const Theme& theme() { return *theme_; }

 private:
  static inline std::shared_ptr<const Theme> theme_;
};

TEST_F(ThemeRenderTest, HomeHasMastheadNavigationLeadBlocksAndTrending) {
  const std::string html = theme().RenderHome(SampleHome());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html.substr(0, 80);
  EXPECT_TRUE(Contains(html, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(html, "<title>The Meridian Review — Analysis of world affairs</title>"));
  EXPECT_TRUE(Contains(html, "<a class=\"masthead__name\" href=\"/\">The Meridian Review</a>"));
  EXPECT_TRUE(Contains(html, "<li><a href=\"/eastern-europe/\">Eastern Europe</a></li>"));
  EXPECT_TRUE(
      Contains(html, "<li><a href=\"/science-technology/\">Science &amp; Technology</a></li>"));
  EXPECT_TRUE(Contains(html,
                       "<h2 class=\"lead__title\"><a href=\"/world-news/security-council-rules/\">"
                       "Can the Security Council still make rules?</a></h2>"));
  EXPECT_TRUE(Contains(html, "<a href=\"/southeast-asia/\">Southeast Asia</a></h2>"));
  EXPECT_TRUE(Contains(html, "Mongolia&#39;s third-neighbour policy comes of age"));
  EXPECT_TRUE(Contains(html, "<h2 class=\"rail__heading\" id=\"rail-heading\">Trending</h2>"));
  EXPECT_TRUE(Contains(html, "<link rel=\"stylesheet\" href=\"/assets/site.css\">"));
  EXPECT_TRUE(Contains(html, "<script src=\"/assets/site.js\" defer></script>"));
  EXPECT_TRUE(Contains(html, "© 2026 The Meridian Review."));
}

TEST_F(ThemeRenderTest, ValuesAreEscapedAndJavascriptUrlsNeutralised) {
  ArticleView view = SampleArticle();
  view.article.title = "<script>alert(1)</script>";
  view.meta.title = view.article.title;
  view.article.authors = {{"Eve \"the\" <b>Attacker</b>", "javascript:alert(1)"}};
  view.tags = {{"x\" onmouseover=\"alert(1)", "/tag/x/"}};
  const std::string html = theme().RenderArticle(view);
  EXPECT_FALSE(Contains(html, "<script>alert(1)"));
  EXPECT_FALSE(Contains(html, "javascript:"));
  EXPECT_FALSE(Contains(html, "<b>Attacker"));
  EXPECT_FALSE(Contains(html, "\" onmouseover"));
  EXPECT_TRUE(
      Contains(html, "<h1 class=\"article__title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_TRUE(
      Contains(html, "<title>&lt;script&gt;alert(1)&lt;/script&gt; — The Meridian Review</title>"));
  EXPECT_TRUE(Contains(
      html, "<a href=\"#\" rel=\"author\">Eve &quot;the&quot; &lt;b&gt;Attacker&lt;/b&gt;</a>"));
}

TEST_F(ThemeRenderTest, BodyHtmlIsInsertedAsIs) {
  ArticleView view = SampleArticle();
  view.body_html =
      "<p>Plain <em>emphasis</em> &amp; a note<sup class=\"footnote-ref\"><a href=\"#fn-1\" "
      "id=\"fnref-1\" data-footnote-ref>1</a></sup></p>\n";
  const std::string html = theme().RenderArticle(view);
  EXPECT_TRUE(Contains(html, view.body_html));
}

TEST_F(ThemeRenderTest, CanonicalAndNoindexAppearOnlyWhenSet) {
  ArticleView view = SampleArticle();
  std::string html = theme().RenderArticle(view);
  EXPECT_TRUE(Contains(
      html, "<link rel=\"canonical\" href=\"https://lakeside.example/analytics/seoul-tokyo/\">"));
  EXPECT_FALSE(Contains(html, "name=\"robots\""));

  view.meta.canonical_url.clear();
  view.meta.noindex = true;
  html = theme().RenderArticle(view);
  EXPECT_FALSE(Contains(html, "rel=\"canonical\""));
  EXPECT_TRUE(Contains(html, "<meta name=\"robots\" content=\"noindex, follow\">"));
}

TEST_F(ThemeRenderTest, ArticleHasBylineDatesReadingTimeAndTags) {
  const std::string html = theme().RenderArticle(SampleArticle());
  EXPECT_TRUE(Contains(html, "<p class=\"kicker\"><a href=\"/east-asia/\">East Asia</a></p>"));
  EXPECT_TRUE(Contains(html,
                       "By <a href=\"/author/hana-kim/\" rel=\"author\">Hana Kim</a>, "
                       "<a href=\"/author/kenji-mori/\" rel=\"author\">Kenji Mori</a>"));
  EXPECT_TRUE(Contains(html, "<time datetime=\"2026-11-24T09:30:00Z\">24 November 2026</time>"));
  EXPECT_TRUE(Contains(html,
                       "<time datetime=\"2026-11-24T09:30:00Z\" title=\"24 November 2026\" "
                       "data-relative>4 days ago</time>"));
  EXPECT_TRUE(Contains(html, "<span>9 min read</span>"));
  EXPECT_TRUE(Contains(html, "<a href=\"/tag/south-korea/\" rel=\"tag\">South Korea</a>"));
  EXPECT_TRUE(Contains(html, "More in <a href=\"/east-asia/\">East Asia</a>"));
  EXPECT_TRUE(Contains(html,
                       "<title>Why Seoul and Tokyo keep rediscovering each other — "
                       "The Meridian Review</title>"));
}

// Related cards come from any section, so they carry their section's kicker; the block comes
// before "More in" and is left out when there is nothing related.
TEST_F(ThemeRenderTest, ArticleShowsRelatedReadingWithKickersBeforeMoreInSection) {
  ArticleView view = SampleArticle();
  std::string html = theme().RenderArticle(view);
  const size_t related = html.find(
      "<h2 class=\"block__heading\" id=\"related-heading\">Related "
      "reading</h2>");
  ASSERT_NE(related, std::string::npos) << html;
  EXPECT_LT(related, html.find("id=\"more-heading\""));
  EXPECT_TRUE(Contains(
      html.substr(related, html.find("id=\"more-heading\"") - related),
      "<p class=\"kicker\"><a href=\"/" + std::string("world-news/") + "\">World News</a></p>"));
  EXPECT_TRUE(Contains(html, "<a href=\"" + view.related[1].url + "\">"));

  view.related[0].title = "<img src=x onerror=alert(1)> & \"quotes\"";
  view.related[0].url = "javascript:alert(1)";
  html = theme().RenderArticle(view);
  EXPECT_FALSE(Contains(html, "<img src=x"));
  EXPECT_TRUE(Contains(html, "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"));
  EXPECT_FALSE(Contains(html, "href=\"javascript:"));

  view.related.clear();
  html = theme().RenderArticle(view);
  EXPECT_FALSE(Contains(html, "Related reading"));
  EXPECT_TRUE(Contains(html, "id=\"more-heading\""));
}

TEST_F(ThemeRenderTest, PartnerCreditLinksTheOriginal) {
  ArticleView view = SampleArticle();
  std::string html = theme().RenderArticle(view);
  EXPECT_TRUE(Contains(TextOf(html), "First published in our partner Lakeside Institute."));
  EXPECT_TRUE(Contains(html,
                       "<a href=\"https://lakeside.example/analytics/seoul-tokyo/\" "
                       "rel=\"noopener\">Lakeside Institute</a>"));
  EXPECT_TRUE(Contains(
      html,
      "<a class=\"credit__more\" href=\"/partner/lakeside/\">More from Lakeside Institute →</a>"));

  view.credit.reset();
  html = theme().RenderArticle(view);
  EXPECT_FALSE(Contains(html, "First published in our partner"));
}

TEST_F(ThemeRenderTest, ListHasHeaderArticlesAndPagination) {
  ListView view = SampleList();
  view.kind_label = "Partner";
  view.external_url = "https://lakeside.example/";
  std::string html = theme().RenderList(view);
  EXPECT_TRUE(Contains(html, "<p class=\"kicker\">Partner</p>"));
  EXPECT_TRUE(Contains(html, "<h1 class=\"list-header__title\">East Asia</h1>"));
  EXPECT_TRUE(Contains(html, "the region that will decide the century&#39;s balance."));
  EXPECT_TRUE(Contains(
      html, "<a href=\"https://lakeside.example/\" rel=\"noopener\">lakeside.example ↗</a>"));
  EXPECT_TRUE(Contains(html, "<a href=\"/east-asia/\" rel=\"prev\"") ||
              Contains(html, "href=\"/east-asia/\" rel=\"prev\">"));
  EXPECT_TRUE(Contains(html, "href=\"/east-asia/page/3/\" rel=\"next\">Next →</a>"));
  EXPECT_TRUE(Contains(html, "Page 2 of 7"));

  view.pagination = {1, 1, "", ""};
  view.articles.clear();
  html = theme().RenderList(view);
  EXPECT_FALSE(Contains(html, "class=\"pagination\""));
  EXPECT_TRUE(Contains(html, "Nothing has been published here yet."));
}

TEST_F(ThemeRenderTest, PaginationOmitsMissingNeighbours) {
  ListView view = SampleList();
  view.pagination = {1, 7, "", "/east-asia/page/2/"};
  const std::string html = theme().RenderList(view);
  EXPECT_FALSE(Contains(html, "rel=\"prev\""));
  EXPECT_TRUE(Contains(html, "rel=\"next\""));
  EXPECT_TRUE(Contains(html, "Page 1 of 7"));
}

TEST_F(ThemeRenderTest, TrendingLinesReadSectionRelativeDateTitle) {
  const std::string html = theme().RenderHome(SampleHome());
  std::smatch match;
  ASSERT_TRUE(std::regex_search(html, match, std::regex("<li class=\"trending__item\">.*?</li>")));
  EXPECT_EQ(TextOf(match.str()),
            "Eastern Europe · 4 days ago · Chișinău&#39;s long road to European regulation");
  EXPECT_TRUE(Contains(match.str(),
                       "<time datetime=\"2026-11-24T09:30:00Z\" "
                       "title=\"24 November 2026\" data-relative>4 days ago</time>"));
  EXPECT_TRUE(Contains(match.str(), "<a class=\"trending__section\" href=\"/eastern-europe/\">"));
}

TEST_F(ThemeRenderTest, ErrorChainPicksTheMostSpecificTemplate) {
  const std::string not_found = theme().RenderError(SampleError(404));
  EXPECT_TRUE(Contains(not_found, "error-page--not-found"));
  EXPECT_TRUE(Contains(not_found, "<h1 class=\"error-page__title\">Page not found</h1>"));
  EXPECT_TRUE(Contains(not_found, "<meta name=\"robots\" content=\"noindex, follow\">"));
  EXPECT_TRUE(Contains(not_found, "Can the Security Council still make rules?"));

  const std::string failed = theme().RenderError(SampleError(500));
  EXPECT_FALSE(Contains(failed, "error-page--not-found"));
  EXPECT_TRUE(Contains(failed, "<p class=\"error-page__status\">Error 500</p>"));
  EXPECT_TRUE(Contains(failed, "<h1 class=\"error-page__title\">Something went wrong</h1>"));
}

TEST_F(ThemeRenderTest, PagesHaveNoInlineStylesOrScripts) {
  for (const std::string& html :
       {theme().RenderHome(SampleHome()), theme().RenderList(SampleList()),
        theme().RenderArticle(SampleArticle()), theme().RenderError(SampleError(404)),
        theme().RenderError(SampleError(500))}) {
    EXPECT_FALSE(Contains(html, "style="));
    EXPECT_FALSE(Contains(html, "<style"));
    EXPECT_FALSE(std::regex_search(html, std::regex("<script(?![^>]*\\ssrc=)")));
    EXPECT_FALSE(std::regex_search(html, std::regex("\\son[a-z]+=")));
  }
}

TEST_F(ThemeRenderTest, PagesHaveLandmarksAndASkipLink) {
  for (const std::string& html :
       {theme().RenderHome(SampleHome()), theme().RenderList(SampleList()),
        theme().RenderArticle(SampleArticle()), theme().RenderError(SampleError(404))}) {
    EXPECT_TRUE(Contains(html, "<a class=\"skip-link\" href=\"#main\">"));
    EXPECT_TRUE(Contains(html, "<header class=\"masthead\">"));
    EXPECT_TRUE(Contains(html, "<nav class=\"sitenav\" aria-label=\"Sections\">"));
    EXPECT_TRUE(Contains(html, "<main id=\"main\""));
    EXPECT_TRUE(Contains(html, "<footer class=\"site-footer\">"));
    EXPECT_EQ(std::regex_search(html, std::regex("<h1[ >]")), true);
  }
}

TEST_F(ThemeRenderTest, RendersTheSamePagesFromFourThreadsAtOnce) {
  const HomeView home = SampleHome();
  const ListView list = SampleList();
  const ArticleView article = SampleArticle();
  const ErrorView error = SampleError(404);
  const std::string want_home = theme().RenderHome(home);
  const std::string want_list = theme().RenderList(list);
  const std::string want_article = theme().RenderArticle(article);
  const std::string want_error = theme().RenderError(error);

  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        mismatches[t] += theme().RenderHome(home) != want_home;
        mismatches[t] += theme().RenderList(list) != want_list;
        mismatches[t] += theme().RenderArticle(article) != want_article;
        mismatches[t] += theme().RenderError(error) != want_error;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace gazette::render
