// The Content API in-process: every endpoint, filter, pagination edge and error, against the
// magazine of MagazineTest, whose draft and scheduled piece must never show.
#include "site/content_api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "site/testing/magazine_fixture.h"

namespace gazette::site {
namespace {

using nlohmann::json;

class ContentApiTest : public testing::MagazineTest {
 protected:
  // GETs `target` and parses its body, checking the headers every API response carries.
  json GetJson(const std::string& target, int status = 200) {
    http::Response response = Get(target);
    EXPECT_EQ(response.status, status) << target << "\n" << response.body;
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8") << target;
    EXPECT_EQ(response.Header("Cache-Control"), "no-cache") << target;
    EXPECT_EQ(response.Header("Access-Control-Allow-Origin"), "*") << target;
    json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(body.is_discarded()) << target << ": " << response.body;
    return body;
  }

  // The titles of the articles in a list response, in order.
  static std::vector<std::string> Titles(const json& body) {
    std::vector<std::string> titles;
    for (const json& article : body.at("articles")) titles.push_back(article.at("title"));
    return titles;
  }

  static json Error(const std::string& message, int status) {
    return {{"errors", {{{"message", message}, {"status", status}}}}};
  }

  const std::string kBorderTalks = "Border Talks";
  const std::string kHarbourTalks = "Harbour Talks Resume";
  const std::string kDrones = "Cheap Drones, Costly Lessons";
};

TEST_F(ContentApiTest, ArticlesListsOnlyPublishedOnesNewestFirstWithoutBodies) {
  json body = GetJson("/api/content/v1/articles/");
  EXPECT_EQ(Titles(body), (std::vector{kBorderTalks, kHarbourTalks, kDrones}));
  for (const json& article : body["articles"]) EXPECT_FALSE(article.contains("body_html"));
  EXPECT_EQ(body["meta"], (json{{"page", 1},
                                {"limit", 15},
                                {"pages", 1},
                                {"total", 3},
                                {"next", nullptr},
                                {"prev", nullptr}}));
}

TEST_F(ContentApiTest, AnArticleCarriesEveryPublicFieldWithAbsoluteUrls) {
  json body = GetJson("/api/content/v1/articles/?limit=1");
  ASSERT_EQ(body["articles"].size(), 1u);
  const std::string media = std::string(kSiteUrl) + "/media/" + std::to_string(ids_.image) + "/";
  json expected = {
      {"id", ids_.border},
      {"slug", "border-talks"},
      {"url", "https://news.example/east-asia/border-talks/"},
      {"title", "Border Talks"},
      {"dek", "Both sides blink."},
      {"section",
       {{"slug", "east-asia"}, {"name", "East Asia"}, {"url", "https://news.example/east-asia/"}}},
      {"authors",
       {{{"slug", "ada"}, {"name", "Ada Quill"}, {"url", "https://news.example/author/ada/"}},
        {{"slug", "ben"}, {"name", "Ben Ortiz"}, {"url", "https://news.example/author/ben/"}}}},
      {"tags",
       {{{"slug", "trade"}, {"name", "Trade"}, {"url", "https://news.example/tag/trade/"}},
        {{"slug", "security"},
         {"name", "Security"},
         {"url", "https://news.example/tag/security/"}}}},
      {"partner",
       {{"id", ids_.lakeside},
        {"slug", "lakeside"},
        {"name", "Lakeside Institute"},
        {"website", "https://lakeside.example/"},
        {"url", "https://news.example/partner/lakeside/"},
        {"original_url", "https://lakeside.example/analysis/border-talks/"},
        {"credit", "canonical"}}},
      {"published_at", "2026-11-28T09:00:00Z"},
      {"updated_at", "2026-11-28T09:00:00Z"},
      {"reading_minutes", 1},
      {"word_count", 6},
      {"lead_image",
       {{"alt", kImageAlt},
        {"width", 960},
        {"height", 540},
        {"src", media + "960.jpeg"},
        {"srcset", media + "480.jpeg 480w, " + media + "960.jpeg 960w"},
        {"sources",
         {{{"type", "image/webp"},
           {"srcset", media + "480.webp 480w, " + media + "960.webp 960w"}}}}}},
  };
  EXPECT_EQ(body["articles"][0], expected) << body["articles"][0].dump(2);
}

TEST_F(ContentApiTest, ArticlesWithoutAPartnerOrImageHaveNulls) {
  json body = GetJson("/api/content/v1/articles/?section=defense");
  ASSERT_EQ(Titles(body), std::vector{kDrones});
  EXPECT_TRUE(body["articles"][0]["partner"].is_null());
  EXPECT_TRUE(body["articles"][0]["lead_image"].is_null());
}

TEST_F(ContentApiTest, FiltersCombineAndEachNarrowsTheList) {
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?section=east-asia")),
            (std::vector{kBorderTalks, kHarbourTalks}));
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?author=ben")),
            (std::vector{kBorderTalks, kDrones}));
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?tag=security")),
            (std::vector{kBorderTalks, kDrones}));
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?partner=lakeside")),
            std::vector{kBorderTalks});
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?author=ben&section=defense")),
            std::vector{kDrones});
  json none = GetJson("/api/content/v1/articles/?section=middle-east");
  EXPECT_TRUE(none["articles"].empty());
  EXPECT_EQ(none["meta"]["total"], 0);
  EXPECT_EQ(none["meta"]["pages"], 1);
  // Cy's only piece is scheduled: Cy is a known author with nothing published yet.
  EXPECT_TRUE(GetJson("/api/content/v1/articles/?author=cy")["articles"].empty());
}

