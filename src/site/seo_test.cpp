// What the site tells search engines and link previews, against MagazineTest: robots.txt, the
// sitemaps, OpenGraph and Twitter card tags, and JSON-LD structured data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/time_format.h"
#include "site/testing/magazine_fixture.h"

namespace gazette::site {
namespace {

using nlohmann::json;

constexpr char kXmlType[] = "application/xml; charset=utf-8";
constexpr char kJsonLdOpen[] = "<script type=\"application/ld+json\">";

class SeoTest : public testing::MagazineTest {
 protected:
  // The response's body parsed as XML; fails the test when it is not well-formed.
  static pugi::xml_document ParseXml(const http::Response& response) {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_string(response.body.c_str());
    EXPECT_TRUE(parsed) << parsed.description() << "\n" << response.body;
    return doc;
  }

  // <loc> -> <lastmod> ("" when absent) of every `entry` ("url" or "sitemap") under the root.
  static std::map<std::string, std::string> Locations(const pugi::xml_document& doc,
                                                      const char* entry) {
    std::map<std::string, std::string> locations;
    for (pugi::xml_node node : doc.document_element().children(entry)) {
      locations[node.child_value("loc")] = node.child_value("lastmod");
    }
    return locations;
  }

  // The content of every <meta `attribute`="`name`" content="..."> in `html`, in order.
  static std::vector<std::string> MetaContents(const std::string& html,
                                               const std::string& attribute,
                                               const std::string& name) {
    const std::string open = "<meta " + attribute + "=\"" + name + "\" content=\"";
    std::vector<std::string> contents;
    for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
      const size_t start = at + open.size();
      contents.push_back(html.substr(start, html.find('"', start) - start));
    }
    return contents;
  }

  static std::string Og(const std::string& html, const std::string& property) {
    auto contents = MetaContents(html, "property", property);
    return contents.size() == 1 ? contents.front() : "<" + std::to_string(contents.size()) + ">";
  }

  // Every JSON-LD block of `html`, each cut where the HTML parser would end the script element
  // (its first "</script"), parsed; fails the test for one that is not JSON.
  static std::vector<json> JsonLd(const std::string& html) {
    std::vector<json> blocks;
    for (size_t at = html.find(kJsonLdOpen); at != std::string::npos;
         at = html.find(kJsonLdOpen, at + 1)) {
      const size_t start = at + std::string_view(kJsonLdOpen).size();
      const std::string text = html.substr(start, html.find("</script", start) - start);
      json parsed = json::parse(text, nullptr, false);
      EXPECT_FALSE(parsed.is_discarded()) << text;
      blocks.push_back(std::move(parsed));
    }
    return blocks;
  }

  static const json* OfType(const std::vector<json>& blocks, const std::string& type) {
    for (const json& block : blocks) {
      if (block.value("@type", "") == type) return &block;
    }
    return nullptr;
  }

  // A partner piece from a new partner with `credit`, published `age` ago in East Asia.
  int64_t PartnerPiece(const std::string& slug, content::PartnerCredit credit,
                       const std::string& original_url, std::chrono::hours age) {
    const int64_t partner = store()
                                .CreatePartner({.slug = slug + "-institute",
                                                .name = slug + " Institute",
                                                .url = "https://" + slug + ".example/",
                                                .credit = credit})
                                .value();
    content::Article article = NewArticle(slug, slug + " piece", ids_.east_asia, age);
    article.partner_id = partner;
    article.original_url = original_url;
    return store().CreateArticle(article).value();
  }

  std::string Url(const std::string& path) const { return std::string(kSiteUrl) + path; }
};

TEST_F(SeoTest, RobotsTxtAllowsAllButTheNewsroomAndNamesTheSitemap) {
  const http::Response response = Get("/robots.txt");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(response.body,
            "User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/admin/\n\n"
            "Sitemap: https://news.example/sitemap.xml\n");
}

TEST_F(SeoTest, TheSitemapIndexListsPagesNewsAndEachMonthWithArticlesDatedByItsLatestUpdate) {
  content::Article october =
      NewArticle("october-piece", "An October Piece", ids_.defense, std::chrono::hours(24 * 40));
  october.updated_at = base::ParseIso8601("2026-11-02T08:00:00Z").value();
  store().CreateArticle(october).value();

  const http::Response response = Get("/sitemap.xml");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kXmlType);
  const pugi::xml_document doc = ParseXml(response);
  EXPECT_STREQ(doc.document_element().name(), "sitemapindex");
  EXPECT_STREQ(doc.document_element().attribute("xmlns").value(),
               "http://www.sitemaps.org/schemas/sitemap/0.9");
  const std::map<std::string, std::string> expected = {
      {Url("/sitemaps/pages.xml"), ""},
      {Url("/sitemaps/news.xml"), ""},
      // Harbour (30 h old) is the latest update of November's indexed articles: Border Talks
      // is a partner piece with its canonical page elsewhere.
      {Url("/sitemaps/articles-2026-11.xml"), "2026-11-27T06:00:00Z"},
      {Url("/sitemaps/articles-2026-10.xml"), "2026-11-02T08:00:00Z"}};
  EXPECT_EQ(Locations(doc, "sitemap"), expected);
}

