#include "ingest/site_bundle.h"

#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::ingest {
namespace {

constexpr char kSiteToml[] = R"(
[site]
name = "The Test Review"
tagline = "Tested weekly"

[[sections]]
slug = "east-asia"
name = "East Asia"
kind = "region"

[[sections]]
slug = "defense"
name = "Defense"
kind = "topic"
description = "Armies and budgets."

[[authors]]
slug = "ada"
name = "Ada Quill"
bio = "Writes."

[[partners]]
slug = "north-institute"
name = "North Institute"
url = "https://north.example/"
credit = "noindex"
)";

constexpr char kArticle[] = R"(+++
title = "Straits Without Bridges"
dek = "A short dek."
section = "east-asia"
authors = ["ada"]
tags = ["Maritime Security", "Diplomacy"]
age_hours = 30
views = 70
lead = true
+++
First paragraph with a reference.[^1]

[^1]: A source.
)";

class SiteBundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(*store);
  }
  base::Seconds now_ = base::ParseIso8601("2026-11-28T12:00:00Z").value();
  base::testing::TempDir dir_{"gazette-bundle-"};
  std::unique_ptr<store::Store> store_;
};

TEST_F(SiteBundleTest, LoadsSiteSectionsAuthorsPartnersAndArticles) {
  BundleFiles files{{"site.toml", kSiteToml}, {"articles/01-straits.md", kArticle}};
  auto summary = LoadSiteBundle(*store_, files, now_);
  ASSERT_TRUE(summary.has_value()) << summary.error().ToString();
  EXPECT_EQ(summary->sections, 2);
  EXPECT_EQ(summary->authors, 1);
  EXPECT_EQ(summary->partners, 1);
  EXPECT_EQ(summary->articles, 1);

  EXPECT_EQ(store_->GetSetting("site.name").value(), "The Test Review");
  auto sections = store_->ListSections().value();
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].slug, "east-asia");
  EXPECT_EQ(sections[1].kind, content::SectionKind::kTopic);
  EXPECT_EQ(store_->GetPartnerBySlug("north-institute")->credit, content::PartnerCredit::kNoindex);

  auto article = store_->GetPublishedArticle(sections[0].id, "straits-without-bridges");
  ASSERT_TRUE(article.has_value()) << article.error().ToString();
  EXPECT_EQ(article->published_at, now_ - std::chrono::hours(30));
  EXPECT_NE(article->body_html.find("footnote"), std::string::npos);
  EXPECT_EQ(article->tag_ids.size(), 2u);
  EXPECT_TRUE(store_->GetTagBySlug("maritime-security").has_value());
  EXPECT_EQ(store_->GetSetting("home.lead_article_id").value(), std::to_string(article->id));

  int64_t today = now_.time_since_epoch().count() / 86400;
  auto trending = store_->MostViewed(today - 6, 5).value();
  ASSERT_EQ(trending.size(), 1u);
  EXPECT_EQ(trending[0].id, article->id);
}

TEST_F(SiteBundleTest, OldSlugsStillLeadToTheArticle) {
  std::string moved = kArticle;
  moved.replace(moved.find("lead = true"), 11, "old_slugs = [\"first-draft-title\"]");
  auto summary =
      LoadSiteBundle(*store_, {{"site.toml", kSiteToml}, {"articles/a.md", moved}}, now_);
  ASSERT_TRUE(summary.has_value()) << summary.error().ToString();
  auto section = store_->GetSectionBySlug("east-asia").value();
  auto found = store_->FindMovedArticle(section.id, "first-draft-title");
  ASSERT_TRUE(found.has_value()) << found.error().ToString();
  EXPECT_EQ(found->slug, "straits-without-bridges");
}

TEST_F(SiteBundleTest, UnknownFrontMatterKeyNamesFileAndLine) {
  std::string bad = kArticle;
  bad.replace(bad.find("views = 70"), 10, "viwes = 70");
  auto summary = LoadSiteBundle(*store_, {{"site.toml", kSiteToml}, {"articles/a.md", bad}}, now_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_EQ(summary.error().message(), "articles/a.md:8: unknown key 'viwes'");
}

TEST_F(SiteBundleTest, BadReferencesAndSyntaxAreNamed) {
  std::string unknown_section = kArticle;
  unknown_section.replace(unknown_section.find("\"east-asia\""), 11, "\"nowhere\"");
  auto a =
      LoadSiteBundle(*store_, {{"site.toml", kSiteToml}, {"articles/a.md", unknown_section}}, now_);
  ASSERT_FALSE(a.has_value());
  EXPECT_NE(a.error().message().find("articles/a.md"), std::string::npos);
  EXPECT_NE(a.error().message().find("nowhere"), std::string::npos);

  auto b = LoadSiteBundle(*store_, {{"site.toml", "[[sections]]\nslug = \"x\"\nname = 3\n"}}, now_);
  ASSERT_FALSE(b.has_value());
  EXPECT_EQ(b.error().message(), "site.toml:3: 'name' must be a non-empty string");

  auto reserved = LoadSiteBundle(
      *store_, {{"site.toml", "[[sections]]\nslug = \"tag\"\nname = \"Tags\"\nkind = \"topic\"\n"}},
      now_);
  ASSERT_FALSE(reserved.has_value());
  EXPECT_EQ(reserved.error().message(),
            "site.toml:2: section slug 'tag' is taken by the site's own pages");

  auto c = LoadSiteBundle(*store_, {{"site.toml", "title = = 1"}}, now_);
  ASSERT_FALSE(c.has_value());
  EXPECT_TRUE(c.error().message().starts_with("site.toml:1: ")) << c.error().message();
}

TEST_F(SiteBundleTest, YamlFrontMatterIsRefused) {
  auto summary = LoadSiteBundle(
      *store_, {{"site.toml", kSiteToml}, {"articles/a.md", "---\ntitle: A\n---\n"}}, now_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message(),
            "articles/a.md:1: a site bundle's front matter is TOML ('+++')");
}

TEST_F(SiteBundleTest, WhatWasStoredBeforeAFailureStays) {
  std::string broken = "+++\ntitle = \"Broken\"\n";
  auto summary = LoadSiteBundle(
      *store_, {{"site.toml", kSiteToml}, {"articles/01.md", kArticle}, {"articles/02.md", broken}},
      now_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_NE(summary.error().message().find("articles/02.md"), std::string::npos);
  EXPECT_EQ(store_->CountPublished({}).value(), 1);
}

}  // namespace
}  // namespace gazette::ingest
