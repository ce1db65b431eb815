#include "ingest/markdown_folder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;
using content::ArticleStatus;

base::Seconds Iso(std::string_view text) { return base::ParseIso8601(text).value(); }

ImportItem Read(std::string_view path, std::string_view text,
                const MarkdownReadOptions& options = {}) {
  auto item = ReadMarkdownItem(path, text, options);
  EXPECT_TRUE(item.has_value()) << path << ": " << item.error().ToString();
  return item.value_or(ImportItem{});
}

std::string ReadError(std::string_view path, std::string_view text,
                      const MarkdownReadOptions& options = {}) {
  auto item = ReadMarkdownItem(path, text, options);
  return item ? "read" : item.error().message();
}

std::vector<std::string> AuthorNames(const ImportItem& item) {
  std::vector<std::string> names;
  for (const ImportAuthor& author : item.authors) names.push_back(author.name);
  return names;
}

constexpr char kJekyllPost[] = R"(---
layout: post
title: "Straits Without Bridges"
date: 2019-05-01 10:30:00 +0200
last_modified_at: 2019-05-03T08:00:00Z
categories: east-asia maritime
tags: [Diplomacy, Trade]
author: Ada Quill
description: A short dek.
redirect_from:
  - /2019/05/01/straits.html
  - https://old.example/straits/
comments: true
---
First paragraph.[^1]

[^1]: A source.
)";

TEST(MarkdownFolderTest, JekyllPostTakesSlugFromItsFileName) {
  ImportItem item = Read("_posts/2019-05-01-straits-without-bridges.md", kJekyllPost);
  EXPECT_EQ(item.source, "_posts/2019-05-01-straits-without-bridges.md");
  EXPECT_EQ(item.slug, "straits-without-bridges");
  EXPECT_EQ(item.title, "Straits Without Bridges");
  EXPECT_EQ(item.dek, "A short dek.");
  EXPECT_EQ(item.published_at, Iso("2019-05-01T08:30:00Z"));
  EXPECT_EQ(item.updated_at, Iso("2019-05-03T08:00:00Z"));
  EXPECT_EQ(item.status, ArticleStatus::kPublished);
  EXPECT_EQ(item.section.name, "east-asia");
  EXPECT_EQ(item.tags, (std::vector<std::string>{"Diplomacy", "Trade"}));
  EXPECT_EQ(AuthorNames(item), std::vector<std::string>{"Ada Quill"});
  EXPECT_EQ(item.old_paths, (std::vector<std::string>{"/2019/05/01/straits.html", "/straits/"}));
  EXPECT_EQ(item.body_md, "First paragraph.[^1]\n\n[^1]: A source.\n");
}

TEST(MarkdownFolderTest, JekyllDateComesFromTheFileNameWhenTheFrontMatterHasNone) {
  ImportItem item = Read("_posts/2021-02-03-x.markdown", "---\ntitle: X\nauthor: A\n---\n");
  EXPECT_EQ(item.slug, "x");
  EXPECT_EQ(item.published_at, Iso("2021-02-03T00:00:00Z"));
  EXPECT_EQ(item.section.name, "Articles");  // _posts/ stands for no section
  EXPECT_EQ(Read("_drafts/idea.md", "---\ntitle: Idea\n---\n").status, ArticleStatus::kDraft);
  EXPECT_EQ(Read("p.md", "---\ntitle: P\npublished: false\n---\n").status, ArticleStatus::kDraft);
}

constexpr char kHugoPost[] = R"(+++
title = "Mekong Dams"
date = 2020-03-04T05:06:07-05:00
lastmod = 2020-03-05
draft = true
authors = ["Bo Lind", "Ada Quill"]
summary = "Water diplomacy."
aliases = ["/old/mekong/", "mekong-dams.html"]
weight = 10
[params]
featured = true
+++
Body.
)";

TEST(MarkdownFolderTest, HugoPostInASectionFolder) {
  ImportItem item = Read("content/southeast-asia/mekong-dams.md", kHugoPost);
  EXPECT_EQ(item.slug, "mekong-dams");
  EXPECT_EQ(item.published_at, Iso("2020-03-04T10:06:07Z"));
  EXPECT_EQ(item.updated_at, Iso("2020-03-05T00:00:00Z"));
  EXPECT_EQ(item.status, ArticleStatus::kDraft);
  EXPECT_EQ(item.section.name, "Southeast asia");
  EXPECT_EQ(item.dek, "Water diplomacy.");
  EXPECT_EQ(AuthorNames(item), (std::vector<std::string>{"Bo Lind", "Ada Quill"}));
  EXPECT_EQ(item.old_paths, (std::vector<std::string>{"/old/mekong/", "/mekong-dams.html"}));
  EXPECT_EQ(item.body_md, "Body.\n");
}

