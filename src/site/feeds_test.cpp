// The feeds in-process: RSS, Atom and JSON Feed of the site and of each section, author, tag
// and partner, parsed as a reader would, and the autodiscovery links of the pages.
#include "site/feeds.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "content/markdown.h"
#include "site/feed.h"
#include "site/feed_builder.h"
#include "site/testing/magazine_fixture.h"
#include "store/site_settings.h"

namespace gazette::site {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class FeedsTest : public testing::MagazineTest {
 protected:
  // Fetches `path`, checks it is a 200 of `content_type`, and parses it as XML.
  pugi::xml_document GetXml(const std::string& path, const char* content_type) {
    http::Response response = Get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.content_type, content_type) << path;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_string(response.body.c_str());
    EXPECT_TRUE(parsed) << path << ": " << parsed.description() << "\n" << response.body;
    return doc;
  }

  pugi::xml_node RssChannel(const pugi::xml_document& doc) {
    return doc.child("rss").child("channel");
  }

  std::vector<std::string> RssTitles(const std::string& path) {
    pugi::xml_document doc = GetXml(path, kRssContentType);
    std::vector<std::string> titles;
    for (pugi::xml_node item : RssChannel(doc).children("item")) {
      titles.push_back(item.child_value("title"));
    }
    return titles;
  }

  std::vector<std::string> AtomTitles(const std::string& path) {
    pugi::xml_document doc = GetXml(path, kAtomContentType);
    std::vector<std::string> titles;
    for (pugi::xml_node entry : doc.child("feed").children("entry")) {
      titles.push_back(entry.child_value("title"));
    }
    return titles;
  }

  // The RSS item of the site feed whose title is `title`, as text ("" when absent).
  std::string RssItemDescription(const std::string& title) {
    pugi::xml_document doc = GetXml("/feed/", kRssContentType);
    for (pugi::xml_node candidate : RssChannel(doc).children("item")) {
      if (title == candidate.child_value("title")) return candidate.child_value("description");
    }
    ADD_FAILURE() << "no item " << title;
    return "";
  }
};

TEST_F(FeedsTest, FeedsListTheNewestKFeedSizeArticles) {
  // Briefs an hour apart, from four hours old on, older than "Border Talks" (3 hours) and newer
  // than the magazine's other pieces: with them there are more than a feed lists.
  for (int i = 0; i < kFeedSize; ++i) {
    content::Article article =
        NewArticle("brief-" + std::to_string(i), "Brief " + std::to_string(i), ids_.defense,
                   std::chrono::hours(4 + i));
    article.author_ids = {ids_.ben};
    ASSERT_TRUE(store().CreateArticle(article).has_value());
  }
  std::vector<std::string> newest = {"Border Talks"};
  for (int i = 0; i < kFeedSize - 1; ++i) newest.push_back("Brief " + std::to_string(i));
  EXPECT_EQ(RssTitles("/feed/"), newest);
  std::vector<std::string> briefs;
  for (int i = 0; i < kFeedSize; ++i) briefs.push_back("Brief " + std::to_string(i));
  EXPECT_EQ(AtomTitles("/defense/feed/atom/"), briefs);
  nlohmann::json json = nlohmann::json::parse(Get("/feed.json").body);
  EXPECT_EQ(json["items"].size(), static_cast<size_t>(kFeedSize));
}

TEST_F(FeedsTest, SiteRssHasTheLatestPublishedArticlesWithRequiredElements) {
  pugi::xml_document doc = GetXml("/feed/", kRssContentType);
  pugi::xml_node rss = doc.child("rss");
  EXPECT_STREQ(rss.attribute("version").value(), "2.0");
  pugi::xml_node channel = rss.child("channel");
  EXPECT_STREQ(channel.child_value("title"), "Gazette");
  EXPECT_STREQ(channel.child_value("link"), "https://news.example/");
  EXPECT_STRNE(channel.child_value("description"), "");
  EXPECT_STREQ(channel.child_value("lastBuildDate"), "Sat, 28 Nov 2026 09:00:00 +0000");
  EXPECT_STREQ(channel.child("atom:link").attribute("href").value(), "https://news.example/feed/");
  EXPECT_STREQ(channel.child("atom:link").attribute("rel").value(), "self");

  std::vector<pugi::xml_node> items(channel.children("item").begin(),
                                    channel.children("item").end());
  ASSERT_EQ(items.size(), 3u);
  EXPECT_STREQ(items[0].child_value("title"), "Border Talks");
  EXPECT_STREQ(items[1].child_value("title"), "Harbour Talks Resume");
  EXPECT_STREQ(items[2].child_value("title"), "Cheap Drones, Costly Lessons");

  pugi::xml_node border = items[0];
  EXPECT_STREQ(border.child_value("link"), "https://news.example/east-asia/border-talks/");
  EXPECT_EQ(std::string(border.child_value("guid")),
            "tag:news.example,2026:article:" + std::to_string(ids_.border));
  EXPECT_STREQ(border.child("guid").attribute("isPermaLink").value(), "false");
  EXPECT_STREQ(border.child_value("pubDate"), "Sat, 28 Nov 2026 09:00:00 +0000");
  EXPECT_STREQ(items[1].child_value("pubDate"), "Fri, 27 Nov 2026 06:00:00 +0000");
  std::vector<std::string> creators, categories;
  for (pugi::xml_node creator : border.children("dc:creator")) {
    creators.push_back(creator.child_value());
  }
  for (pugi::xml_node category : border.children("category")) {
    categories.push_back(category.child_value());
  }
  EXPECT_EQ(creators, (std::vector<std::string>{"Ada Quill", "Ben Ortiz"}));
  EXPECT_EQ(categories, (std::vector<std::string>{"East Asia", "Trade", "Security"}));
}

