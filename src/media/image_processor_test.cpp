#include "media/image_processor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <string>
#include <thread>
#include <vector>
#include <vips/vips8>

#include "media/vips_runtime.h"

namespace gazette::media {
namespace {

using base::ErrorCode;
using content::ImageFormat;
using content::Media;
using content::MediaVariant;
using ::testing::HasSubstr;
using vips::VImage;

class ImageProcessorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(StartVips().has_value()); }
};

// A sRGB picture with something in it (a diagonal gradient), so encoders do real work.
VImage Gradient(int width, int height) {
  const VImage xy = VImage::xyz(width, height);
  const VImage red = xy[0] * (255.0 / width);
  const VImage green = xy[1] * (255.0 / height);
  const VImage blue = (xy[0] + xy[1]) * (255.0 / (width + height));
  return red.bandjoin(green)
      .bandjoin(blue)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

std::string Encode(const VImage& image, const char* suffix, vips::VOption* options = nullptr) {
  void* data = nullptr;
  size_t size = 0;
  image.write_to_buffer(suffix, &data, &size, options);
  std::string bytes(static_cast<const char*>(data), size);
  g_free(data);
  return bytes;
}

// `bytes` decoded whole into memory, so that the image no longer refers to them.
VImage Decode(const std::string& bytes) {
  return VImage::new_from_buffer(bytes.data(), bytes.size(), "").copy_memory();
}

Media Process(std::string_view bytes, const ImageLimits& limits = {}) {
  base::Result<Media> media = ProcessImage(bytes, "upload", limits);
  EXPECT_TRUE(media.has_value()) << media.error().ToString();
  return media.value_or(Media{});
}

void ExpectRefused(std::string_view bytes, std::string_view message_part,
                   const ImageLimits& limits = {}) {
  base::Result<Media> media = ProcessImage(bytes, "upload.jpg", limits);
  ASSERT_FALSE(media.has_value());
  EXPECT_EQ(media.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(media.error().message(), HasSubstr(message_part));
}

bool IsWebp(const std::string& bytes) {
  return bytes.size() > 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP";
}
bool IsJpeg(const std::string& bytes) { return bytes.starts_with("\xFF\xD8\xFF"); }

// Checks every variant against its declared format and size, and returns the decoded images.
std::vector<VImage> DecodeVariants(const Media& media) {
  std::vector<VImage> images;
  for (const MediaVariant& variant : media.variants) {
    EXPECT_TRUE(variant.format == ImageFormat::kWebp ? IsWebp(variant.bytes)
                                                     : IsJpeg(variant.bytes))
        << ImageFormatName(variant.format) << " " << variant.width;
    VImage image = Decode(variant.bytes);
    EXPECT_EQ(image.width(), variant.width);
    EXPECT_EQ(image.height(), variant.height);
    EXPECT_EQ(image.interpretation(), VIPS_INTERPRETATION_sRGB);
    EXPECT_EQ(image.format(), VIPS_FORMAT_UCHAR);
    images.push_back(image);
  }
  return images;
}

struct VariantShape {
  ImageFormat format;
  int width;
  int height;
  bool operator==(const VariantShape&) const = default;
};

std::vector<VariantShape> Shapes(const Media& media) {
  std::vector<VariantShape> shapes;
  for (const MediaVariant& v : media.variants) shapes.push_back({v.format, v.width, v.height});
  return shapes;
}

void PrintTo(const VariantShape& shape, std::ostream* out) {
  *out << ImageFormatName(shape.format) << " " << shape.width << "x" << shape.height;
}

struct AcceptedType {
  const char* suffix;
  const char* mime;
};

class AcceptedTypeTest : public ImageProcessorTest,
                         public ::testing::WithParamInterface<AcceptedType> {};

TEST_P(AcceptedTypeTest, GivesWebpAndJpegAtEveryWidthUpToTheImages) {
  const std::string upload = Encode(Gradient(1000, 200), GetParam().suffix);
  base::Result<Media> media = ProcessImage(upload, "Harbour at dawn.photo", {});
  ASSERT_TRUE(media.has_value()) << media.error().ToString();
  EXPECT_EQ(media->original_mime, GetParam().mime);
  EXPECT_EQ(media->filename, "Harbour at dawn.photo");
  // 1600 is wider than the image: never upscaled, and the image's own width is kept instead.
  EXPECT_EQ(Shapes(*media), (std::vector<VariantShape>{{ImageFormat::kWebp, 480, 96},
                                                       {ImageFormat::kWebp, 960, 192},
                                                       {ImageFormat::kWebp, 1000, 200},
                                                       {ImageFormat::kJpeg, 480, 96},
                                                       {ImageFormat::kJpeg, 960, 192},
                                                       {ImageFormat::kJpeg, 1000, 200}}));
  EXPECT_EQ(media->width, 1000);
  EXPECT_EQ(media->height, 200);
  DecodeVariants(*media);
  for (const MediaVariant& variant : media->variants) EXPECT_NE(variant.bytes, upload);
}

INSTANTIATE_TEST_SUITE_P(EachType, AcceptedTypeTest,
                         ::testing::Values(AcceptedType{".jpg", "image/jpeg"},
                                           AcceptedType{".png", "image/png"},
                                           AcceptedType{".webp", "image/webp"},
                                           AcceptedType{".gif", "image/gif"}),
                         [](const auto& info) { return std::string(info.param.suffix + 1); });

TEST_F(ImageProcessorTest, WideImageGetsEveryWidthAndNoneWiderThanItself) {
  const Media media = Process(Encode(Gradient(1700, 170), ".png"));
  EXPECT_EQ(Shapes(media), (std::vector<VariantShape>{{ImageFormat::kWebp, 480, 48},
                                                      {ImageFormat::kWebp, 960, 96},
                                                      {ImageFormat::kWebp, 1600, 160},
                                                      {ImageFormat::kJpeg, 480, 48},
                                                      {ImageFormat::kJpeg, 960, 96},
                                                      {ImageFormat::kJpeg, 1600, 160}}));
  EXPECT_EQ(media.width, 1600);
  EXPECT_EQ(media.height, 160);
  DecodeVariants(media);
}

TEST_F(ImageProcessorTest, SmallImageGetsOneVariantAtItsOwnWidth) {
  const Media media = Process(Encode(Gradient(300, 200), ".jpg"));
  EXPECT_EQ(Shapes(media), (std::vector<VariantShape>{{ImageFormat::kWebp, 300, 200},
                                                      {ImageFormat::kJpeg, 300, 200}}));
  EXPECT_EQ(media.width, 300);
  EXPECT_EQ(media.height, 200);
  DecodeVariants(media);
}

TEST_F(ImageProcessorTest, WidthsComeFromTheLimits) {
  ImageLimits limits;
  limits.widths = {200, 100, 200, 400};
  const Media media = Process(Encode(Gradient(300, 150), ".png"), limits);
  EXPECT_EQ(Shapes(media), (std::vector<VariantShape>{{ImageFormat::kWebp, 100, 50},
                                                      {ImageFormat::kWebp, 200, 100},
                                                      {ImageFormat::kWebp, 300, 150},
                                                      {ImageFormat::kJpeg, 100, 50},
                                                      {ImageFormat::kJpeg, 200, 100},
                                                      {ImageFormat::kJpeg, 300, 150}}));
}

TEST_F(ImageProcessorTest, TransparencyIsFlattenedOnWhiteInJpegAndKeptInWebp) {
  // Black, fully transparent on the left half, opaque on the right.
  const VImage alpha = (VImage::xyz(64, 32)[0] >= 32).cast(VIPS_FORMAT_UCHAR);
  const VImage rgba = VImage::black(64, 32, VImage::option()->set("bands", 3))
                          .bandjoin(alpha)
                          .cast(VIPS_FORMAT_UCHAR)
                          .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  const Media media = Process(Encode(rgba, ".png"));
  ASSERT_EQ(media.variants.size(), 2u);
  const std::vector<VImage> images = DecodeVariants(media);
  const VImage& webp = images[0];
  const VImage& jpeg = images[1];
  EXPECT_EQ(webp.bands(), 4);
  EXPECT_EQ(webp.getpoint(4, 16)[3], 0);
  EXPECT_EQ(jpeg.bands(), 3);
  for (double channel : jpeg.getpoint(4, 16)) EXPECT_GE(channel, 250) << "not flattened on white";
  for (double channel : jpeg.getpoint(60, 16)) EXPECT_LE(channel, 5) << "opaque black lost";
}

TEST_F(ImageProcessorTest, ExifOrientationIsAppliedAndMetadataStripped) {
  // White on the left, black on the right, stored with orientation 6: a viewer turns it a
  // quarter clockwise, so the white half ends on top.
  const VImage left = (VImage::xyz(300, 100)[0] < 150).cast(VIPS_FORMAT_UCHAR) * 255;
  VImage stored = left.bandjoin(left)
                      .bandjoin(left)
                      .cast(VIPS_FORMAT_UCHAR)
                      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  stored.set("orientation", 6);
  const std::string upload = Encode(stored, ".jpg");
  const VImage reread = Decode(upload);
  ASSERT_NE(reread.get_typeof("exif-data"), 0u) << "the upload should carry EXIF";
  ASSERT_EQ(reread.get_int("orientation"), 6);

  const Media media = Process(upload);
  EXPECT_EQ(Shapes(media), (std::vector<VariantShape>{{ImageFormat::kWebp, 100, 300},
                                                      {ImageFormat::kJpeg, 100, 300}}));
  EXPECT_EQ(media.width, 100);
  EXPECT_EQ(media.height, 300);
  for (const VImage& image : DecodeVariants(media)) {
    EXPECT_EQ(image.get_typeof("exif-data"), 0u);
    EXPECT_EQ(image.get_typeof("xmp-data"), 0u);
    EXPECT_EQ(image.get_typeof("iptc-data"), 0u);
    EXPECT_EQ(image.get_typeof("icc-profile-data"), 0u);
    EXPECT_GE(image.getpoint(50, 20)[0], 250) << "white should be on top";
    EXPECT_LE(image.getpoint(50, 280)[0], 5) << "black should be at the bottom";
  }
}

TEST_F(ImageProcessorTest, SixteenBitGreyBecomesEightBitSrgb) {
  const VImage grey16 =
      (VImage::xyz(200, 100)[0] * 300)
          .cast(VIPS_FORMAT_USHORT)
          .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_GREY16));
  const std::string upload = Encode(grey16, ".png");
  ASSERT_EQ(Decode(upload).format(), VIPS_FORMAT_USHORT);
  const Media media = Process(upload);
  ASSERT_EQ(media.variants.size(), 2u);
  for (const VImage& image : DecodeVariants(media)) EXPECT_EQ(image.bands(), 3);
}