TEST(MarkdownFolderTest, HugoBundleTakesItsFolderName) {
  ImportItem item = Read("posts/a-long-trip/index.md",
                         "---\ntitle: A Trip\ndate: 2020-01-01\nauthor: A\n---\nText\n");
  EXPECT_EQ(item.slug, "a-long-trip");
  EXPECT_EQ(item.section.name, "Posts");
  ImportItem flat = Read("index.md", "---\ntitle: Home\ndate: 2020-01-01\n---\n");
  EXPECT_EQ(flat.slug, "");
  EXPECT_EQ(flat.section.name, "Articles");
}

TEST(MarkdownFolderTest, FrontMatterKeysWinOverTheFileAndFolder) {
  ImportItem item =
      Read("content/posts/2019-01-01-x.md",
           "---\ntitle: X\nslug: chosen\ndate: 2020-06-01T12:00:00.250Z\nsection: Defense\n"
           "categories: [Other]\nstatus: review\ndraft: true\n---\n");
  EXPECT_EQ(item.slug, "chosen");
  EXPECT_EQ(item.published_at, Iso("2020-06-01T12:00:00Z"));
  EXPECT_EQ(item.section.name, "Defense");
  EXPECT_EQ(item.status, ArticleStatus::kReview);
  EXPECT_EQ(Read("a.md", "---\ntitle: A\ndate: 2020-01-01\ncategories: [Maritime, Trade]\n---\n")
                .section.name,
            "Maritime");
}

TEST(MarkdownFolderTest, GazetteExportKeysAndKnownSlugs) {
  MarkdownReadOptions options;
  options.sections["east-asia"] = {
      .slug = "east-asia", .name = "East Asia", .kind = content::SectionKind::kRegion};
  options.authors["ada"] = {.slug = "ada", .name = "Ada Quill", .bio = "Writes."};
  ImportItem item = Read("articles/east-asia/straits.md",
                         "---\ntitle: Straits\nslug: straits\nstatus: scheduled\n"
                         "published_at: 2030-01-01T00:00:00Z\nupdated_at: 2030-01-02T00:00:00Z\n"
                         "section: east-asia\nauthors: [ada, Guest Writer]\npartner: riac\n"
                         "original_url: https://riac.example/x\nold_paths: [/east-asia/old/]\n"
                         "lead_image: media/3.jpg\nlead_image_alt: A strait at dusk\n---\n",
                         options);
  EXPECT_EQ(item.status, ArticleStatus::kScheduled);
  EXPECT_EQ(item.published_at, Iso("2030-01-01T00:00:00Z"));
  EXPECT_EQ(item.updated_at, Iso("2030-01-02T00:00:00Z"));
  EXPECT_EQ(item.section.slug, "east-asia");
  EXPECT_EQ(item.section.name, "East Asia");
  ASSERT_EQ(item.authors.size(), 2u);
  EXPECT_EQ(item.authors[0].slug, "ada");
  EXPECT_EQ(item.authors[0].bio, "Writes.");
  EXPECT_EQ(item.authors[1].slug, "");
  EXPECT_EQ(item.authors[1].name, "Guest Writer");
  EXPECT_EQ(item.partner_slug, "riac");
  EXPECT_EQ(item.original_url, "https://riac.example/x");
  EXPECT_EQ(item.old_paths, std::vector<std::string>{"/east-asia/old/"});
  EXPECT_EQ(item.lead_image_file, "media/3.jpg");
  EXPECT_EQ(item.lead_image_alt, "A strait at dusk");
}

TEST(MarkdownFolderTest, DefaultAuthorStandsInForNone) {
  MarkdownReadOptions options;
  options.default_author = "The Editors";
  options.default_section = "News";
  ImportItem item = Read("a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n", options);
  EXPECT_EQ(AuthorNames(item), std::vector<std::string>{"The Editors"});
  EXPECT_EQ(item.section.name, "News");
  EXPECT_TRUE(Read("b.md", "---\ntitle: B\ndate: 2020-01-01\n---\n").authors.empty());
}

TEST(MarkdownFolderTest, UnicodeTitlesNamesAndFileNames) {
  ImportItem item = Read("_posts/2020-01-02-über-die-grenzen.md",
                         "---\ntitle: Über die Grenzen — 国境\nauthor: Zoë Ørsted\n"
                         "tags: [Сотрудничество, 外交]\n---\nÄ body ✓\n");
  EXPECT_EQ(item.slug, "über-die-grenzen");
  EXPECT_EQ(item.title, "Über die Grenzen — 国境");
  EXPECT_EQ(AuthorNames(item), std::vector<std::string>{"Zoë Ørsted"});
  EXPECT_EQ(item.tags, (std::vector<std::string>{"Сотрудничество", "外交"}));
  EXPECT_EQ(item.body_md, "Ä body ✓\n");
}

