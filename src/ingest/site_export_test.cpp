#include "ingest/site_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "content/markdown.h"
#include "ingest/markdown_import.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;
using content::ArticleStatus;
using nlohmann::json;

base::Seconds Iso(std::string_view text) { return base::ParseIso8601(text).value(); }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every file under `dir` by relative path, with its contents.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).generic_string()] = Slurp(entry.path());
    }
  }
  return files;
}

std::unique_ptr<store::Store> OpenStore(const fs::path& file) {
  auto opened = store::OpenSqliteStore(file.string(), {.create_if_missing = true});
  EXPECT_TRUE(opened.has_value()) << opened.error().ToString();
  return opened ? std::move(*opened) : nullptr;
}

// The image loader `gazette import markdown` passes is libvips's; this one keeps the exported
// file as the image's only variant, which is all an export needs to find it again.
ImageLoader StoreFileAsIs(store::Store& store, const fs::path& root) {
  return [&store, root](const std::string& file) -> base::Result<int64_t> {
    std::string bytes = Slurp(root / file);
    if (bytes.empty()) return base::InvalidArgumentError("empty image " + file);
    return store.CreateMedia({.sha256 = std::string(64, 'a'),
                              .original_mime = "image/jpeg",
                              .filename = file,
                              .width = 1600,
                              .height = 900,
                              .variants = {{.width = 1600,
                                            .height = 900,
                                            .format = content::ImageFormat::kJpeg,
                                            .bytes = bytes}}});
  };
}

template <class T>
T Must(base::Result<T> result) {
  EXPECT_TRUE(result.has_value()) << result.error().ToString();
  return result.value_or(T{});
}

class SiteExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path() / "a.db");
    ASSERT_TRUE(store_);
    Fill(*store_);
  }

  int64_t MustCreate(const content::Article& article) {
    auto id = store_->CreateArticle(article);
    EXPECT_TRUE(id.has_value()) << id.error().ToString();
    return id.value_or(0);
  }

  // A small site with one of everything an export must carry.
  void Fill(store::Store& s) {
    ASSERT_TRUE(s.SetSetting("site.name", "The Test Review"));
    ASSERT_TRUE(s.SetSetting("site.articles_per_page", "7"));
    const int64_t asia = Must(s.CreateSection({.slug = "east-asia",
                                               .name = "East Asia",
                                               .kind = content::SectionKind::kRegion,
                                               .position = 2,
                                               .description = "Seas."}));
    const int64_t defense = Must(s.CreateSection({.slug = "defense",
                                                  .name = "Defense",
                                                  .kind = content::SectionKind::kTopic,
                                                  .position = 5}));
    const int64_t ada =
        Must(s.CreateAuthor({.slug = "ada", .name = "Ada Quill", .bio = "Writes."}));
    const int64_t zoe = Must(s.CreateAuthor({.slug = "zoe", .name = "Zoë Ørsted"}));
    const int64_t riac = Must(s.CreatePartner({.slug = "riac",
                                               .name = "RIAC",
                                               .url = "https://riac.example/",
                                               .feed_url = "https://riac.example/feed",
                                               .credit = content::PartnerCredit::kNoindex,
                                               .description = "A council."}));
    const int64_t trade = Must(s.UpsertTag({.slug = "trade", .name = "Trade"}));
    const int64_t coop = Must(s.UpsertTag({.slug = "сотрудничество", .name = "Сотрудничество"}));
    const int64_t image =
        Must(s.CreateMedia({.sha256 = std::string(64, 'f'),
                            .original_mime = "image/png",
                            .filename = "strait.png",
                            .width = 1600,
                            .height = 900,
                            .variants = {{.width = 480,
                                          .height = 270,
                                          .format = content::ImageFormat::kJpeg,
                                          .bytes = "small jpeg"},
                                         {.width = 1600,
                                          .height = 900,
                                          .format = content::ImageFormat::kJpeg,
                                          .bytes = std::string("large\0jpeg", 10)},
                                         {.width = 1600,
                                          .height = 900,
                                          .format = content::ImageFormat::kWebp,
                                          .bytes = "large webp"}}}));
    ASSERT_TRUE(s.CreateUser(
        {.email = "secret@example.com", .name = "Sec", .password_hash = "$argon2id$x"}));

    content::Article straits{.slug = "first-title",
                             .title = "Straits: \"Without\" Bridges",
                             .dek = "null",
                             .body_md = "First.[^1]\n\n[^1]: A source.\n",
                             .status = ArticleStatus::kPublished,
                             .section_id = asia,
                             .published_at = Iso("2026-01-02T03:04:05Z"),
                             .updated_at = Iso("2026-01-03T00:00:00Z"),
                             .author_ids = {zoe, ada},
                             .tag_ids = {coop, trade},
                             .lead_image_id = image,
                             .lead_image_alt = "A strait at dusk"};
    straits.body_html = content::RenderMarkdown(straits.body_md);
    straits.id = Must(s.CreateArticle(straits));
    straits.slug = "straits-without-bridges";
    ASSERT_TRUE(s.UpdateArticle(straits));  // leaves /east-asia/first-title/ behind
    ASSERT_TRUE(s.AddRedirect("/?p=12", straits.id));
    ASSERT_TRUE(s.SetSetting("home.lead_article_id", std::to_string(straits.id)));

    content::Article piece{.slug = "drones",
                           .title = "Über Drohnen",
                           .body_md = "\n  Starts with a blank line.\n---\nand a rule.",
                           .status = ArticleStatus::kPublished,
                           .section_id = defense,
                           .partner_id = riac,
                           .original_url = "https://riac.example/drones",
                           .published_at = Iso("2026-02-01T00:00:00Z"),
                           .updated_at = Iso("2026-02-01T00:00:00Z"),
                           .author_ids = {ada}};
    piece.body_html = content::RenderMarkdown(piece.body_md);
    ASSERT_TRUE(s.CreateArticle(piece));

    content::Article draft{.slug = "idea",
                           .title = "An idea",
                           .body_md = "Later.",
                           .status = ArticleStatus::kDraft,
                           .section_id = defense,
                           .updated_at = Iso("2026-03-01T00:00:00Z"),
                           .author_ids = {ada}};
    ASSERT_TRUE(s.CreateArticle(draft));
  }

  base::testing::TempDir dir_{"gazette-export-"};
  std::unique_ptr<store::Store> store_;
};