TEST_F(ImageProcessorTest, AnimatedGifGivesItsFirstFrame) {
  // Two 100x100 frames stacked: white, then black.
  const VImage white_then_black =
      ((VImage::xyz(100, 200)[1] < 100).cast(VIPS_FORMAT_UCHAR) * 255).cast(VIPS_FORMAT_UCHAR);
  VImage frames = white_then_black.bandjoin(white_then_black)
                      .bandjoin(white_then_black)
                      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  frames.set("page-height", 100);
  frames.set("delay", std::vector<int>{100, 100});
  const std::string upload = Encode(frames, ".gif");
  ASSERT_EQ(VImage::new_from_buffer(upload.data(), upload.size(), "n=-1").height(), 200);

  const Media media = Process(upload);
  EXPECT_EQ(Shapes(media), (std::vector<VariantShape>{{ImageFormat::kWebp, 100, 100},
                                                      {ImageFormat::kJpeg, 100, 100}}));
  for (const VImage& image : DecodeVariants(media)) EXPECT_GE(image.getpoint(50, 50)[0], 250);
}

constexpr std::string_view kNotAccepted = "Upload a JPEG, PNG, WebP or GIF image";
constexpr std::string_view kDamaged = "damaged or incomplete";

TEST_F(ImageProcessorTest, RefusesText) {
  ExpectRefused("Minutes of the editorial meeting, Tuesday.\n", kNotAccepted);
}

