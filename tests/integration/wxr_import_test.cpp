// `gazette import wxr` on a demo site, then served: the imported post is an article page without
// the export's scripts, and its WordPress addresses answer with a 301 to it.
#include <gtest/gtest.h>

#include <string>

#include "support/files.h"
#include "support/http_client.h"
#include "support/site_process.h"

namespace gazette::integration {
namespace {

// A post (with a script and an event handler that must not survive), a Cyrillic post with a
// percent-encoded slug, and an attachment, which is skipped.
constexpr char kExport[] = R"wxr(<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Old Dispatch</title>
<link>https://dispatch.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://dispatch.example</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email><![CDATA[mira@dispatch.example]]></wp:author_email><wp:author_display_name><![CDATA[Mira Okafor]]></wp:author_display_name></wp:author>
<item>
<title><![CDATA[Harbour Talks Run Late]]></title>
<link>https://dispatch.example/2019/05/01/harbour-talks/</link>
<dc:creator><![CDATA[mira]]></dc:creator>
<content:encoded><![CDATA[The harbour talks ran late into the night.

Delegates left at dawn.<script>document.title = "pwned"</script> <a href="https://dispatch.example/more" onclick="steal()">More</a>]]></content:encoded>
<excerpt:encoded><![CDATA[What the delegates agreed.]]></excerpt:encoded>
<wp:post_id>345</wp:post_id>
<wp:post_date><![CDATA[2019-05-01 09:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2019-05-01 07:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[harbour-talks]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="dispatches"><![CDATA[Dispatches]]></category>
</item>
<item>
<title>Мирные переговоры</title>
<dc:creator><![CDATA[mira]]></dc:creator>
<content:encoded><![CDATA[Переговоры продолжаются.]]></content:encoded>
<wp:post_id>346</wp:post_id>
<wp:post_date><![CDATA[2019-06-02 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2019-06-02 08:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[%d0%bf%d0%b5%d1%80%d0%b5%d0%b3%d0%be%d0%b2%d0%be%d1%80%d1%8b]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="dispatches"><![CDATA[Dispatches]]></category>
</item>
<item>
<title>harbour.jpg</title>
<wp:post_id>347</wp:post_id>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
</item>
</channel>
</rss>
)wxr";

constexpr char kArticleUrl[] = "/dispatches/harbour-talks/";

class WxrImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    support::SiteOptions options;
    options.before_serve = [](const std::string& site_dir) -> base::Status {
      const std::string file = site_dir + "/export.xml";
      if (auto written = support::WriteFile(file, kExport); !written) return written;
      for (const char* expected : {"Imported 2, updated 0, skipped 1, failed 0\n",
                                   "Imported 0, updated 0, skipped 3, failed 0\n"}) {
        auto run = support::RunGazette({"import", "wxr", site_dir, file});
        if (!run) return base::Unexpected(run.error());
        if (run->exit_code != 0 || run->out != expected || !run->err.empty()) {
          return base::InternalError("import wxr: exit " + std::to_string(run->exit_code) +
                                     ", out: " + run->out + ", err: " + run->err);
        }
      }
      return base::Ok();
    };
    auto site = support::SiteProcess::Start(options);
    ASSERT_TRUE(site.has_value()) << site.error().ToString();
    site_ = std::move(*site);
  }
  static void TearDownTestSuite() { site_.reset(); }

  static support::HttpResponse Get(const std::string& target) {
    auto response = support::Fetch(site_->port(), target);
    EXPECT_TRUE(response.has_value()) << target << ": " << response.error().ToString();
    return response.value_or(support::HttpResponse{});
  }

  static std::unique_ptr<support::SiteProcess> site_;
};

std::unique_ptr<support::SiteProcess> WxrImportTest::site_;

TEST_F(WxrImportTest, TheArticleShowsItsContentWithoutScripts) {
  const support::HttpResponse page = Get(kArticleUrl);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Harbour Talks Run Late"), std::string::npos);
  EXPECT_NE(page.body.find("The harbour talks ran late into the night."), std::string::npos);
  EXPECT_NE(page.body.find("Mira Okafor"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"https://dispatch.example/more\""), std::string::npos);
  for (const char* gone : {"pwned", "onclick", "steal()", "mira@dispatch.example"}) {
    EXPECT_EQ(page.body.find(gone), std::string::npos) << gone;
  }
}

TEST_F(WxrImportTest, WordPressAddressesRedirectToTheArticle) {
  for (const char* old : {"/?p=345", "/2019/05/01/harbour-talks/", "/harbour-talks/"}) {
    const support::HttpResponse moved = Get(old);
    EXPECT_EQ(moved.status, 301) << old;
    EXPECT_TRUE(moved.Header("location").ends_with(kArticleUrl))
        << old << " -> " << moved.Header("location");
  }
  const support::HttpResponse cyrillic =
      Get("/2019/06/02/%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B/");
  EXPECT_EQ(cyrillic.status, 301);
  const std::string location = cyrillic.Header("location");
  ASSERT_FALSE(location.empty());
  const support::HttpResponse article = Get(location);
  EXPECT_EQ(article.status, 200) << location;
  EXPECT_NE(article.body.find("Переговоры продолжаются."), std::string::npos);
}

TEST_F(WxrImportTest, AddressesItNeverHadStillAnswer404) {
  EXPECT_EQ(Get("/2019/05/02/harbour-talks/").status, 404);
  EXPECT_EQ(Get("/?p=347").status, 200) << "an attachment's id shows the home page";
}

}  // namespace
}  // namespace gazette::integration