TEST_F(ContentApiTest, AnUnknownFilterSlugIsA404NamingIt) {
  EXPECT_EQ(GetJson("/api/content/v1/articles/?section=atlantis", 404),
            Error("unknown section 'atlantis'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/?author=nobody", 404),
            Error("unknown author 'nobody'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/?tag=nothing", 404),
            Error("unknown tag 'nothing'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/?partner=nobody", 404),
            Error("unknown partner 'nobody'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/?section=", 404), Error("unknown section ''", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/?section=defense&tag=%3Cb%3E", 404),
            Error("unknown tag '<b>'", 404));
}

TEST_F(ContentApiTest, ATagOnlyDraftsCarryIsUnknown) {
  EXPECT_EQ(GetJson("/api/content/v1/articles/?tag=merger-rumours", 404),
            Error("unknown tag 'merger-rumours'", 404));
}

TEST_F(ContentApiTest, PagesWalkTheListWithNextAndPrev) {
  auto meta = [&](const std::string& query) {
    return GetJson("/api/content/v1/articles/?" + query)["meta"];
  };
  json first = GetJson("/api/content/v1/articles/?limit=1");
  EXPECT_EQ(Titles(first), std::vector{kBorderTalks});
  EXPECT_EQ(
      first["meta"],
      (json{
          {"page", 1}, {"limit", 1}, {"pages", 3}, {"total", 3}, {"next", 2}, {"prev", nullptr}}));
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?limit=1&page=2")),
            std::vector{kHarbourTalks});
  EXPECT_EQ(meta("limit=1&page=2")["next"], 3);
  EXPECT_EQ(meta("limit=1&page=2")["prev"], 1);
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?limit=1&page=3")), std::vector{kDrones});
  EXPECT_EQ(meta("limit=1&page=3")["next"], nullptr);
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles/?limit=2&page=2")), std::vector{kDrones});
  EXPECT_EQ(meta("limit=2&page=2")["pages"], 2);

  json past = GetJson("/api/content/v1/articles/?limit=1&page=9");
  EXPECT_TRUE(past["articles"].empty());
  EXPECT_EQ(past["meta"]["next"], nullptr);
  EXPECT_EQ(past["meta"]["prev"], 3) << "prev from past the end is the last page";
  EXPECT_EQ(meta("limit=100")["limit"], 100);
  EXPECT_EQ(meta("page=1000000")["page"], 1000000);
}

TEST_F(ContentApiTest, PageAndLimitMustBeIntegersInRange) {
  for (std::string bad : {"0", "-1", "x", "1.5", "1e3", "%201", "1000001", "99999999999"}) {
    EXPECT_EQ(GetJson("/api/content/v1/articles/?page=" + bad, 400),
              Error("page must be an integer from 1 to 1000000, not '" +
                        http::PercentDecode(bad, true) + "'",
                    400))
        << bad;
  }
  for (std::string bad : {"0", "101", "x", "-5"}) {
    EXPECT_EQ(GetJson("/api/content/v1/articles/?limit=" + bad, 400),
              Error("limit must be an integer from 1 to 100, not '" + bad + "'", 400))
        << bad;
  }
}

TEST_F(ContentApiTest, OneArticleByIdOrSlugIncludesItsBody) {
  json by_id = GetJson("/api/content/v1/articles/" + std::to_string(ids_.harbour) + "/");
  ASSERT_EQ(by_id["articles"].size(), 1u);
  EXPECT_EQ(by_id["articles"][0]["title"], kHarbourTalks);
  EXPECT_EQ(by_id["articles"][0]["body_html"],
            "<p>The first paragraph of Harbour Talks Resume.</p>\n");

  json by_slug = GetJson("/api/content/v1/articles/slug/harbour-talks-resume/");
  EXPECT_EQ(by_slug, by_id);
}

