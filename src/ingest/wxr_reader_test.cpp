#include "ingest/wxr_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "content/markdown.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::ingest {
namespace {

using content::ArticleStatus;

// A WordPress export written for these tests: one line per element, so that line numbers are
// easy to check. Item lines: 101 at 19, attachment 102 at 44, 103 (bad date) at 49, 104 at 58.
constexpr char kExport[] = R"wxr(<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Test Chronicle</title>
<link>https://chronicle.example</link>
<description>Tested weekly</description>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://chronicle.example</wp:base_site_url>
<wp:base_blog_url>https://chronicle.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ada]]></wp:author_login><wp:author_email><![CDATA[ada@secret.example]]></wp:author_email><wp:author_display_name><![CDATA[Ada Quill]]></wp:author_display_name><wp:author_first_name><![CDATA[Ada]]></wp:author_first_name><wp:author_last_name><![CDATA[Quill]]></wp:author_last_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[boris@mail.example]]></wp:author_login><wp:author_email><![CDATA[boris@mail.example]]></wp:author_email><wp:author_display_name><![CDATA[Борис Петров]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[east-asia]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[East Asia]]></wp:cat_name><wp:category_description><![CDATA[News from &amp; about East Asia]]></wp:category_description></wp:category>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[uncategorized]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Uncategorized]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[analysis]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Analysis &amp; Opinion]]></wp:cat_name></wp:category>
<wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[maritime]]></wp:tag_slug><wp:tag_name><![CDATA[Maritime Security]]></wp:tag_name></wp:tag>
<generator>https://wordpress.org/?v=6.4</generator>