TEST_F(ImageProcessorTest, RefusesSvg) {
  ExpectRefused(
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
      "height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
      kNotAccepted);
}

TEST_F(ImageProcessorTest, RefusesHtmlNamedLikeAJpeg) {
  // ExpectRefused names every upload "upload.jpg": the name never decides.
  ExpectRefused("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", kNotAccepted);
}

TEST_F(ImageProcessorTest, RefusesTruncatedJpeg) {
  const std::string jpeg = Encode(Gradient(200, 150), ".jpg");
  ExpectRefused(std::string_view(jpeg).substr(0, jpeg.size() / 2), kDamaged);
  // Cut inside the header: not even the dimensions can be read.
  ExpectRefused(std::string_view(jpeg).substr(0, 40), kDamaged);
}

TEST_F(ImageProcessorTest, RefusesTruncatedPng) {
  const std::string png = Encode(Gradient(200, 150), ".png");
  ExpectRefused(std::string_view(png).substr(0, png.size() / 2), kDamaged);
}

TEST_F(ImageProcessorTest, RefusesGarbageBehindAnImageSignature) {
  std::string fake = "\xFF\xD8\xFF\xE0";
  fake.append(2000, '\x5A');
  ExpectRefused(fake, kDamaged);
}

TEST_F(ImageProcessorTest, RefusesEmptyUpload) { ExpectRefused("", "The file is empty"); }

