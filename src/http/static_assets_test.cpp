#include "http/static_assets.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "base/testing/temp_dir.h"

namespace gazette::http {
namespace {

namespace fs = std::filesystem;

// A scratch folder for one test, removed with its contents afterwards.
class StaticAssetsTest : public ::testing::Test {
 protected:
  void Write(const std::string& relative, const std::string& content) {
    fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

  std::shared_ptr<const StaticAssets> Load() {
    auto assets = StaticAssets::Load(dir_.string(), "/assets/");
    EXPECT_TRUE(assets.has_value()) << assets.error().ToString();
    return assets ? *assets : nullptr;
  }

  base::testing::TempDir temp_dir_{"gazette-assets-"};
  fs::path dir_ = temp_dir_.path();
};

Request Get(const std::string& path, std::string accept_encoding = "") {
  Request request;
  request.target = request.path = path;
  if (!accept_encoding.empty()) request.headers["accept-encoding"] = accept_encoding;
  return request;
}

std::string Css() {
  std::string css;
  for (int i = 0; i < 200; ++i) css += ".rule-" + std::to_string(i) + " { margin: 0 auto; }\n";
  return css;
}

TEST_F(StaticAssetsTest, UrlsCarryAFingerprintBeforeTheExtension) {
  Write("css/site.css", Css());
  Write("logo.svg", "<svg/>");
  Write("LICENSE", "text");
  Write(".hidden", "x");
  auto assets = Load();
  ASSERT_TRUE(assets);
  std::optional<std::string> css = assets->UrlFor("css/site.css");
  ASSERT_TRUE(css.has_value());
  EXPECT_TRUE(std::regex_match(*css, std::regex("/assets/css/site\\.[0-9a-f]{10}\\.css"))) << *css;
  EXPECT_TRUE(std::regex_match(*assets->UrlFor("logo.svg"),
                               std::regex("/assets/logo\\.[0-9a-f]{10}\\.svg")));
  EXPECT_TRUE(
      std::regex_match(*assets->UrlFor("LICENSE"), std::regex("/assets/LICENSE\\.[0-9a-f]{10}")));
  EXPECT_TRUE(
      std::regex_match(*assets->UrlFor(".hidden"), std::regex("/assets/\\.hidden\\.[0-9a-f]{10}")));
  EXPECT_EQ(assets->UrlFor("missing.css"), std::nullopt);
}

TEST_F(StaticAssetsTest, FingerprintChangesWithContentAndStaleOnesAre404) {
  Write("site.css", "body { color: black; }");
  auto before = Load();
  std::string old_url = *before->UrlFor("site.css");
  Write("site.css", "body { color: navy; }");
  auto after = Load();
  std::string new_url = *after->UrlFor("site.css");
  EXPECT_NE(old_url, new_url);
  EXPECT_EQ(after->Serve(Get(new_url)).status, 200);
  EXPECT_EQ(after->Serve(Get(old_url)).status, 404);
  EXPECT_EQ(after->Serve(Get("/assets/site.css")).status, 404);
  EXPECT_EQ(after->Serve(Get("/assets/../site.css")).status, 404);
}

TEST_F(StaticAssetsTest, ServesWithTypeCacheControlAndEtag) {
  Write("app.js", "console.log(1);");
  Write("img/photo.jpeg", std::string("\xff\xd8\xff\xe0", 4));
  auto assets = Load();
  Response js = assets->Serve(Get(*assets->UrlFor("app.js"), "gzip, br"));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1);");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(std::regex_match(std::string(js.Header("ETag")), std::regex("\"[0-9a-f]{16}\"")));
  // Too small to shrink: no variants, so nothing varies.
  EXPECT_EQ(js.Header("Content-Encoding"), "");
  EXPECT_EQ(js.Header("Vary"), "");
  Response jpeg = assets->Serve(Get(*assets->UrlFor("img/photo.jpeg"), "gzip"));
  EXPECT_EQ(jpeg.content_type, "image/jpeg");
  EXPECT_EQ(jpeg.Header("Content-Encoding"), "");
}

TEST_F(StaticAssetsTest, PrecompressedVariantsByAcceptEncoding) {
  const std::string css = Css();
  Write("site.css", css);
  auto assets = Load();
  std::string url = *assets->UrlFor("site.css");

  Response plain = assets->Serve(Get(url));
  EXPECT_EQ(plain.body, css);
  EXPECT_EQ(plain.Header("Content-Encoding"), "");
  EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
  std::string etag(plain.Header("ETag"));

  Response gzip = assets->Serve(Get(url, "gzip"));
  EXPECT_EQ(gzip.Header("Content-Encoding"), "gzip");
  EXPECT_LT(gzip.body.size(), css.size());
  EXPECT_EQ(gzip.Header("ETag"), etag.substr(0, etag.size() - 1) + "-gz\"");

  Response brotli = assets->Serve(Get(url, "gzip, deflate, br"));
  EXPECT_EQ(brotli.Header("Content-Encoding"), "br");
  EXPECT_EQ(brotli.Header("ETag"), etag.substr(0, etag.size() - 1) + "-br\"");
  EXPECT_LT(brotli.body.size(), gzip.body.size());
  std::string decoded(css.size(), '\0');
  size_t size = decoded.size();
  ASSERT_EQ(BrotliDecoderDecompress(brotli.body.size(),
                                    reinterpret_cast<const uint8_t*>(brotli.body.data()), &size,
                                    reinterpret_cast<uint8_t*>(decoded.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  EXPECT_EQ(decoded.substr(0, size), css);
}

TEST_F(StaticAssetsTest, UnusualNamesArePercentEncodedInUrls) {
  Write("fonts/My Font.woff2", "wOF2");
  auto assets = Load();
  std::string url = *assets->UrlFor("fonts/My Font.woff2");
  EXPECT_TRUE(std::regex_match(url, std::regex("/assets/fonts/My%20Font\\.[0-9a-f]{10}\\.woff2")));
  Request request = Get(url);
  request.path = PercentDecode(url, false);
  Response response = assets->Serve(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "font/woff2");
}

TEST(StaticAssetsLoadTest, MissingFolderIsNotFound) {
  auto assets = StaticAssets::Load("/nonexistent/gazette/assets", "/assets/");
  ASSERT_FALSE(assets.has_value());
  EXPECT_TRUE(assets.error().IsNotFound());
}

}  // namespace
}  // namespace gazette::http

namespace gazette::http {
namespace {

TEST(StaticAssetsFromMemoryTest, GivesTheSameUrlsAsTheSameFilesOnDisk) {
  base::testing::TempDir dir("gazette-assets-");
  std::ofstream(dir.path() / "admin.css", std::ios::binary) << "main { margin: 0 }";
  auto on_disk = StaticAssets::Load(dir.path().string(), "/admin/assets/");
  ASSERT_TRUE(on_disk.has_value());

  const StaticAssets::MemoryFile files[] = {{"admin.css", "main { margin: 0 }"}};
  auto in_memory = StaticAssets::FromMemory(files, "/admin/assets/");
  const std::optional<std::string> url = in_memory->UrlFor("admin.css");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url, (*on_disk)->UrlFor("admin.css"));
  EXPECT_TRUE(url->starts_with("/admin/assets/admin."));

  Request request;
  request.target = request.path = *url;
  Response response = in_memory->Serve(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "main { margin: 0 }");
  EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
}

}  // namespace
}  // namespace gazette::http