<item>
<title><![CDATA[Korea&#8217;s Détente]]></title>
<link>https://chronicle.example/2019/05/01/koreas-detente/</link>
<pubDate>Tue, 30 Apr 2019 23:00:00 +0000</pubDate>
<dc:creator><![CDATA[ada]]></dc:creator>
<guid isPermaLink="false">https://chronicle.example/?p=101</guid>
<description></description>
<content:encoded><![CDATA[The talks ran late ]]]]><![CDATA[> into the night.
Nobody left.

Second paragraph <script>alert("x")</script><a href="https://chronicle.example/x" onclick="steal()">with a link</a> and [sic] a note.]]></content:encoded>
<excerpt:encoded><![CDATA[<p>A short &amp; <em>sharp</em> dek.</p>]]></excerpt:encoded>
<wp:post_id>101</wp:post_id>
<wp:post_date><![CDATA[2019-05-01 08:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2019-04-30 23:00:00]]></wp:post_date_gmt>
<wp:post_modified><![CDATA[2019-05-02 10:00:00]]></wp:post_modified>
<wp:post_modified_gmt><![CDATA[2019-05-02 01:00:00]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[koreas-detente]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category>
<category domain="category" nicename="east-asia"><![CDATA[East Asia]]></category>
<category domain="category" nicename="analysis"><![CDATA[Analysis &amp; Opinion]]></category>
<category domain="post_tag" nicename="maritime"><![CDATA[Maritime Security]]></category>
</item>
<item>
<title><![CDATA[harbour.jpg]]></title>
<wp:post_id>102</wp:post_id>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
</item>
<item>
<title><![CDATA[A date that is not one]]></title>
<content:encoded><![CDATA[Text.]]></content:encoded>
<wp:post_id>103</wp:post_id>
<wp:post_date><![CDATA[yesterday]]></wp:post_date>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
<item>
<title>Привет, мир</title>
<link>https://chronicle.example/?p=104</link>
<dc:creator><![CDATA[boris@mail.example]]></dc:creator>
<content:encoded><![CDATA[[caption id="attachment_9" width="300"]<img src="https://chronicle.example/h.jpg" alt="Harbour" onerror="steal()" /> The harbour[/caption]

[gallery ids="1,2"]
As noted [1], it held.]]></content:encoded>
<wp:post_id>104</wp:post_id>
<wp:post_date><![CDATA[2020-01-31 23:30:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="east-asia"><![CDATA[East Asia]]></category>
</item>
<item>
<title></title>
<dc:creator><![CDATA[ada]]></dc:creator>
<content:encoded><![CDATA[Draft thoughts on the strait crossing and what the ministers will say next week.]]></content:encoded>
<wp:post_id>105</wp:post_id>
<wp:post_date><![CDATA[2021-03-01 12:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[]]></wp:post_name>
<wp:status><![CDATA[draft]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
<item>
<title>Next week</title>
<dc:creator><![CDATA[ada]]></dc:creator>
<content:encoded><![CDATA[Soon.]]></content:encoded>
<wp:post_id>106</wp:post_id>
<wp:post_date><![CDATA[2030-01-01 09:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2030-01-01 08:00:00]]></wp:post_date_gmt>
<wp:post_modified_gmt><![CDATA[2029-12-01 08:00:00]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[next-week]]></wp:post_name>
<wp:status><![CDATA[future]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
<item><title>Waiting</title><dc:creator>ada</dc:creator><content:encoded>W.</content:encoded><wp:post_id>107</wp:post_id><wp:post_date>2021-01-01 00:00:00</wp:post_date><wp:status>pending</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Secret</title><dc:creator>ada</dc:creator><content:encoded>S.</content:encoded><wp:post_id>108</wp:post_id><wp:post_date>2021-01-01 00:00:00</wp:post_date><wp:status>private</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Binned</title><wp:post_id>109</wp:post_id><wp:status>trash</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Odd id</title><content:encoded>X.</content:encoded><wp:post_id>11a</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title></title><content:encoded><![CDATA[  ]]></content:encoded><wp:post_id>111</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>About</title><wp:post_id>112</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
<item><title>No byline</title><content:encoded>N.</content:encoded><wp:post_id>113</wp:post_id><wp:post_date>2021-01-02 00:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Limbo</title><wp:post_id>114</wp:post_id><wp:post_date>2021-01-02 00:00:00</wp:post_date><wp:status>hidden</wp:status><wp:post_type>post</wp:post_type></item>
</channel>
</rss>
)wxr";

base::Seconds Date(const char* iso) { return base::ParseIso8601(iso).value(); }

std::vector<WxrEntry> ReadAll(std::string xml = kExport) {
  auto reader = WxrReader::Open(std::move(xml), "export.xml");
  EXPECT_TRUE(reader.has_value()) << reader.error().ToString();
  std::vector<WxrEntry> entries;
  if (!reader) return entries;
  while (auto entry = reader->Next()) entries.push_back(std::move(*entry));
  return entries;
}

const WxrEntry* Find(const std::vector<WxrEntry>& entries, std::string_view suffix) {
  for (const WxrEntry& entry : entries) {
    if (entry.source.ends_with(suffix)) return &entry;
  }
  return nullptr;
}

TEST(WxrReaderTest, ReadsEveryItemInOrderWithItsLine) {
  auto reader = WxrReader::Open(kExport, "export.xml");
  ASSERT_TRUE(reader.has_value()) << reader.error().ToString();
  EXPECT_EQ(reader->item_count(), 14);
  EXPECT_EQ(reader->site_url(), "https://chronicle.example");
  const std::vector<WxrEntry> entries = ReadAll();
  ASSERT_EQ(entries.size(), 14u);
  EXPECT_EQ(entries[0].source, "export.xml:19: post 101");
  EXPECT_EQ(entries[1].source, "export.xml:44: attachment 102");
  EXPECT_EQ(entries[2].source, "export.xml:49: post 103");
  EXPECT_EQ(entries[3].source, "export.xml:58: post 104");
}

TEST(WxrReaderTest, APostBecomesAnItem) {
  const std::vector<WxrEntry> entries = ReadAll();
  const WxrEntry* post = Find(entries, "post 101");
  ASSERT_NE(post, nullptr);
  ASSERT_EQ(post->kind, WxrEntry::Kind::kItem) << post->reason;
  const ImportItem& item = post->item;
  EXPECT_EQ(item.source, post->source);
  EXPECT_EQ(item.title, "Korea’s Détente");
  EXPECT_EQ(item.slug, "koreas-detente");
  EXPECT_EQ(item.dek, "A short & sharp dek.");
  EXPECT_EQ(item.status, ArticleStatus::kPublished);
  ASSERT_EQ(item.authors.size(), 1u);
  EXPECT_EQ(item.authors[0].slug, "ada");
  EXPECT_EQ(item.authors[0].name, "Ada Quill");
  EXPECT_EQ(item.authors[0].bio, "");
  EXPECT_EQ(item.section.slug, "east-asia") << "Uncategorized gives way to a real category";
  EXPECT_EQ(item.section.name, "East Asia");
  EXPECT_EQ(item.section.kind, content::SectionKind::kTopic);
  EXPECT_EQ(item.section.description, "News from & about East Asia");
  EXPECT_EQ(item.tags,
            (std::vector<std::string>{"Maritime Security", "Uncategorized", "Analysis & Opinion"}));
  EXPECT_EQ(item.published_at, Date("2019-04-30T23:00:00Z")) << "the GMT date";
  EXPECT_EQ(item.updated_at, Date("2019-05-02T01:00:00Z"));
  EXPECT_EQ(item.old_paths, (std::vector<std::string>{"/?p=101", "/2019/05/01/koreas-detente/",
                                                      "/koreas-detente/"}))
      << "the dated path follows the local date, as WordPress's permalinks do";
}

TEST(WxrReaderTest, TheBodyKeepsCdataSplitByItsEndMarkerAndLosesScripts) {
  const std::vector<WxrEntry> entries = ReadAll();
  const WxrEntry* post = Find(entries, "post 101");
  ASSERT_NE(post, nullptr);
  const std::string html = content::RenderMarkdown(post->item.body_md);
  EXPECT_NE(html.find("The talks ran late ]]&gt; into the night."), std::string::npos) << html;
  EXPECT_NE(html.find("<br"), std::string::npos) << "a single line break: " << html;
  EXPECT_NE(html.find("<a href=\"https://chronicle.example/x\">with a link</a>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("[sic]"), std::string::npos) << html;
  for (const char* gone : {"script", "alert", "onclick", "steal"}) {
    EXPECT_EQ(post->item.body_md.find(gone), std::string::npos)
        << gone << " in " << post->item.body_md;
  }
}

TEST(WxrReaderTest, PercentEncodedSlugsAndShortcodes) {
  const std::vector<WxrEntry> entries = ReadAll();
  const WxrEntry* post = Find(entries, "post 104");
  ASSERT_NE(post, nullptr);
  ASSERT_EQ(post->kind, WxrEntry::Kind::kItem) << post->reason;
  const ImportItem& item = post->item;
  EXPECT_EQ(item.title, "Привет, мир");
  EXPECT_EQ(item.slug, "привет-мир");
  ASSERT_EQ(item.authors.size(), 1u);
  EXPECT_EQ(item.authors[0].name, "Борис Петров");
  EXPECT_EQ(item.authors[0].slug, "") << "a login that is an email is never published";
  EXPECT_EQ(item.published_at, Date("2020-01-31T23:30:00Z")) << "the local date, as UTC";
  EXPECT_EQ(item.updated_at, item.published_at);
  EXPECT_EQ(item.old_paths,
            (std::vector<std::string>{"/?p=104", "/2020/01/31/привет-мир/", "/привет-мир/"}));
  const std::string html = content::RenderMarkdown(item.body_md);
  EXPECT_NE(html.find("<img src=\"https://chronicle.example/h.jpg\" alt=\"Harbour\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("The harbour"), std::string::npos) << html;
  EXPECT_NE(html.find("As noted [1], it held."), std::string::npos) << html;
  EXPECT_EQ(html.find("gallery"), std::string::npos) << html;
  EXPECT_EQ(html.find("onerror"), std::string::npos) << html;
  EXPECT_EQ(html.find("caption"), std::string::npos) << html;
}

TEST(WxrReaderTest, StatusesMapToTheWorkflow) {
  const std::vector<WxrEntry> entries = ReadAll();
  const auto status_of = [&entries](std::string_view id) {
    const WxrEntry* entry = Find(entries, id);
    EXPECT_NE(entry, nullptr) << id;
    EXPECT_EQ(entry->kind, WxrEntry::Kind::kItem) << entry->source << ": " << entry->reason;
    return entry->item.status;
  };
  EXPECT_EQ(status_of("post 105"), ArticleStatus::kDraft);
  EXPECT_EQ(status_of("post 106"), ArticleStatus::kScheduled);
  EXPECT_EQ(status_of("post 107"), ArticleStatus::kReview);
  EXPECT_EQ(status_of("post 108"), ArticleStatus::kDraft) << "private posts are not published";
  for (const char* id : {"post 105", "post 106", "post 107", "post 108"}) {
    EXPECT_TRUE(Find(entries, id)->item.old_paths.empty()) << id << " was never public";
  }
  const ImportItem& scheduled = Find(entries, "post 106")->item;
  EXPECT_EQ(scheduled.published_at, Date("2030-01-01T08:00:00Z"));
  EXPECT_EQ(scheduled.updated_at, scheduled.published_at) << "never before the publication";
}

TEST(WxrReaderTest, MissingFieldsHaveDefaults) {
  const std::vector<WxrEntry> entries = ReadAll();
  const ImportItem& draft = Find(entries, "post 105")->item;
  EXPECT_EQ(draft.title, "Draft thoughts on the strait crossing and what…");
  EXPECT_EQ(draft.slug, "") << "made from the title by the importer";
  EXPECT_EQ(draft.dek, "");
  EXPECT_EQ(draft.section.slug, "uncategorized");
  EXPECT_EQ(draft.section.name, "Uncategorized");
  EXPECT_TRUE(draft.tags.empty());

  const WxrEntry* unsigned_post = Find(entries, "post 113");
  ASSERT_EQ(unsigned_post->kind, WxrEntry::Kind::kItem) << unsigned_post->reason;
  ASSERT_EQ(unsigned_post->item.authors.size(), 1u);
  EXPECT_EQ(unsigned_post->item.authors[0].name, "The Test Chronicle") << "credited to the site";
}

TEST(WxrReaderTest, OtherTypesAndBinnedPostsAreSkipped) {
  const std::vector<WxrEntry> entries = ReadAll();
  for (const char* id : {"attachment 102", "post 109", "page 112"}) {
    const WxrEntry* entry = Find(entries, id);
    ASSERT_NE(entry, nullptr) << id;
    EXPECT_EQ(entry->kind, WxrEntry::Kind::kSkipped) << id;
    EXPECT_FALSE(entry->reason.empty());
  }
}

TEST(WxrReaderTest, BadItemsAreFailuresThatSayWhy) {
  const std::vector<WxrEntry> entries = ReadAll();
  const auto reason_of = [&entries](std::string_view id) {
    const WxrEntry* entry = Find(entries, id);
    EXPECT_NE(entry, nullptr) << id;
    EXPECT_EQ(entry->kind, WxrEntry::Kind::kFailed) << id;
    return entry->reason;
  };
  EXPECT_EQ(reason_of("post 103"), "its wp:post_date 'yesterday' is not a date");
  EXPECT_EQ(reason_of("post 11a"), "its wp:post_id '11a' is not a number");
  EXPECT_EQ(reason_of("post 111"), "it has neither a title nor content");
  EXPECT_EQ(reason_of("post 114"), "its wp:status 'hidden' is not one WordPress uses");
}

TEST(WxrReaderTest, TheBlogsOwnLinksAreOldPathsUnderItsFolder) {
  std::string xml = kExport;
  const auto replace = [&xml](std::string_view from, std::string_view to) {
    size_t at = 0;
    while ((at = xml.find(from, at)) != std::string::npos) {
      xml.replace(at, from.size(), to);
      at += to.size();
    }
  };
  replace("<link>https://chronicle.example</link>", "<link>https://chronicle.example/blog</link>");
  replace("https://chronicle.example/2019/05/01/koreas-detente/",
          "https://chronicle.example/blog/archives/101-k%C3%B6rea");
  const std::vector<WxrEntry> entries = ReadAll(xml);
  EXPECT_EQ(Find(entries, "post 101")->item.old_paths,
            (std::vector<std::string>{"/?p=101", "/blog/2019/05/01/koreas-detente/",
                                      "/blog/koreas-detente/", "/blog/archives/101-körea"}));

  replace("https://chronicle.example/blog/archives", "https://elsewhere.example/archives");
  EXPECT_EQ(Find(ReadAll(xml), "post 101")->item.old_paths.size(), 3u)
      << "a link to another site is no old path";
}

TEST(WxrReaderTest, MalformedXmlIsAnErrorWithItsLine) {
  auto reader = WxrReader::Open("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<item></channel>\n",
                                "broken.xml");
  ASSERT_FALSE(reader.has_value());
  EXPECT_EQ(reader.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_TRUE(reader.error().message().starts_with("broken.xml:4: not well-formed XML: "))
      << reader.error().message();
}

TEST(WxrReaderTest, AnythingButAWordPressExportIsRefused) {
  auto feed = WxrReader::Open("<rss><channel><title>A feed</title></channel></rss>", "feed.xml");
  ASSERT_FALSE(feed.has_value());
  EXPECT_EQ(feed.error().message(), "feed.xml: not a WordPress export (no wp:wxr_version)");

  auto other = WxrReader::Open("<html><body/></html>", "page.html");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().message(), "page.html: not a WordPress export (no <rss><channel>)");

  auto future = WxrReader::Open(
      "<rss><channel><wp:wxr_version>2.0</wp:wxr_version></channel></rss>", "new.xml");
  ASSERT_FALSE(future.has_value());
  EXPECT_EQ(future.error().code(), base::ErrorCode::kInvalidArgument);
}

class WxrImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    store_ = std::move(*opened);
  }

  ImportSummary ImportExport() {
    ArticleImporter importer(*store_);
    auto reader = WxrReader::Open(kExport, "export.xml");
    EXPECT_TRUE(reader.has_value());
    while (auto entry = reader->Next()) ImportWxrEntry(*entry, importer);
    return importer.summary();
  }

  base::testing::TempDir dir_{"gazette-wxr-"};
  std::unique_ptr<store::Store> store_;
};

TEST_F(WxrImportTest, ImportsIntoAStoreAndASecondRunChangesNothing) {
  const ImportSummary first = ImportExport();
  EXPECT_EQ(first.imported, 7);
  EXPECT_EQ(first.updated, 0);
  EXPECT_EQ(first.skipped, 3);
  ASSERT_EQ(first.failures.size(), 4u);
  EXPECT_EQ(first.failures[0].source, "export.xml:49: post 103");
  EXPECT_EQ(first.failures[0].reason, "its wp:post_date 'yesterday' is not a date");

  auto article = store_->GetArticleBySlug("koreas-detente");
  ASSERT_TRUE(article.has_value()) << article.error().ToString();
  EXPECT_EQ(article->title, "Korea’s Détente");
  EXPECT_EQ(article->body_html.find("<script"), std::string::npos) << article->body_html;
  auto cyrillic = store_->GetArticleBySlug("привет-мир");
  ASSERT_TRUE(cyrillic.has_value()) << cyrillic.error().ToString();
  for (const char* path : {"/?p=101", "/2019/05/01/koreas-detente/", "/koreas-detente/"}) {
    auto target = store_->FindRedirect(path);
    ASSERT_TRUE(target.has_value()) << path;
    EXPECT_EQ(*target, article->id) << path;
  }
  EXPECT_EQ(store_->FindRedirect("/привет-мир/").value_or(0), cyrillic->id);
  auto authors = store_->ListAuthors();
  ASSERT_TRUE(authors.has_value());
  for (const content::Author& author : *authors) {
    EXPECT_EQ(author.bio, "") << author.name;
    EXPECT_EQ(author.slug.find("mail"), std::string::npos) << "no email in " << author.slug;
  }

  const ImportSummary second = ImportExport();
  EXPECT_EQ(second.imported, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.skipped, 10) << "every article was already there";
  EXPECT_EQ(second.failures.size(), 4u);
}

}  // namespace
}  // namespace gazette::ingest