TEST_F(ContentApiTest, DraftsAndScheduledPiecesAreAsUnknownAsMissingOnes) {
  for (int64_t id : {ids_.draft, ids_.scheduled}) {
    const std::string text = std::to_string(id);
    EXPECT_EQ(GetJson("/api/content/v1/articles/" + text + "/", 404),
              Error("unknown article '" + text + "'", 404));
  }
  EXPECT_EQ(GetJson("/api/content/v1/articles/99999/", 404), Error("unknown article '99999'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/slug/secret-merger/", 404),
            Error("unknown article 'secret-merger'", 404));
  EXPECT_EQ(GetJson("/api/content/v1/articles/slug/tomorrows-summit/", 404),
            Error("unknown article 'tomorrows-summit'", 404));
  for (std::string id : {"abc", "01x", "-1", "99999999999999999999"}) {
    EXPECT_EQ(GetJson("/api/content/v1/articles/" + id + "/", 404),
              Error("unknown article '" + id + "'", 404));
  }
  for (std::string list : {"articles/", "articles/?author=ada", "tags/"}) {
    std::string body = Get("/api/content/v1/" + list).body;
    EXPECT_EQ(body.find("Secret Merger"), std::string::npos) << list;
    EXPECT_EQ(body.find("merger-rumours"), std::string::npos) << list;
    EXPECT_EQ(body.find("Summit"), std::string::npos) << list;
  }
}

TEST_F(ContentApiTest, SectionsAuthorsAndPartnersListWithTheirPages) {
  EXPECT_EQ(GetJson("/api/content/v1/sections/"),
            (json{{"sections",
                   {{{"id", ids_.east_asia},
                     {"slug", "east-asia"},
                     {"name", "East Asia"},
                     {"kind", "region"},
                     {"description", "China, Japan, the Koreas"},
                     {"url", "https://news.example/east-asia/"}},
                    {{"id", ids_.defense},
                     {"slug", "defense"},
                     {"name", "Defense"},
                     {"kind", "topic"},
                     {"description", ""},
                     {"url", "https://news.example/defense/"}},
                    {{"id", ids_.middle_east},
                     {"slug", "middle-east"},
                     {"name", "Middle East"},
                     {"kind", "region"},
                     {"description", ""},
                     {"url", "https://news.example/middle-east/"}}}}}));
  json authors = GetJson("/api/content/v1/authors/")["authors"];
  ASSERT_EQ(authors.size(), 3u);
  EXPECT_EQ(authors[0], (json{{"id", ids_.ada},
                              {"slug", "ada"},
                              {"name", "Ada Quill"},
                              {"bio", "Covers ports."},
                              {"url", "https://news.example/author/ada/"}}));
  EXPECT_EQ(authors[1]["name"], "Ben Ortiz");
  EXPECT_EQ(authors[2]["name"], "Cy Lin");
  EXPECT_EQ(GetJson("/api/content/v1/partners/"),
            (json{{"partners",
                   {{{"id", ids_.lakeside},
                     {"slug", "lakeside"},
                     {"name", "Lakeside Institute"},
                     {"description", "A think tank by a lake."},
                     {"website", "https://lakeside.example/"},
                     {"url", "https://news.example/partner/lakeside/"}}}}}));
}

TEST_F(ContentApiTest, TagsListOnlyThoseOfPublishedArticles) {
  EXPECT_EQ(GetJson("/api/content/v1/tags/"),
            (json{{"tags",
                   {{{"id", ids_.security},
                     {"slug", "security"},
                     {"name", "Security"},
                     {"url", "https://news.example/tag/security/"}},
                    {{"id", ids_.trade},
                     {"slug", "trade"},
                     {"name", "Trade"},
                     {"url", "https://news.example/tag/trade/"}}}}}));
}

TEST_F(ContentApiTest, EndpointsAnswerWithAndWithoutTheTrailingSlash) {
  const std::vector<std::string> paths = {"articles",
                                          "articles/" + std::to_string(ids_.border),
                                          "articles/slug/border-talks",
                                          "sections",
                                          "authors",
                                          "tags",
                                          "partners"};
  for (const std::string& path : paths) {
    http::Response with = Get("/api/content/v1/" + path + "/");
    http::Response without = Get("/api/content/v1/" + path);
    EXPECT_EQ(with.status, 200) << path;
    EXPECT_EQ(without.status, 200) << path;
    EXPECT_EQ(with.body, without.body) << path;
  }
  EXPECT_EQ(Titles(GetJson("/api/content/v1/articles?section=defense")), std::vector{kDrones});
}

TEST_F(ContentApiTest, UnknownPathsUnderTheApiAreJson404s) {
  for (std::string path :
       {"/api/content/", "/api/content", "/api/content/v1/", "/api/content/v1/posts/",
        "/api/content/v2/articles/", "/api/content/v1/articles/1/extra/"}) {
    EXPECT_EQ(GetJson(path, 404), Error("no such endpoint", 404)) << path;
  }
}

TEST_F(ContentApiTest, HeadAnswersLikeGet) {
  http::Response head = Get("/api/content/v1/sections/", http::Method::kHead);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.content_type, "application/json; charset=utf-8");
}

TEST_F(ContentApiTest, TextThatIsNotUtf8IsReplacedNotFatal) {
  content::Article odd =
      NewArticle("odd", "Caf\xe9 talks", ids_.middle_east, std::chrono::hours(1));
  ASSERT_TRUE(store().CreateArticle(odd).has_value());
  json body = GetJson("/api/content/v1/articles/?section=middle-east");
  EXPECT_EQ(Titles(body), std::vector<std::string>{"Caf\uFFFD talks"});
}

}  // namespace
}  // namespace gazette::site