TEST_F(FeedsTest, SiteAtomHasIdsDatesAuthorsAndCategories) {
  pugi::xml_document doc = GetXml("/feed/atom/", kAtomContentType);
  pugi::xml_node feed = doc.child("feed");
  EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(feed.child_value("title"), "Gazette");
  EXPECT_STREQ(feed.child_value("id"), "tag:news.example,2026:feed:/");
  EXPECT_STREQ(feed.child_value("updated"), "2026-11-28T09:00:00Z");
  EXPECT_STREQ(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(),
               "https://news.example/feed/atom/");

  pugi::xml_node border = feed.child("entry");
  EXPECT_STREQ(border.child_value("title"), "Border Talks");
  EXPECT_EQ(std::string(border.child_value("id")),
            "tag:news.example,2026:article:" + std::to_string(ids_.border));
  EXPECT_STREQ(border.child_value("published"), "2026-11-28T09:00:00Z");
  EXPECT_STREQ(border.child_value("updated"), "2026-11-28T09:00:00Z");
  EXPECT_STREQ(border.find_child_by_attribute("link", "rel", "alternate").attribute("href").value(),
               "https://news.example/east-asia/border-talks/");
  EXPECT_STREQ(border.find_child_by_attribute("link", "rel", "via").attribute("href").value(),
               "https://lakeside.example/analysis/border-talks/");
  EXPECT_STREQ(border.child("author").child_value("name"), "Ada Quill");
  EXPECT_STREQ(border.child("author").child_value("uri"), "https://news.example/author/ada/");
  EXPECT_STREQ(border.child("category").attribute("term").value(), "East Asia");
  EXPECT_STREQ(border.child_value("summary"), "Both sides blink.");
  EXPECT_STREQ(border.child("content").attribute("type").value(), "html");
  EXPECT_THAT(border.child_value("content"), HasSubstr("The first paragraph of Border Talks."));
}

