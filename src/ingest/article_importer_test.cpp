#include "ingest/article_importer.h"

#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::ingest {
namespace {

using content::ArticleStatus;

base::Seconds At(int64_t unix_seconds) { return base::Seconds(std::chrono::seconds(unix_seconds)); }

ImportItem Summit() {
  return ImportItem{
      .source = "export.xml: post 12",
      .slug = "",
      .title = "Le sommet de Séoul",
      .dek = "What was agreed.",
      .body_md = "The talks ran late.[^1]\n\n[^1]: By two hours.\n",
      .status = ArticleStatus::kPublished,
      .section = {.slug = "", .name = "East Asia", .kind = content::SectionKind::kRegion},
      .authors = {{.name = "Ada Quill"}, {.slug = "bo", .name = "Bo Lind", .bio = "Reports."}},
      .tags = {"Diplomacy", "Trade"},
      .published_at = At(1'557'000'000),
      .updated_at = At(1'557'100'000),
      .old_paths = {"/?p=12", "/2019/05/04/le-sommet/"},
  };
}

class ArticleImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    store_ = std::move(*opened);
  }

  store::Store& store() { return *store_; }

  base::testing::TempDir dir_{"gazette-import-"};
  std::unique_ptr<store::Store> store_;
};

TEST_F(ArticleImporterTest, ImportsAnArticleWithWhatItNames) {
  ArticleImporter importer(store());
  EXPECT_EQ(importer.Import(Summit()), ImportOutcome::kImported);

  auto article = store().GetArticleBySlug("le-sommet-de-seoul");
  ASSERT_TRUE(article.has_value()) << article.error().ToString();
  EXPECT_EQ(article->status, ArticleStatus::kPublished);
  EXPECT_EQ(article->published_at, At(1'557'000'000));
  EXPECT_EQ(article->updated_at, At(1'557'100'000));
  EXPECT_NE(article->body_html.find("<sup"), std::string::npos) << "the footnote is rendered";
  EXPECT_GT(article->word_count, 0);

  auto section = store().GetSection(article->section_id);
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->slug, "east-asia");
  EXPECT_EQ(section->kind, content::SectionKind::kRegion);
  auto authors = store().GetAuthors(article->author_ids);
  ASSERT_TRUE(authors.has_value());
  ASSERT_EQ(authors->size(), 2u);
  EXPECT_EQ((*authors)[0].slug, "ada-quill");
  EXPECT_EQ((*authors)[1].slug, "bo");
  EXPECT_EQ((*authors)[1].bio, "Reports.");
  auto tags = store().GetTags(article->tag_ids);
  ASSERT_TRUE(tags.has_value());
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ((*tags)[0].name, "Diplomacy");
  EXPECT_EQ(store().FindRedirect("/?p=12"), article->id);
  EXPECT_EQ(store().FindRedirect("/2019/05/04/le-sommet/"), article->id);

  EXPECT_EQ(importer.summary().imported, 1);
  EXPECT_TRUE(importer.summary().failures.empty());
}

TEST_F(ArticleImporterTest, ASecondImportOfTheSameItemAddsNothing) {
  ArticleImporter first(store());
  ASSERT_EQ(first.Import(Summit()), ImportOutcome::kImported);
  auto before = store().GetArticleBySlug("le-sommet-de-seoul");
  ASSERT_TRUE(before.has_value());

  ArticleImporter second(store());
  EXPECT_EQ(second.Import(Summit()), ImportOutcome::kSkipped);
  auto after = store().GetArticleBySlug("le-sommet-de-seoul");
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->version, before->version) << "nothing was written";
  EXPECT_EQ(store().ListSections()->size(), 1u);
  EXPECT_EQ(store().ListAuthors()->size(), 2u);
  EXPECT_EQ(store().ListTags()->size(), 2u);
  EXPECT_EQ(second.summary().skipped, 1);
  EXPECT_EQ(second.summary().imported, 0);
}

TEST_F(ArticleImporterTest, AChangedItemUpdatesTheStoredArticle) {
  ArticleImporter importer(store());
  ASSERT_EQ(importer.Import(Summit()), ImportOutcome::kImported);
  ImportItem changed = Summit();
  changed.body_md = "The talks ran very late.";
  changed.tags = {"Diplomacy"};
  EXPECT_EQ(importer.Import(changed), ImportOutcome::kUpdated);

  auto article = store().GetArticleBySlug("le-sommet-de-seoul");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->body_md, "The talks ran very late.");
  EXPECT_EQ(article->tag_ids.size(), 1u);
  EXPECT_EQ(article->version, 2);

  ImportItem moved_address = changed;
  moved_address.old_paths.push_back("/le-sommet/");
  EXPECT_EQ(importer.Import(moved_address), ImportOutcome::kUpdated) << "a new old address";
  EXPECT_EQ(store().FindRedirect("/le-sommet/"), article->id);
  EXPECT_EQ(importer.summary().imported, 1);
  EXPECT_EQ(importer.summary().updated, 2);
}

TEST_F(ArticleImporterTest, BadItemsAreReportedAndTheNextOnesStillImport) {
  ArticleImporter importer(store());
  ImportItem untitled = Summit();
  untitled.source = "export.xml: post 13";
  untitled.title = "  ";
  ImportItem anonymous = Summit();
  anonymous.source = "export.xml: post 14";
  anonymous.authors.clear();
  ImportItem undated = Summit();
  undated.source = "export.xml: post 15";
  undated.published_at = {};
  ImportItem bad_path = Summit();
  bad_path.source = "export.xml: post 16";
  bad_path.old_paths = {"no-slash"};
  ImportItem unknown_partner = Summit();
  unknown_partner.source = "export.xml: post 17";
  unknown_partner.partner_slug = "nobody";
  ImportItem with_image = Summit();
  with_image.source = "export.xml: post 18";
  with_image.lead_image_file = "media/1.jpeg";

  for (const ImportItem* item :
       {&untitled, &anonymous, &undated, &bad_path, &unknown_partner, &with_image}) {
    EXPECT_EQ(importer.Import(*item), ImportOutcome::kFailed) << item->source;
  }
  EXPECT_EQ(importer.Import(Summit()), ImportOutcome::kImported);

  const ImportSummary& summary = importer.summary();
  ASSERT_EQ(summary.failures.size(), 6u);
  EXPECT_EQ(summary.failures[0].source, "export.xml: post 13");
  EXPECT_EQ(summary.failures[0].reason, "it has no title");
  EXPECT_EQ(summary.failures[1].reason, "it has no author");
  EXPECT_EQ(summary.failures[2].reason, "it has no publication date");
  EXPECT_NE(summary.failures[3].reason.find("no-slash"), std::string::npos);
  EXPECT_EQ(summary.failures[4].reason, "no partner 'nobody'");
  EXPECT_NE(summary.failures[5].reason.find("lead image"), std::string::npos);
  EXPECT_EQ(summary.imported, 1);
  EXPECT_EQ(store().ListSections()->size(), 1u) << "failed items created no section";
}

TEST_F(ArticleImporterTest, ADraftNeedsNoDateAndReservedSectionNamesAreRenamed) {
  ArticleImporter importer(store());
  ImportItem draft = Summit();
  draft.status = ArticleStatus::kDraft;
  draft.published_at = {};
  draft.updated_at = {};
  draft.section = {.name = "Search"};
  ASSERT_EQ(importer.Import(draft), ImportOutcome::kImported);
  EXPECT_TRUE(store().GetSectionBySlug("search-section").has_value());
  EXPECT_EQ(importer.Import(draft), ImportOutcome::kSkipped) << "found again";
}

TEST_F(ArticleImporterTest, LeadImagesGoThroughTheLoaderAndKeepTheirAlt) {
  std::vector<std::string> loaded;
  ArticleImporter importer(store(), [&](const std::string& file) -> base::Result<int64_t> {
    loaded.push_back(file);
    return base::InvalidArgumentError(file + " is not an image");
  });
  ImportItem item = Summit();
  item.lead_image_file = "media/7.jpeg";
  item.lead_image_alt = "Delegates at the table";
  EXPECT_EQ(importer.Import(item), ImportOutcome::kFailed);
  EXPECT_EQ(loaded, std::vector<std::string>{"media/7.jpeg"});
  ASSERT_EQ(importer.summary().failures.size(), 1u);
  EXPECT_EQ(importer.summary().failures[0].reason, "media/7.jpeg is not an image");
  EXPECT_FALSE(store().GetArticleBySlug("le-sommet-de-seoul").has_value())
      << "no article without its image";
}

}  // namespace
}  // namespace gazette::ingest
