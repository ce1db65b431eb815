#include "media/image_type.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::media {
namespace {

using namespace std::string_view_literals;

TEST(ImageTypeTest, RecognisesEachSignature) {
  EXPECT_EQ(SniffUploadType("\xFF\xD8\xFF\xE0\x00\x10JFIF"sv), UploadType::kJpeg);
  EXPECT_EQ(SniffUploadType("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR"sv), UploadType::kPng);
  EXPECT_EQ(SniffUploadType("RIFF\x24\x00\x00\x00WEBPVP8 "sv), UploadType::kWebp);
  EXPECT_EQ(SniffUploadType("GIF87a\x01\x00"sv), UploadType::kGif);
  EXPECT_EQ(SniffUploadType("GIF89a\x01\x00"sv), UploadType::kGif);
}

TEST(ImageTypeTest, RefusesNearMissesAndOtherFormats) {
  EXPECT_EQ(SniffUploadType(""), std::nullopt);
  EXPECT_EQ(SniffUploadType("\xFF\xD8"sv), std::nullopt);
  EXPECT_EQ(SniffUploadType("\x89PNG\r\n\x1A"sv), std::nullopt);
  EXPECT_EQ(SniffUploadType("\x89PNG\n\n\x1A\n"sv), std::nullopt);  // mangled by a text transfer
  EXPECT_EQ(SniffUploadType("RIFF\x24\x00\x00\x00WAVEfmt "sv), std::nullopt);
  EXPECT_EQ(SniffUploadType("RIFFWEBP"), std::nullopt);
  EXPECT_EQ(SniffUploadType("GIF88a"), std::nullopt);
  EXPECT_EQ(SniffUploadType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), std::nullopt);
  EXPECT_EQ(SniffUploadType("%PDF-1.7"), std::nullopt);
  EXPECT_EQ(SniffUploadType("II*\x00"sv), std::nullopt);  // TIFF
  EXPECT_EQ(SniffUploadType(" \xFF\xD8\xFF"sv), std::nullopt);
}

TEST(ImageTypeTest, MimeTypes) {
  EXPECT_EQ(UploadTypeMimeType(UploadType::kJpeg), "image/jpeg");
  EXPECT_EQ(UploadTypeMimeType(UploadType::kPng), "image/png");
  EXPECT_EQ(UploadTypeMimeType(UploadType::kWebp), "image/webp");
  EXPECT_EQ(UploadTypeMimeType(UploadType::kGif), "image/gif");
}

}  // namespace
}  // namespace gazette::media
