#include "media/srcset.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::media {
namespace {

using content::ImageFormat;
using content::Media;

// Variants deliberately out of order: BuildPicture must not rely on the store's order.
Media ThreeWidths() {
  Media media;
  media.id = 42;
  media.width = 1600;
  media.height = 900;
  media.variants = {{.width = 960, .height = 540, .format = ImageFormat::kJpeg},
                    {.width = 1600, .height = 900, .format = ImageFormat::kWebp},
                    {.width = 480, .height = 270, .format = ImageFormat::kWebp},
                    {.width = 1600, .height = 900, .format = ImageFormat::kJpeg},
                    {.width = 480, .height = 270, .format = ImageFormat::kJpeg},
                    {.width = 960, .height = 540, .format = ImageFormat::kWebp}};
  return media;
}

TEST(SrcsetTest, VariantUrl) {
  EXPECT_EQ(MediaVariantUrl(7, 480, ImageFormat::kWebp), "/media/7/480.webp");
  EXPECT_EQ(MediaVariantUrl(123456789012, 1600, ImageFormat::kJpeg),
            "/media/123456789012/1600.jpeg");
}

TEST(SrcsetTest, PictureListsEachFormatByWidth) {
  const base::Result<Picture> picture = BuildPicture(ThreeWidths());
  ASSERT_TRUE(picture.has_value()) << picture.error().ToString();
  ASSERT_EQ(picture->sources.size(), 1u);
  EXPECT_EQ(picture->sources[0].type, "image/webp");
  EXPECT_EQ(picture->sources[0].srcset,
            "/media/42/480.webp 480w, /media/42/960.webp 960w, /media/42/1600.webp 1600w");
  EXPECT_EQ(picture->srcset,
            "/media/42/480.jpeg 480w, /media/42/960.jpeg 960w, /media/42/1600.jpeg 1600w");
  EXPECT_EQ(picture->src, "/media/42/1600.jpeg");
  EXPECT_EQ(picture->width, 1600);
  EXPECT_EQ(picture->height, 900);
}

TEST(SrcsetTest, UrlFunctionDecidesTheUrls) {
  const auto on_cdn = [](int64_t id, int width, ImageFormat format) {
    return "https://cdn.example.org" + MediaVariantUrl(id, width, format);
  };
  const base::Result<Picture> picture = BuildPicture(ThreeWidths(), on_cdn);
  ASSERT_TRUE(picture.has_value());
  EXPECT_EQ(picture->src, "https://cdn.example.org/media/42/1600.jpeg");
  EXPECT_EQ(picture->sources[0].srcset.find("https://cdn.example.org/media/42/480.webp 480w"), 0u);
}

TEST(SrcsetTest, SingleVariantPicture) {
  Media media;
  media.id = 3;
  media.variants = {{.width = 300, .height = 200, .format = ImageFormat::kWebp},
                    {.width = 300, .height = 200, .format = ImageFormat::kJpeg}};
  const base::Result<Picture> picture = BuildPicture(media);
  ASSERT_TRUE(picture.has_value());
  EXPECT_EQ(picture->sources[0].srcset, "/media/3/300.webp 300w");
  EXPECT_EQ(picture->srcset, "/media/3/300.jpeg 300w");
  EXPECT_EQ(picture->src, "/media/3/300.jpeg");
  EXPECT_EQ(picture->width, 300);
  EXPECT_EQ(picture->height, 200);
}

TEST(SrcsetTest, WithoutWebpThereIsNoSource) {
  Media media;
  media.id = 5;
  media.variants = {{.width = 480, .height = 320, .format = ImageFormat::kJpeg}};
  const base::Result<Picture> picture = BuildPicture(media);
  ASSERT_TRUE(picture.has_value());
  EXPECT_TRUE(picture->sources.empty());
  EXPECT_EQ(picture->src, "/media/5/480.jpeg");
}

TEST(SrcsetTest, WithoutJpegThereIsNoFallback) {
  Media media;
  media.id = 9;
  media.variants = {{.width = 480, .height = 320, .format = ImageFormat::kWebp}};
  const base::Result<Picture> picture = BuildPicture(media);
  ASSERT_FALSE(picture.has_value());
  EXPECT_EQ(picture.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_FALSE(BuildPicture(Media{}).has_value());
}

}  // namespace
}  // namespace gazette::media
