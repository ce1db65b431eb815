// `gazette import markdown` and `gazette export` on real site folders: lead images go through
// libvips on the way in, come out as their widest variant, and go in again from an export.
#include "app/markdown_import_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/export_command.h"
#include "app/init_command.h"
#include "app/site_folder.h"
#include "base/testing/temp_dir.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

// A 4 x 3 pixel RGB PNG.
const std::string kPng(
    "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00"
    "\x00\x03\x08\x02\x00\x00\x00\x3B\x96\x39\x91\x00\x00\x00\x2A\x49\x44\x41\x54\x78\x9C\x0D"
    "\xC7\x31\x01\x00\x30\x0C\xC3\x30\x03\x2B\x88\xC0\xE9\x69\x28\x01\x51\x80\x9B\x3E\x01\x0E"
    "\x2E\x1E\x42\x9C\xB8\xF1\xF2\x53\xA7\x6E\xBD\xFA\x00\xE3\xB7\x0D\xF9\x6C\x6C\xCB\xD2\x00"
    "\x00\x00\x00\x49\x45\x4E\x44\xAE\x42\x60\x82",
    99);

void WriteTo(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class MarkdownImportCommandTest : public ::testing::Test {
 protected:
  void MakeSite(const fs::path& dir) {
    const base::FixedClock clock(base::Seconds(std::chrono::seconds(1'800'000'000)));
    auto made = InitSite({.dir = dir,
                          .admin_password = "admin-password-for-tests",
                          .password_cost = auth::PasswordCost::kMinimum},
                         clock);
    ASSERT_TRUE(made.has_value()) << made.error().ToString();
  }

  int Import(const fs::path& site, const fs::path& src, std::string& out) {
    std::ostringstream printed;
    std::ostringstream progress;
    const int status =
        RunMarkdownImport({.dir = site, .src = src, .options = {.default_author = "The Editors"}},
                          printed, progress, false);
    EXPECT_EQ(progress.str(), "");  // no bar when not on a terminal
    out = printed.str();
    return status;
  }

  content::Article Stored(const fs::path& site, const std::string& slug) {
    auto store = OpenSiteStore(site);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    if (!store) return {};
    auto article = (*store)->GetArticleBySlug(slug);
    EXPECT_TRUE(article.has_value()) << article.error().ToString();
    return article.value_or(content::Article{});
  }

  base::testing::TempDir dir_{"gazette-md-import-"};
};

TEST_F(MarkdownImportCommandTest, LeadImagesGoInComeOutAndGoInAgain) {
  const fs::path first = dir_.path() / "first";
  const fs::path second = dir_.path() / "second";
  MakeSite(first);
  MakeSite(second);
  const fs::path src = dir_.path() / "src";
  WriteTo(src / "images/dot.png", kPng);
  WriteTo(src / "posts/dot.md",
          "---\ntitle: A Dot\ndate: 2026-01-01\nlead_image: images/dot.png\n"
          "lead_image_alt: One small dot\n---\nText.\n");
  WriteTo(src / "posts/bad.md",
          "---\ntitle: Not An Image\ndate: 2026-01-01\nlead_image: posts/dot.md\n"
          "lead_image_alt: Text\n---\nText.\n");

  std::string out;
  EXPECT_EQ(Import(first, src, out), 2);
  EXPECT_TRUE(
      out.starts_with("Imported 1, updated 0, skipped 0, failed 1\n  posts/bad.md: its "
                      "lead image posts/dot.md: "))
      << out;
  const content::Article imported = Stored(first, "dot");
  ASSERT_TRUE(imported.lead_image_id.has_value());
  EXPECT_EQ(imported.lead_image_alt, "One small dot");
  EXPECT_EQ(imported.author_ids.size(), 1u);

  const fs::path exported = dir_.path() / "export";
  auto summary = ExportSiteFolder(first, exported);
  ASSERT_TRUE(summary.has_value()) << summary.error().ToString();
  EXPECT_EQ(summary->media, 1);
  const fs::path image = exported / ("media/" + std::to_string(*imported.lead_image_id) + ".jpg");
  ASSERT_TRUE(fs::exists(image)) << image;

  EXPECT_EQ(Import(second, exported, out), 0) << out;
  EXPECT_NE(out.find("Imported 1, updated 0, skipped 0, failed 0\n"), std::string::npos) << out;
  const content::Article copy = Stored(second, "dot");
  ASSERT_TRUE(copy.lead_image_id.has_value());
  EXPECT_EQ(copy.lead_image_alt, "One small dot");
  EXPECT_EQ(copy.title, "A Dot");

  EXPECT_EQ(Import(second, exported, out), 0) << out;
  EXPECT_NE(out.find("Imported 0, updated 0, skipped 1, failed 0\n"), std::string::npos) << out;
}

TEST_F(MarkdownImportCommandTest, ExportRefusesAFolderThatIsNotEmpty) {
  const fs::path site = dir_.path() / "site";
  MakeSite(site);
  WriteTo(dir_.path() / "out/keep.txt", "mine");
  auto summary = ExportSiteFolder(site, dir_.path() / "out");
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), base::ErrorCode::kConflict);
  EXPECT_EQ(summary.error().message(), (dir_.path() / "out").string() + " is not empty");
}

}  // namespace
}  // namespace gazette::app