TEST(MarkdownFolderTest, BadFilesAreNamedWithTheirLine) {
  EXPECT_EQ(ReadError("a.md", "Just text\n"),
            "line 1: expected front matter opening with '+++' (TOML) or '---' (YAML)");
  EXPECT_EQ(ReadError("a.md", "---\ndate: 2020-01-01\n---\n"), "the front matter has no title");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\n---\n"), "the front matter has no date");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\n\ndate: 1 May 2019\n---\n"),
            "line 4: 'date' is not a date: '1 May 2019'");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\ndate: 2020-01-01\ntags:\n  x: 1\n---\n"),
            "line 4: 'tags' must be text or a list of texts");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: [A, B]\n---\n"), "line 2: 'title' must be text");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\ndraft: maybe\n---\n"),
            "line 3: 'draft' must be true or false");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\nstatus: gone\ndate: 2020-01-01\n---\n").substr(0, 8),
            "line 3: ");
  EXPECT_EQ(ReadError("a.md",
                      "---\ntitle: A\ndate: 2020-01-01\nlead_image: ../../etc/passwd\n"
                      "lead_image_alt: x\n---\n"),
            "line 4: 'lead_image' must be a file inside the folder: '../../etc/passwd'");
  EXPECT_EQ(ReadError("a.md", "---\ntitle: A\ndate: 2020-01-01\nlead_image: media/1.jpg\n---\n"),
            "line 4: 'lead_image' needs a 'lead_image_alt'");
  EXPECT_EQ(ReadError("a.md", "+++\ntitle = 'A'\ndate = 'soon'\n+++\n"),
            "line 3: 'date' is not a date: 'soon'");
}

void WriteTo(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class MarkdownFolderImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    store_ = std::move(*opened);
    root_ = dir_.path() / "site";
    WriteTo(root_ / "_posts/2019-05-01-straits-without-bridges.md", kJekyllPost);
    WriteTo(root_ / "_posts/2019-06-01-broken.md", "---\ntitle: Broken\ntags: [a, b\n---\nx\n");
    WriteTo(root_ / "content/southeast-asia/_index.md", "---\ntitle: Southeast Asia\n---\n");
    WriteTo(root_ / "content/southeast-asia/mekong/index.md",
            "+++\ntitle = 'Mekong'\ndate = 2020-01-01\nauthor = 'Bo Lind'\n+++\nText.\n");
    WriteTo(root_ / ".git/notes.md", "not content");
    WriteTo(root_ / "images/map.png", "not markdown");
  }

  ImportSummary ImportAll() {
    auto files = ListMarkdownFiles(root_);
    EXPECT_TRUE(files.has_value()) << files.error().ToString();
    ArticleImporter importer(*store_);
    size_t calls = 0;
    ImportMarkdownFiles(root_, *files, {}, importer, [&](size_t done, size_t total) {
      EXPECT_EQ(done, ++calls);
      EXPECT_EQ(total, files->size());
    });
    EXPECT_EQ(calls, files->size());
    return importer.summary();
  }

  base::testing::TempDir dir_{"gazette-markdown-"};
  fs::path root_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(MarkdownFolderImportTest, ListsMarkdownFilesSortedWithoutHiddenOnes) {
  auto files = ListMarkdownFiles(root_);
  ASSERT_TRUE(files.has_value()) << files.error().ToString();
  EXPECT_EQ(*files,
            (std::vector<std::string>{
                "_posts/2019-05-01-straits-without-bridges.md", "_posts/2019-06-01-broken.md",
                "content/southeast-asia/_index.md", "content/southeast-asia/mekong/index.md"}));
  EXPECT_EQ(ListMarkdownFiles(root_ / "missing").error().code(), base::ErrorCode::kNotFound);
}

TEST_F(MarkdownFolderImportTest, ABrokenFileInTheMiddleStopsNothing) {
  ImportSummary summary = ImportAll();
  EXPECT_EQ(summary.imported, 2);
  EXPECT_EQ(summary.skipped, 1);  // Hugo's _index.md
  ASSERT_EQ(summary.failures.size(), 1u);
  EXPECT_EQ(summary.failures[0].source, "_posts/2019-06-01-broken.md");
  EXPECT_TRUE(summary.failures[0].reason.starts_with("line 4: ")) << summary.failures[0].reason;

  auto straits = store_->GetArticleBySlug("straits-without-bridges");
  ASSERT_TRUE(straits.has_value()) << straits.error().ToString();
  EXPECT_EQ(store_->GetSection(straits->section_id)->slug, "east-asia");
  auto mekong = store_->GetArticleBySlug("mekong");
  ASSERT_TRUE(mekong.has_value()) << mekong.error().ToString();
  EXPECT_EQ(store_->GetSection(mekong->section_id)->name, "Southeast asia");
  EXPECT_EQ(store_->FindRedirect("/straits/").value(), straits->id);
}

TEST_F(MarkdownFolderImportTest, ASecondRunAddsNothing) {
  ImportAll();
  ImportSummary again = ImportAll();
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.skipped, 3);
  EXPECT_EQ(store_->CountArticles({}).value(), 2);
}

}  // namespace
}  // namespace gazette::ingest