// The index is dated from counts the store keeps by month: each date follows the articles at
// once, without the index reading them.
TEST_F(SeoTest, TheSitemapIndexDatesEachMonthRightAfterAnEditAnUnpublishAndAMove) {
  const auto index = [this] { return Locations(ParseXml(Get("/sitemap.xml")), "sitemap"); };
  const std::string november = Url("/sitemaps/articles-2026-11.xml");
  const std::string october = Url("/sitemaps/articles-2026-10.xml");
  ASSERT_EQ(index()[november], "2026-11-27T06:00:00Z");  // Harbour's

  // Edited an hour ago, Cheap Drones dates November.
  content::Article drones = store().GetArticle(ids_.drones).value();
  drones.updated_at = clock_.Now() - std::chrono::hours(1);
  ASSERT_TRUE(store().UpdateArticle(drones).has_value());
  EXPECT_EQ(index()[november], "2026-11-28T11:00:00Z");

  // Unpublished now, it no longer does: Harbour's update is again November's latest.
  drones = store().GetArticle(ids_.drones).value();
  drones.status = content::ArticleStatus::kArchived;
  drones.updated_at = clock_.Now();
  ASSERT_TRUE(store().UpdateArticle(drones).has_value());
  EXPECT_EQ(index()[november], "2026-11-27T06:00:00Z");

  // Harbour moved back to October takes its date there; November, with only Border Talks
  // (canonical at Lakeside) left, is not listed.
  content::Article harbour = store().GetArticle(ids_.harbour).value();
  harbour.published_at = base::ParseIso8601("2026-10-15T09:00:00Z").value();
  ASSERT_TRUE(store().UpdateArticle(harbour).has_value());
  const std::map<std::string, std::string> expected = {{Url("/sitemaps/pages.xml"), ""},
                                                       {Url("/sitemaps/news.xml"), ""},
                                                       {october, "2026-11-27T06:00:00Z"}};
  EXPECT_EQ(index(), expected);
}

// A month whose published articles are all indexed elsewhere is not listed; which those are
// follows the partner's credit as soon as it changes.
TEST_F(SeoTest, TheSitemapIndexLeavesOutMonthsOfPiecesIndexedElsewhere) {
  const auto index = [this] { return Locations(ParseXml(Get("/sitemap.xml")), "sitemap"); };
  const std::string october = Url("/sitemaps/articles-2026-10.xml");
  PartnerPiece("quiet", content::PartnerCredit::kNoindex, "", std::chrono::hours(24 * 40));
  PartnerPiece("elsewhere", content::PartnerCredit::kCanonical, "https://elsewhere.example/a",
               std::chrono::hours(24 * 41));
  EXPECT_FALSE(index().contains(october));

  const int64_t piece =
      PartnerPiece("own", content::PartnerCredit::kCanonical, "", std::chrono::hours(24 * 42));
  EXPECT_EQ(index()[october], "2026-10-17T12:00:00Z");
  content::Partner own =
      store().GetPartner(store().GetArticle(piece).value().partner_id.value()).value();
  own.credit = content::PartnerCredit::kNoindex;
  ASSERT_TRUE(store().UpdatePartner(own).has_value());
  EXPECT_FALSE(index().contains(october));
}