TEST_F(FeedsTest, SiteJsonFeedFollowsVersionOnePointOne) {
  http::Response response = Get("/feed.json");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kJsonFeedContentType);
  nlohmann::json feed = nlohmann::json::parse(response.body);
  EXPECT_EQ(feed["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(feed["title"], "Gazette");
  EXPECT_EQ(feed["home_page_url"], "https://news.example/");
  EXPECT_EQ(feed["feed_url"], "https://news.example/feed.json");
  ASSERT_EQ(feed["items"].size(), 3u);
  const nlohmann::json& border = feed["items"][0];
  EXPECT_EQ(border["id"], "tag:news.example,2026:article:" + std::to_string(ids_.border));
  EXPECT_EQ(border["url"], "https://news.example/east-asia/border-talks/");
  EXPECT_EQ(border["external_url"], "https://lakeside.example/analysis/border-talks/");
  EXPECT_EQ(border["date_published"], "2026-11-28T09:00:00Z");
  EXPECT_EQ(border["authors"][1]["name"], "Ben Ortiz");
  EXPECT_EQ(border["tags"], (nlohmann::json{"East Asia", "Trade", "Security"}));
  EXPECT_THAT(border["content_html"].get<std::string>(), HasSubstr("First published by"));
}

TEST_F(FeedsTest, SectionAuthorTagAndPartnerFeedsListOnlyTheirArticles) {
  EXPECT_EQ(RssTitles("/east-asia/feed/"),
            (std::vector<std::string>{"Border Talks", "Harbour Talks Resume"}));
  EXPECT_EQ(AtomTitles("/defense/feed/atom/"),
            (std::vector<std::string>{"Cheap Drones, Costly Lessons"}));
  EXPECT_EQ(RssTitles("/author/ben/feed/"),
            (std::vector<std::string>{"Border Talks", "Cheap Drones, Costly Lessons"}));
  EXPECT_EQ(AtomTitles("/author/cy/feed/atom/"), std::vector<std::string>{});
  EXPECT_EQ(RssTitles("/tag/trade/feed/"),
            (std::vector<std::string>{"Border Talks", "Harbour Talks Resume"}));
  EXPECT_EQ(AtomTitles("/tag/merger-rumours/feed/atom/"), std::vector<std::string>{});
  EXPECT_EQ(RssTitles("/partner/lakeside/feed/"), std::vector<std::string>{"Border Talks"});

  pugi::xml_document doc = GetXml("/east-asia/feed/", kRssContentType);
  EXPECT_STREQ(RssChannel(doc).child_value("title"), "East Asia \u2014 Gazette");
  EXPECT_STREQ(RssChannel(doc).child_value("link"), "https://news.example/east-asia/");
  EXPECT_STREQ(RssChannel(doc).child_value("description"), "China, Japan, the Koreas");
  pugi::xml_document empty = GetXml("/tag/merger-rumours/feed/atom/", kAtomContentType);
  EXPECT_STREQ(empty.child("feed").child_value("updated"), "2026-11-28T12:00:00Z");
}

TEST_F(FeedsTest, UnknownSectionAuthorTagOrPartnerIsNotFound) {
  for (const char* path : {"/nowhere/feed/", "/nowhere/feed/atom/", "/author/nobody/feed/",
                           "/author/nobody/feed/atom/", "/tag/none/feed/", "/tag/none/feed/atom/",
                           "/partner/none/feed/", "/partner/none/feed/atom/", "/feed/rss/"}) {
    http::Response response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_THAT(response.content_type, HasSubstr("text/html")) << path;
  }
}

TEST_F(FeedsTest, GuidStaysWhenTheSlugChanges) {
  auto before = nlohmann::json::parse(Get("/feed.json").body)["items"][0];
  content::Article border = store().GetArticle(ids_.border).value();
  border.slug = "border-talks-stall";
  ASSERT_TRUE(store().UpdateArticle(border).has_value());
  auto after = nlohmann::json::parse(Get("/feed.json").body)["items"][0];
  EXPECT_EQ(after["url"], "https://news.example/east-asia/border-talks-stall/");
  EXPECT_EQ(after["id"], before["id"]);
  pugi::xml_document rss = GetXml("/feed/", kRssContentType);
  EXPECT_EQ(rss.child("rss").child("channel").child("item").child_value("guid"),
            before["id"].get<std::string>());
}

TEST_F(FeedsTest, ContentIsTheWholeBodyOrTheSummaryBySetting) {
  EXPECT_THAT(RssItemDescription("Border Talks"),
              HasSubstr("<p>The first paragraph of Border Talks.</p>"));

  ASSERT_TRUE(store().SetSetting(store::kFeedContentSetting, "summary").has_value());
  std::string border = RssItemDescription("Border Talks");
  EXPECT_THAT(border, HasSubstr("<p>Both sides blink.</p>"));
  EXPECT_THAT(border, Not(HasSubstr("The first paragraph")));
  // Without a dek, the summary is the body's first paragraph.
  EXPECT_THAT(RssItemDescription("Harbour Talks Resume"),
              HasSubstr("<p>The first paragraph of Harbour Talks Resume.</p>"));

  ASSERT_TRUE(store().SetSetting(store::kFeedContentSetting, "everything").has_value());
  EXPECT_THAT(RssItemDescription("Border Talks"), HasSubstr("The first paragraph"))
      << "an unknown value counts as unset";
}

TEST_F(FeedsTest, PartnerPiecesKeepTheCreditAndTheOriginal) {
  std::string border = RssItemDescription("Border Talks");
  EXPECT_THAT(border, HasSubstr("First published by <a href=\"https://news.example/partner/"
                                "lakeside/\">Lakeside Institute</a>"));
  EXPECT_THAT(border, HasSubstr("<a href=\"https://lakeside.example/analysis/border-talks/\">"));
  EXPECT_THAT(RssItemDescription("Harbour Talks Resume"), Not(HasSubstr("First published")));

  content::Partner lakeside = store().GetPartner(ids_.lakeside).value();
  lakeside.credit = content::PartnerCredit::kNoindex;
  ASSERT_TRUE(store().UpdatePartner(lakeside).has_value());
  border = RssItemDescription("Border Talks");
  EXPECT_THAT(border, HasSubstr("Lakeside Institute</a></p>"));
  EXPECT_THAT(border, Not(HasSubstr("lakeside.example/analysis")));
}

TEST_F(FeedsTest, TextIsEscapedAndControlCharactersRemoved) {
  content::Article odd =
      NewArticle("odd", "Tom & Jerry <b>\x01\x1f]]> \xff", ids_.defense, std::chrono::hours(1));
  odd.dek = "Cats & \"mice\" \x0b";
  odd.body_md = "See [the section](/defense/) & ![a chart](/media/1/chart.png).\n";
  odd.body_html = content::RenderMarkdown(odd.body_md);
  odd.author_ids = {ids_.ada};
  ASSERT_TRUE(store().CreateArticle(odd).has_value());

  const std::string expected_title = "Tom & Jerry <b>]]> \xef\xbf\xbd";
  for (const char* path : {"/feed/", "/defense/feed/"}) {
    pugi::xml_document doc = GetXml(path, kRssContentType);
    pugi::xml_node item = RssChannel(doc).child("item");
    EXPECT_EQ(item.child_value("title"), expected_title) << path;
    EXPECT_THAT(item.child_value("description"),
                HasSubstr("<a href=\"https://news.example/defense/\">"));
    EXPECT_THAT(item.child_value("description"),
                HasSubstr("src=\"https://news.example/media/1/chart.png\""));
  }
  pugi::xml_document atom = GetXml("/feed/atom/", kAtomContentType);
  EXPECT_EQ(atom.child("feed").child("entry").child_value("title"), expected_title);
  EXPECT_STREQ(atom.child("feed").child("entry").child_value("summary"), "Cats & \"mice\" ");
  auto json = nlohmann::json::parse(Get("/feed.json").body);
  EXPECT_EQ(json["items"][0]["title"], expected_title);
}

TEST_F(FeedsTest, PagesLinkTheirFeedsForAutodiscovery) {
  auto link = [](const char* type, const std::string& title, const std::string& url) {
    return "<link rel=\"alternate\" type=\"" + std::string(type) + "\" title=\"" + title +
           "\" href=\"" + url + "\">";
  };
  std::string home = Get("/").body;
  EXPECT_THAT(
      home, HasSubstr(link("application/rss+xml", "Gazette (RSS)", "https://news.example/feed/")));
  EXPECT_THAT(home, HasSubstr(link("application/atom+xml", "Gazette (Atom)",
                                   "https://news.example/feed/atom/")));
  EXPECT_THAT(home, HasSubstr(link("application/feed+json", "Gazette (JSON Feed)",
                                   "https://news.example/feed.json")));
  EXPECT_THAT(Get("/east-asia/").body,
              HasSubstr(link("application/rss+xml", "East Asia \u2014 Gazette (RSS)",
                             "https://news.example/east-asia/feed/")));
  EXPECT_THAT(Get("/author/ada/").body,
              HasSubstr(link("application/atom+xml", "Ada Quill \u2014 Gazette (Atom)",
                             "https://news.example/author/ada/feed/atom/")));
  EXPECT_THAT(Get("/tag/trade/").body,
              HasSubstr(link("application/rss+xml", "Trade \u2014 Gazette (RSS)",
                             "https://news.example/tag/trade/feed/")));
  EXPECT_THAT(Get("/partner/lakeside/").body,
              HasSubstr(link("application/rss+xml", "Lakeside Institute \u2014 Gazette (RSS)",
                             "https://news.example/partner/lakeside/feed/")));
  EXPECT_THAT(
      Get("/east-asia/border-talks/").body,
      HasSubstr(link("application/rss+xml", "Gazette (RSS)", "https://news.example/feed/")));
  EXPECT_THAT(Get("/nowhere/").body, Not(HasSubstr("rel=\"alternate\"")));
}

TEST(FeedTextTest, Rfc822DatesAreInUtcWithEnglishNames) {
  EXPECT_EQ(FormatRfc822(base::ParseIso8601("2026-11-28T09:00:00Z").value()),
            "Sat, 28 Nov 2026 09:00:00 +0000");
  EXPECT_EQ(FormatRfc822(base::ParseIso8601("2024-02-29T23:59:59+02:00").value()),
            "Thu, 29 Feb 2024 21:59:59 +0000");
  EXPECT_EQ(FormatRfc822(base::ParseIso8601("1970-01-01").value()),
            "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(FeedTextTest, CleanTextKeepsValidUtf8AndDropsWhatXmlForbids) {
  EXPECT_EQ(CleanFeedText("caf\xc3\xa9 \xe2\x80\x94 ok\t\n\r"),
            "caf\xc3\xa9 \xe2\x80\x94 ok\t\n\r");
  EXPECT_EQ(CleanFeedText(std::string("a\0b\x7f\x08", 5)), "ab\x7f");
  EXPECT_EQ(CleanFeedText("x\xc3y"), "x\xef\xbf\xbdy");
  EXPECT_EQ(CleanFeedText("\xef\xbf\xbe\xef\xbf\xbf!"), "!");
}

}  // namespace
}  // namespace gazette::site
