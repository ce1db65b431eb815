#include "app/theme_watcher.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "base/testing/temp_dir.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

class ThemeWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::copy(GAZETTE_DEFAULT_THEME_DIR, dir_, fs::copy_options::recursive); }

  // Rewrites a template with `extra` after its text, dated later than anything before.
  void Append(const std::string& name, const std::string& extra) {
    const fs::path path = dir_ / "templates" / name;
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    std::ofstream(path) << text << extra;
    ++tick_;
    fs::last_write_time(path, start_ + std::chrono::seconds(tick_));
  }

  base::testing::TempDir temp_{"gazette-theme-watch-"};
  fs::path dir_ = temp_.path() / "default";
  fs::file_time_type start_ = fs::file_time_type::clock::now();
  int tick_ = 0;
};

TEST_F(ThemeWatcherTest, AnEditedTemplateIsLoadedOnceAndABrokenOneKeepsTheOld) {
  int loads = 0;
  ThemeWatcher watcher(dir_, [&](std::shared_ptr<const render::Theme> theme) {
    ASSERT_NE(theme, nullptr);
    ++loads;
  });
  EXPECT_FALSE(watcher.Check()) << "nothing changed since it started";

  Append("home.tpl", "<!-- edited -->\n");
  EXPECT_TRUE(watcher.Check());
  EXPECT_FALSE(watcher.Check()) << "the same files are not loaded twice";
  EXPECT_EQ(loads, 1);

  Append("home.tpl", "{{#UNCLOSED}}\n");
  EXPECT_FALSE(watcher.Check());
  EXPECT_EQ(loads, 1);
}

}  // namespace
}  // namespace gazette::app