TEST_F(SeoTest, AMonthSitemapListsItsIndexedArticlesWithTheirLastUpdate) {
  PartnerPiece("quiet", content::PartnerCredit::kNoindex, "", std::chrono::hours(5));
  PartnerPiece("own", content::PartnerCredit::kCanonical, "", std::chrono::hours(6));
  content::Article edited =
      NewArticle("edited", "Edited Later", ids_.defense, std::chrono::hours(24 * 20));
  edited.updated_at = clock_.Now() - std::chrono::hours(1);
  store().CreateArticle(edited).value();

  const http::Response response = Get("/sitemaps/articles-2026-11.xml");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kXmlType);
  const pugi::xml_document doc = ParseXml(response);
  EXPECT_STREQ(doc.document_element().name(), "urlset");
  // Left out: Border Talks (canonical at Lakeside), the noindex piece, the draft and the
  // scheduled piece. A canonical-credit piece without an original is indexed here.
  const std::map<std::string, std::string> expected = {
      {Url("/east-asia/harbour-talks-resume/"), "2026-11-27T06:00:00Z"},
      {Url("/defense/cheap-drones/"), "2026-11-26T10:00:00Z"},
      {Url("/east-asia/own/"), "2026-11-28T06:00:00Z"},
      {Url("/defense/edited/"), "2026-11-28T11:00:00Z"}};
  EXPECT_EQ(Locations(doc, "url"), expected);
}

// A month's sitemap is the range [its first second, the next month's): an article at the turn
// of the month belongs to the month it begins, whatever is newer or older.
TEST_F(SeoTest, AnOlderMonthSitemapHoldsExactlyThatMonth) {
  auto at = [this](const std::string& slug, const char* when) {
    content::Article article = NewArticle(slug, slug, ids_.defense, std::chrono::hours(0));
    article.published_at = base::ParseIso8601(when).value();
    article.updated_at = article.published_at;
    store().CreateArticle(article).value();
  };
  at("last-of-august", "2026-08-31T23:59:59Z");
  at("first-of-september", "2026-09-01T00:00:00Z");
  at("last-of-september", "2026-09-30T23:59:59Z");
  at("first-of-october", "2026-10-01T00:00:00Z");

  const http::Response response = Get("/sitemaps/articles-2026-09.xml");
  ASSERT_EQ(response.status, 200);
  std::set<std::string> urls;
  for (const auto& [url, lastmod] : Locations(ParseXml(response), "url")) urls.insert(url);
  EXPECT_EQ(urls, (std::set<std::string>{Url("/defense/first-of-september/"),
                                         Url("/defense/last-of-september/")}));
}

TEST_F(SeoTest, MonthsWithoutArticlesAndUnknownNamesAreNotFound) {
  EXPECT_EQ(Get("/sitemaps/articles-2026-10.xml").status, 404);
  PartnerPiece("quiet", content::PartnerCredit::kNoindex, "", std::chrono::hours(24 * 40));
  EXPECT_EQ(Get("/sitemaps/articles-2026-10.xml").status, 404);  // only a noindex piece
  for (const char* name : {"articles-2026-13.xml", "articles-2026-1.xml", "articles-26-11.xml",
                           "articles-2026-11.txt", "articles-2026+11.xml", "other.xml"}) {
    EXPECT_EQ(Get(std::string("/sitemaps/") + name).status, 404) << name;
  }
  EXPECT_EQ(Get("/sitemaps/articles-2026-11.xml").status, 200);
}

TEST_F(SeoTest, ThePagesSitemapListsHomeSectionsAndListingsWithPublishedArticles) {
  const http::Response response = Get("/sitemaps/pages.xml");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kXmlType);
  std::set<std::string> urls;
  for (const auto& [url, lastmod] : Locations(ParseXml(response), "url")) urls.insert(url);
  // Not Cy (only a scheduled piece) nor merger-rumours (only a draft).
  const std::set<std::string> expected = {Url("/"),
                                          Url("/east-asia/"),
                                          Url("/defense/"),
                                          Url("/middle-east/"),
                                          Url("/author/ada/"),
                                          Url("/author/ben/"),
                                          Url("/tag/security/"),
                                          Url("/tag/trade/"),
                                          Url("/partner/lakeside/")};
  EXPECT_EQ(urls, expected);
}