TEST_F(SiteExportTest, WritesManifestArticlesAndLeadImages) {
  const fs::path out = dir_.path() / "out";
  auto summary = ExportSite(*store_, out);
  ASSERT_TRUE(summary.has_value()) << summary.error().ToString();
  EXPECT_EQ(summary->sections, 2);
  EXPECT_EQ(summary->authors, 2);
  EXPECT_EQ(summary->partners, 1);
  EXPECT_EQ(summary->tags, 2);
  EXPECT_EQ(summary->articles, 3);
  EXPECT_EQ(summary->media, 1);

  std::map<std::string, std::string> files = Files(out);
  std::vector<std::string> names;
  for (const auto& [name, text] : files) names.push_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"articles/defense/drones.md", "articles/defense/idea.md",
                                      "articles/east-asia/straits-without-bridges.md",
                                      "manifest.json", "media/1.jpg"}));
  EXPECT_EQ(files["media/1.jpg"], std::string("large\0jpeg", 10));

  json manifest = json::parse(files["manifest.json"]);
  EXPECT_EQ(manifest["format"], "gazette-export");
  EXPECT_EQ(manifest["version"], 1);
  EXPECT_EQ(manifest["settings"], json({{"site.name", "The Test Review"},
                                        {"site.articles_per_page", "7"},
                                        {"home.lead_article", "straits-without-bridges"}}));
  EXPECT_EQ(manifest["sections"][0], json({{"slug", "east-asia"},
                                           {"name", "East Asia"},
                                           {"kind", "region"},
                                           {"position", 2},
                                           {"description", "Seas."}}));
  EXPECT_EQ(manifest["sections"][1]["kind"], "topic");
  EXPECT_EQ(manifest["authors"][0],
            json({{"slug", "ada"}, {"name", "Ada Quill"}, {"bio", "Writes."}}));
  EXPECT_EQ(manifest["authors"][1]["name"], "Zoë Ørsted");
  EXPECT_EQ(manifest["partners"][0], json({{"slug", "riac"},
                                           {"name", "RIAC"},
                                           {"url", "https://riac.example/"},
                                           {"feed_url", "https://riac.example/feed"},
                                           {"credit", "noindex"},
                                           {"description", "A council."}}));
  EXPECT_EQ(manifest["tags"].size(), 2u);
  ASSERT_EQ(manifest["articles"].size(), 3u);
  EXPECT_EQ(manifest["articles"][0],
            json({{"slug", "straits-without-bridges"},
                  {"file", "articles/east-asia/straits-without-bridges.md"},
                  {"status", "published"}}));
  EXPECT_EQ(manifest["articles"][2]["status"], "draft");

  EXPECT_EQ(files["articles/east-asia/straits-without-bridges.md"],
            "---\n"
            "title: \"Straits: \\\"Without\\\" Bridges\"\n"
            "slug: \"straits-without-bridges\"\n"
            "status: \"published\"\n"
            "section: \"east-asia\"\n"
            "authors: [\"zoe\", \"ada\"]\n"
            "tags: [\"Сотрудничество\", \"Trade\"]\n"
            "dek: \"null\"\n"
            "published_at: \"2026-01-02T03:04:05Z\"\n"
            "updated_at: \"2026-01-03T00:00:00Z\"\n"
            "old_paths: [\"/?p=12\", \"/east-asia/first-title/\"]\n"
            "lead_image: \"media/1.jpg\"\n"
            "lead_image_alt: \"A strait at dusk\"\n"
            "---\n"
            "First.[^1]\n\n[^1]: A source.\n");
  EXPECT_NE(files["articles/defense/idea.md"].find("status: \"draft\""), std::string::npos);
  EXPECT_EQ(files["articles/defense/idea.md"].find("published_at"), std::string::npos);

  for (const auto& [name, text] : files) {
    EXPECT_EQ(text.find("secret@example.com"), std::string::npos) << name;
    EXPECT_EQ(text.find("argon2id"), std::string::npos) << name;
  }
}

