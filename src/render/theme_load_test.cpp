#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/testing/temp_dir.h"
#include "render/testing/sample_views.h"
#include "render/theme.h"

namespace gazette::render {
namespace {

namespace fs = std::filesystem;

// A copy of the default theme in a fresh temporary folder, removed at the end of the test.
class ThemeCopy {
 public:
  ThemeCopy() { fs::copy(GAZETTE_DEFAULT_THEME_DIR, dir_, fs::copy_options::recursive); }
  ThemeCopy(const ThemeCopy&) = delete;
  ThemeCopy& operator=(const ThemeCopy&) = delete;

  std::string dir() const { return dir_.string(); }
  fs::path Path(const std::string& relative) const { return dir_ / relative; }
  void Write(const std::string& relative, const std::string& text) const {
    std::ofstream(Path(relative), std::ios::binary | std::ios::trunc) << text;
  }

 private:
  base::testing::TempDir root_{"gazette-theme-"};
  fs::path dir_ = root_.path() / "theme";
};

constexpr const char* kPragma = "{{%AUTOESCAPE context=\"HTML\"}}\n";

void ExpectError(const base::Result<std::shared_ptr<const Theme>>& result, base::ErrorCode code,
                 const std::string& mentions) {
  ASSERT_FALSE(result) << "the theme loaded";
  EXPECT_EQ(result.error().code(), code) << result.error().ToString();
  EXPECT_NE(result.error().message().find(mentions), std::string::npos)
      << result.error().ToString();
}

TEST(ThemeLoadTest, LoadsTheDefaultThemeAndItsManifest) {
  auto theme = Theme::Load(GAZETTE_DEFAULT_THEME_DIR);
  ASSERT_TRUE(theme) << theme.error().ToString();
  EXPECT_EQ((*theme)->dir(), GAZETTE_DEFAULT_THEME_DIR);
  EXPECT_EQ((*theme)->manifest().name, "Default");
  EXPECT_FALSE((*theme)->manifest().version.empty());
  EXPECT_FALSE((*theme)->manifest().description.empty());
}

TEST(ThemeLoadTest, MissingDirectoryIsNotFound) {
  ThemeCopy copy;
  ExpectError(Theme::Load(copy.dir() + "-nowhere"), base::ErrorCode::kNotFound, "-nowhere");
}

TEST(ThemeLoadTest, MissingThemeJsonIsInvalidArgument) {
  ThemeCopy copy;
  fs::remove(copy.Path("theme.json"));
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "theme.json");
}

TEST(ThemeLoadTest, MalformedThemeJsonIsInvalidArgument) {
  ThemeCopy copy;
  copy.Write("theme.json", "{\"name\": \"Broken\", ");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "theme.json");
  copy.Write("theme.json", "[\"Default\"]");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "theme.json");
  copy.Write("theme.json", "{\"name\": \"Default\", \"description\": \"\"}");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "\"version\"");
  copy.Write("theme.json", "{\"name\": \"\", \"version\": \"1\", \"description\": \"\"}");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "\"name\"");
}

TEST(ThemeLoadTest, MissingRequiredTemplateIsNotFound) {
  ThemeCopy copy;
  fs::remove(copy.Path("templates/card.tpl"));
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kNotFound, "templates/card.tpl");
}

TEST(ThemeLoadTest, MissingTemplateFolderIsNotFound) {
  ThemeCopy copy;
  fs::remove_all(copy.Path("templates"));
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kNotFound, "templates");
}

TEST(ThemeLoadTest, TemplateWithoutAutoescapeIsInvalidArgument) {
  ThemeCopy copy;
  copy.Write("templates/footer.tpl", "<footer>{{SITE_NAME}}</footer>\n");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "footer.tpl");
}

TEST(ThemeLoadTest, OptionalTemplateWithoutAutoescapeIsRejectedToo) {
  ThemeCopy copy;
  copy.Write("templates/error-5xx.tpl", "<main>{{MESSAGE}}</main>\n");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "error-5xx.tpl");
}

TEST(ThemeLoadTest, TemplateThatUnescapesAPlainValueIsInvalidArgument) {
  ThemeCopy copy;
  copy.Write("templates/card.tpl", std::string(kPragma) + "<h3>{{TITLE:none}}</h3>\n");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "card.tpl");
}

TEST(ThemeLoadTest, TemplateWithSyntaxErrorIsInvalidArgument) {
  ThemeCopy copy;
  copy.Write("templates/list.tpl", std::string(kPragma) + "<main>{{#ARTICLES}}<p>x</p></main>\n");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "list.tpl");
}

TEST(ThemeLoadTest, TemplateTheHtmlParserRejectsIsInvalidArgument) {
  ThemeCopy copy;
  copy.Write("templates/pagination.tpl", std::string(kPragma) + "<a {{NAME}}=\"x\">x</a>\n");
  ExpectError(Theme::Load(copy.dir()), base::ErrorCode::kInvalidArgument, "pagination.tpl");
}

TEST(ThemeLoadTest, ClassWideErrorTemplateIsUsedWhenPresent) {
  ThemeCopy copy;
  copy.Write("templates/error-4xx.tpl",
             std::string(kPragma) + "<main id=\"main\"><h1>Client error {{STATUS}}</h1></main>\n");
  auto theme = Theme::Load(copy.dir());
  ASSERT_TRUE(theme) << theme.error().ToString();
  EXPECT_NE((*theme)->RenderError(testing::SampleError(410)).find("<h1>Client error 410</h1>"),
            std::string::npos);
  EXPECT_NE((*theme)->RenderError(testing::SampleError(404)).find("error-page--not-found"),
            std::string::npos);
  EXPECT_EQ((*theme)->RenderError(testing::SampleError(503)).find("Client error"),
            std::string::npos);
}

TEST(ThemeLoadTest, ALoadedThemeIgnoresLaterEditsOnDisk) {
  ThemeCopy copy;
  auto theme = Theme::Load(copy.dir());
  ASSERT_TRUE(theme) << theme.error().ToString();
  const std::string before = (*theme)->RenderList(testing::SampleList());
  copy.Write("templates/list.tpl", std::string(kPragma) + "<main id=\"main\">changed</main>\n");
  EXPECT_EQ((*theme)->RenderList(testing::SampleList()), before);
}

}  // namespace
}  // namespace gazette::render