TEST_F(SeoTest, TheNewsSitemapHasTheIndexedArticlesOfTheLast48Hours) {
  PartnerPiece("quiet", content::PartnerCredit::kNoindex, "", std::chrono::hours(2));
  const http::Response response = Get("/sitemaps/news.xml");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kXmlType);
  const pugi::xml_document doc = ParseXml(response);
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.attribute("xmlns:news").value(),
               "http://www.google.com/schemas/sitemap-news/0.9");
  ASSERT_EQ(Locations(doc, "url").size(), 1u) << response.body;
  const pugi::xml_node url = root.child("url");
  EXPECT_STREQ(url.child_value("loc"), Url("/east-asia/harbour-talks-resume/").c_str());
  const pugi::xml_node news = url.child("news:news");
  EXPECT_STREQ(news.child("news:publication").child_value("news:name"), "Gazette");
  EXPECT_STREQ(news.child("news:publication").child_value("news:language"), "en");
  EXPECT_STREQ(news.child_value("news:publication_date"), "2026-11-27T06:00:00Z");
  EXPECT_STREQ(news.child_value("news:title"), "Harbour Talks Resume");

  clock_.Advance(-std::chrono::hours(3));  // the drones piece is now 47 hours old
  EXPECT_EQ(Locations(ParseXml(Get("/sitemaps/news.xml")), "url"),
            (std::map<std::string, std::string>{{Url("/east-asia/harbour-talks-resume/"), ""},
                                                {Url("/defense/cheap-drones/"), ""}}));

  clock_.Advance(std::chrono::hours(3 + 19));  // Harbour is now 49 hours old
  EXPECT_TRUE(Locations(ParseXml(Get("/sitemaps/news.xml")), "url").empty());
}

TEST_F(SeoTest, SitemapTextIsEscaped) {
  store()
      .CreateArticle(
          NewArticle("ampersand", "Guns & <Butter> \"now\"", ids_.defense, std::chrono::hours(1)))
      .value();
  const pugi::xml_document doc = ParseXml(Get("/sitemaps/news.xml"));
  EXPECT_STREQ(doc.document_element().child("url").child("news:news").child_value("news:title"),
               "Guns & <Butter> \"now\"");
}

TEST_F(SeoTest, AnArticleWithALeadImageHasOpenGraphArticleTagsAndALargeCard) {
  const std::string html = Get("/east-asia/border-talks/").body;
  EXPECT_EQ(Og(html, "og:type"), "article");
  EXPECT_EQ(Og(html, "og:title"), "Border Talks");
  EXPECT_EQ(Og(html, "og:description"), "Both sides blink.");
  EXPECT_EQ(Og(html, "og:site_name"), "Gazette");
  // The canonical page of a canonical-credit partner piece is the original.
  EXPECT_EQ(Og(html, "og:url"), "https://lakeside.example/analysis/border-talks/");
  EXPECT_EQ(Og(html, "og:image"), Url("/media/" + std::to_string(ids_.image) + "/960.jpeg"));
  EXPECT_EQ(Og(html, "og:image:width"), "960");
  EXPECT_EQ(Og(html, "og:image:height"), "540");
  EXPECT_EQ(Og(html, "og:image:alt"), "A &quot;harbour&quot; at dawn &amp; &lt;dusk&gt;");
  EXPECT_EQ(Og(html, "article:published_time"), "2026-11-28T09:00:00Z");
  EXPECT_EQ(Og(html, "article:modified_time"), "2026-11-28T09:00:00Z");
  EXPECT_EQ(Og(html, "article:section"), "East Asia");
  EXPECT_EQ(MetaContents(html, "property", "article:tag"),
            (std::vector<std::string>{"Trade", "Security"}));
  EXPECT_EQ(MetaContents(html, "name", "twitter:card"),
            std::vector<std::string>{"summary_large_image"});
}

TEST_F(SeoTest, AnArticleWithoutAnImageHasASummaryCardAndEscapedTags) {
  content::Article article =
      NewArticle("quotes", "\"Guns\" & <butter>", ids_.defense, std::chrono::hours(1));
  article.dek = "It's <b>bold</b>";
  store().CreateArticle(article).value();
  const std::string html = Get("/defense/quotes/").body;
  EXPECT_EQ(Og(html, "og:title"), "&quot;Guns&quot; &amp; &lt;butter&gt;");
  EXPECT_EQ(Og(html, "og:description"), "It&#39;s &lt;b&gt;bold&lt;/b&gt;");
  EXPECT_EQ(Og(html, "og:url"), Url("/defense/quotes/"));
  EXPECT_EQ(Og(html, "og:image"), "<0>");
  EXPECT_EQ(MetaContents(html, "name", "twitter:card"), std::vector<std::string>{"summary"});
}