TEST_F(SiteExportTest, TheSameStoreGivesTheSameBytes) {
  ASSERT_TRUE(ExportSite(*store_, dir_.path() / "one"));
  ASSERT_TRUE(ExportSite(*store_, dir_.path() / "two"));
  EXPECT_EQ(Files(dir_.path() / "one"), Files(dir_.path() / "two"));
}

TEST_F(SiteExportTest, RefusesAFolderThatIsNotEmpty) {
  const fs::path out = dir_.path() / "busy";
  fs::create_directories(out);
  std::ofstream(out / "keep.txt") << "mine";
  auto summary = ExportSite(*store_, out);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), base::ErrorCode::kConflict);
  EXPECT_EQ(summary.error().message(), out.string() + " is not empty");
  EXPECT_EQ(Files(out).size(), 1u);
  std::ofstream(dir_.path() / "file") << "x";
  EXPECT_EQ(ExportSite(*store_, dir_.path() / "file").error().code(), base::ErrorCode::kConflict);
}

TEST_F(SiteExportTest, ImportingAnExportGivesTheSameSiteAndASecondRunAddsNothing) {
  const fs::path first = dir_.path() / "first";
  ASSERT_TRUE(ExportSite(*store_, first));

  auto copy = OpenStore(dir_.path() / "b.db");
  ASSERT_TRUE(copy);
  for (int run = 0; run < 2; ++run) {
    ArticleImporter importer(*copy, StoreFileAsIs(*copy, first));
    auto result = ImportMarkdownSite(*copy, first, {}, importer, nullptr);
    ASSERT_TRUE(result.has_value()) << result.error().ToString();
    EXPECT_TRUE(result->from_export);
    EXPECT_EQ(result->files, 3u);
    const ImportSummary& summary = importer.summary();
    for (const ImportFailure& failure : summary.failures) {
      ADD_FAILURE() << failure.source << ": " << failure.reason;
    }
    EXPECT_EQ(summary.imported, run == 0 ? 3 : 0);
    EXPECT_EQ(summary.updated, 0);
    EXPECT_EQ(summary.skipped, run == 0 ? 0 : 3);
    EXPECT_EQ(result->created.sections, run == 0 ? 2 : 0);
    EXPECT_EQ(result->created.authors, run == 0 ? 2 : 0);
    EXPECT_EQ(result->created.partners, run == 0 ? 1 : 0);
  }

  // What the copy holds exports to the same bytes, but for the image, which this test's loader
  // stored as it was exported.
  const fs::path second = dir_.path() / "second";
  ASSERT_TRUE(ExportSite(*copy, second));
  EXPECT_EQ(Files(first), Files(second));
  EXPECT_EQ(copy->GetSectionBySlug("defense")->position, 5);
  EXPECT_EQ(copy->GetAuthorBySlug("ada")->bio, "Writes.");
  EXPECT_EQ(copy->ListUsers()->size(), 0u);
  auto moved = copy->FindRedirect("/east-asia/first-title/");
  ASSERT_TRUE(moved.has_value()) << moved.error().ToString();
  EXPECT_EQ(copy->GetArticle(*moved)->slug, "straits-without-bridges");
}

}  // namespace
}  // namespace gazette::ingest
