#include "app/embedded_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gazette::app {

// Generated from src/app/testdata/embed/ for this test only.
std::span<const EmbeddedFile> EmbedTestFiles();

namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = GAZETTE_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The embedded files are exactly the regular files under `root`, byte for byte, sorted.
void ExpectSameAsTree(std::span<const EmbeddedFile> files, const fs::path& root) {
  size_t on_disk = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) ++on_disk;
  }
  EXPECT_EQ(files.size(), on_disk) << root;
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end(),
                             [](const auto& a, const auto& b) { return a.path < b.path; }));
  for (const EmbeddedFile& file : files) {
    EXPECT_FALSE(file.path.starts_with("/")) << file.path;
    EXPECT_EQ(file.contents, ReadFile(root / file.path)) << file.path;
  }
}

bool Has(std::span<const EmbeddedFile> files, auto predicate) {
  return std::any_of(files.begin(), files.end(), predicate);
}

TEST(EmbeddedFilesTest, DefaultThemeHasTemplatesAndMatchesTheSourceTree) {
  const auto files = DefaultThemeFiles();
  EXPECT_TRUE(Has(files, [](const EmbeddedFile& f) {
    return f.path.starts_with("templates/") && f.path.ends_with(".tpl");
  }));
  ExpectSameAsTree(files, kSourceDir / "themes/default");
}

TEST(EmbeddedFilesTest, DemoBundleHasSiteTomlAndArticlesAndMatchesTheSourceTree) {
  const auto files = DemoBundleFiles();
  EXPECT_TRUE(Has(files, [](const EmbeddedFile& f) { return f.path == "site.toml"; }));
  EXPECT_TRUE(Has(files, [](const EmbeddedFile& f) {
    return f.path.starts_with("articles/") && f.path.ends_with(".md");
  }));
  ExpectSameAsTree(files, kSourceDir / "demo");
}

TEST(EmbeddedFilesTest, KeepsEveryByteValueEmptyFilesAndNestedPaths) {
  const auto files = EmbedTestFiles();
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "all_bytes.bin");
  ASSERT_EQ(files[0].contents.size(), 256u);
  for (int i = 0; i < 256; ++i) {
    EXPECT_EQ(static_cast<unsigned char>(files[0].contents[i]), i);
  }
  EXPECT_EQ(files[1].path, "empty");
  EXPECT_EQ(files[1].contents, "");
  EXPECT_EQ(files[2].path, "nested/with space.txt");
  EXPECT_EQ(files[2].contents, "a file in a folder, with \"quotes\" in it\n");
  ExpectSameAsTree(files, kSourceDir / "src/app/testdata/embed");
}

}  // namespace
}  // namespace gazette::app