TEST_F(SeoTest, AnArticleHasNewsArticleAndBreadcrumbStructuredData) {
  const std::vector<json> blocks = JsonLd(Get("/east-asia/border-talks/").body);
  ASSERT_EQ(blocks.size(), 2u);
  const json* news = OfType(blocks, "NewsArticle");
  ASSERT_NE(news, nullptr);
  EXPECT_EQ((*news)["@context"], "https://schema.org");
  EXPECT_EQ((*news)["headline"], "Border Talks");
  EXPECT_EQ((*news)["description"], "Both sides blink.");
  EXPECT_EQ((*news)["datePublished"], "2026-11-28T09:00:00Z");
  EXPECT_EQ((*news)["dateModified"], "2026-11-28T09:00:00Z");
  EXPECT_EQ((*news)["articleSection"], "East Asia");
  EXPECT_EQ((*news)["isAccessibleForFree"], true);
  EXPECT_EQ((*news)["mainEntityOfPage"]["@id"], Url("/east-asia/border-talks/"));
  EXPECT_EQ((*news)["author"],
            json::parse(
                R"([{"@type":"Person","name":"Ada Quill","url":"https://news.example/author/ada/"},
                            {"@type":"Person","name":"Ben Ortiz","url":"https://news.example/author/ben/"}])"));
  EXPECT_EQ((*news)["publisher"]["@type"], "Organization");
  EXPECT_EQ((*news)["publisher"]["name"], "Gazette");
  EXPECT_FALSE((*news)["publisher"].contains("logo"));  // the default theme has none
  EXPECT_EQ((*news)["image"]["url"], Url("/media/" + std::to_string(ids_.image) + "/960.jpeg"));
  EXPECT_EQ((*news)["image"]["width"], 960);
  EXPECT_EQ((*news)["image"]["height"], 540);

  const json* breadcrumbs = OfType(blocks, "BreadcrumbList");
  ASSERT_NE(breadcrumbs, nullptr);
  EXPECT_EQ((*breadcrumbs)["itemListElement"], json::parse(R"([
      {"@type":"ListItem","position":1,"name":"Gazette","item":"https://news.example/"},
      {"@type":"ListItem","position":2,"name":"East Asia","item":"https://news.example/east-asia/"},
      {"@type":"ListItem","position":3,"name":"Border Talks",
       "item":"https://news.example/east-asia/border-talks/"}])"));
}

TEST_F(SeoTest, AScriptEndTagInATitleStaysInsideTheJsonLdBlock) {
  const std::string title = "</script><script>alert(1)</script><!-- & more";
  store().CreateArticle(NewArticle("sneaky", title, ids_.defense, std::chrono::hours(1))).value();
  const std::string html = Get("/defense/sneaky/").body;
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  const std::vector<json> blocks = JsonLd(html);
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_NE(OfType(blocks, "NewsArticle"), nullptr);
  EXPECT_EQ((*OfType(blocks, "NewsArticle"))["headline"], title);
  ASSERT_NE(OfType(blocks, "BreadcrumbList"), nullptr);
  EXPECT_EQ((*OfType(blocks, "BreadcrumbList"))["itemListElement"][2]["name"], title);
  EXPECT_EQ(MetaContents(html, "name", "twitter:card"), std::vector<std::string>{"summary"});
}

TEST_F(SeoTest, SectionPagesHaveABreadcrumbAndOtherPagesWebsiteBasics) {
  const std::string section = Get("/east-asia/").body;
  EXPECT_EQ(Og(section, "og:type"), "website");
  EXPECT_EQ(Og(section, "og:title"), "East Asia");
  EXPECT_EQ(Og(section, "og:url"), Url("/east-asia/"));
  EXPECT_EQ(Og(section, "article:published_time"), "<0>");
  const std::vector<json> blocks = JsonLd(section);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0]["@type"], "BreadcrumbList");
  EXPECT_EQ(blocks[0]["itemListElement"], json::parse(R"([
      {"@type":"ListItem","position":1,"name":"Gazette","item":"https://news.example/"},
      {"@type":"ListItem","position":2,"name":"East Asia","item":"https://news.example/east-asia/"}])"));

  const std::string home = Get("/").body;
  EXPECT_EQ(Og(home, "og:type"), "website");
  EXPECT_EQ(Og(home, "og:site_name"), "Gazette");
  EXPECT_EQ(Og(home, "og:url"), Url("/"));
  EXPECT_TRUE(JsonLd(home).empty());
  EXPECT_TRUE(JsonLd(Get("/author/ada/").body).empty());
}

}  // namespace
}  // namespace gazette::site
