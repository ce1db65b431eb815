#include "ingest/export_manifest.h"

#include <gtest/gtest.h>

namespace gazette::ingest {
namespace {

std::string Error(std::string_view text) {
  auto manifest = ParseExportManifest(text);
  return manifest ? "parsed" : manifest.error().message();
}

TEST(ExportManifestTest, ReadsEverySection) {
  auto manifest = ParseExportManifest(R"({
    "format": "gazette-export", "version": 1,
    "settings": {"site.name": "Review", "home.lead_article": "straits", "home.lead_article_id": "9"},
    "sections": [{"slug": "east-asia", "name": "East Asia", "kind": "region", "position": 3}],
    "authors": [{"slug": "ada", "name": "Ada", "bio": "Writes."}],
    "partners": [{"slug": "riac", "name": "RIAC", "url": "https://riac.example/",
                  "credit": "noindex", "feed_url": "https://riac.example/feed"}],
    "tags": [{"slug": "trade", "name": "Trade"}],
    "articles": [{"slug": "straits", "file": "articles/east-asia/straits.md"}]
  })");
  ASSERT_TRUE(manifest.has_value()) << manifest.error().ToString();
  EXPECT_EQ(manifest->settings, (std::map<std::string, std::string>{{"site.name", "Review"}}));
  EXPECT_EQ(manifest->lead_article_slug, "straits");
  ASSERT_EQ(manifest->sections.size(), 1u);
  EXPECT_EQ(manifest->sections[0].kind, content::SectionKind::kRegion);
  EXPECT_EQ(manifest->sections[0].position, 3);
  EXPECT_EQ(manifest->authors[0].bio, "Writes.");
  EXPECT_EQ(manifest->partners[0].credit, content::PartnerCredit::kNoindex);
  EXPECT_EQ(manifest->partners[0].feed_url, "https://riac.example/feed");
  EXPECT_EQ(manifest->tags[0].name, "Trade");
  EXPECT_EQ(manifest->article_files, std::vector<std::string>{"articles/east-asia/straits.md"});

  MarkdownReadOptions options = ManifestReadOptions(*manifest);
  EXPECT_EQ(options.sections.at("east-asia").name, "East Asia");
  EXPECT_EQ(options.authors.at("ada").name, "Ada");
}

TEST(ExportManifestTest, ProblemsAreNamed) {
  EXPECT_TRUE(Error("{\n\"format\": }").starts_with("manifest.json: parse error at line 2"))
      << Error("{\n\"format\": }");
  EXPECT_EQ(Error(R"({"format": "wordpress"})"),
            "manifest.json: the manifest is not a Gazette export manifest");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 2})"),
            "manifest.json: version 2 is not one this Gazette reads (1)");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 1, "sections": {}})"),
            "manifest.json: 'sections' must be a list");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 1,
                     "sections": [{"slug": "a", "name": "A", "kind": "planet"}]})"),
            "manifest.json: sections[0] section kind must be 'region' or 'topic', not 'planet'");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 1, "authors": [{"slug": "a"}]})"),
            "manifest.json: authors[0] has no 'name'");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 1, "tags": [{"slug": 3}]})"),
            "manifest.json: tags[0] 'slug' must be a string");
  EXPECT_EQ(Error(R"({"format": "gazette-export", "version": 1,
                     "articles": [{"file": "../../etc/passwd"}]})"),
            "manifest.json: articles[0] 'file' must be a path inside the export");
}

}  // namespace
}  // namespace gazette::ingest