TEST_F(ImageProcessorTest, RefusesOversizeUploadSayingBothSizes) {
  // The size is checked first: the content does not matter.
  std::string upload = "\xFF\xD8\xFF";
  upload.resize(10 * 1024 * 1024 + 1, 'x');
  ExpectRefused(upload, "The file is 10.1 MB, larger than the 10 MB limit");

  ImageLimits limits;
  limits.max_bytes = 2 * 1024 * 1024;
  upload.resize(5 * 1024 * 1024);
  ExpectRefused(upload, "The file is 5 MB, larger than the 2 MB limit", limits);
}

TEST_F(ImageProcessorTest, RefusesPixelBombBeforeDecodingIt) {
  // 400 megapixels of one colour: 48 KB on disk, 1.2 GB once decoded.
  const std::string bomb = Encode(VImage::black(20000, 20000), ".png",
                                  VImage::option()->set("bitdepth", 1)->set("compression", 9));
  ASSERT_LT(bomb.size(), 100'000u);
  ExpectRefused(bomb, "The image is 20000 x 20000 pixels, more than the 40 megapixel limit");
}

TEST_F(ImageProcessorTest, PixelLimitIsWidthTimesHeight) {
  const std::string upload = Encode(Gradient(100, 50), ".png");
  ImageLimits limits;
  limits.max_pixels = 5000;
  EXPECT_TRUE(ProcessImage(upload, "at-limit.png", limits).has_value());
  limits.max_pixels = 4999;
  ExpectRefused(upload, "100 x 50 pixels", limits);
}

TEST_F(ImageProcessorTest, Sha256IsTheDigestOfTheUpload) {
  const std::string upload = Encode(Gradient(120, 80), ".png");
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(upload.data()),
                            upload.size());
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());

  const Media media = Process(upload);
  EXPECT_EQ(media.sha256, std::string(hex.data()));
  // The same picture encoded differently is a different upload.
  EXPECT_NE(Process(Encode(Gradient(120, 80), ".jpg")).sha256, media.sha256);
}

TEST_F(ImageProcessorTest, ConcurrentCallsGiveTheSameResults) {
  const std::vector<std::string> uploads = {
      Encode(Gradient(700, 300), ".jpg"), Encode(Gradient(500, 400), ".png"),
      Encode(Gradient(600, 200), ".webp"), Encode(Gradient(300, 300), ".gif"),
      Encode(Gradient(200, 150), ".jpg").substr(0, 600)};
  std::vector<base::Result<Media>> expected;
  for (const std::string& upload : uploads) expected.push_back(ProcessImage(upload, "x", {}));
  ASSERT_FALSE(expected.back().has_value());

  constexpr int kThreads = 4;
  std::vector<std::vector<base::Result<Media>>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread starts at a different upload, so that different work overlaps.
      for (size_t i = 0; i < uploads.size(); ++i) {
        results[t].push_back(ProcessImage(uploads[(i + t) % uploads.size()], "x", {}));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < uploads.size(); ++i) {
      const base::Result<Media>& want = expected[(i + t) % uploads.size()];
      const base::Result<Media>& got = results[t][i];
      ASSERT_EQ(got.has_value(), want.has_value()) << "thread " << t << " upload " << i;
      if (!want) {
        EXPECT_EQ(got.error().code(), want.error().code());
        EXPECT_EQ(got.error().message(), want.error().message());
        continue;
      }
      EXPECT_EQ(got->sha256, want->sha256);
      ASSERT_EQ(Shapes(*got), Shapes(*want));
      for (size_t v = 0; v < want->variants.size(); ++v) {
        EXPECT_EQ(got->variants[v].bytes, want->variants[v].bytes)
            << "thread " << t << " upload " << i << " variant " << v;
      }
    }
  }
}

}  // namespace
}  // namespace gazette::media
