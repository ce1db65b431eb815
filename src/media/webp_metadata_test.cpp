#include "media/webp_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vips/vips8>

#include "media/vips_runtime.h"

namespace gazette::media {
namespace {

using vips::VImage;

constexpr char kXmp[] =
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>";

class WebpMetadataTest : public ::testing::TestWithParam<int> {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(StartVips().has_value()); }
};

// A WebP with EXIF (an orientation) and XMP, written with libvips' metadata kept.
std::string WebpWithMetadata(int bands) {
  VImage image = (VImage::xyz(40, 20)[0] * 6)
                     .bandjoin(VImage::black(40, 20, VImage::option()->set("bands", bands - 1)))
                     .cast(VIPS_FORMAT_UCHAR)
                     .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
                     .copy_memory();
  image.set("orientation", 3);
  image.set("xmp-data", nullptr, const_cast<char*>(kXmp), sizeof(kXmp) - 1);
  return TakeBlobBytes(image.webpsave_buffer(VImage::option()->set("Q", 90)));
}

VImage Decode(const std::string& bytes) {
  return VImage::new_from_buffer(bytes.data(), bytes.size(), "").copy_memory();
}

TEST_P(WebpMetadataTest, RemovesExifAndXmpAndKeepsThePixels) {
  const std::string original = WebpWithMetadata(GetParam());
  const VImage before = Decode(original);
  ASSERT_NE(before.get_typeof("exif-data"), 0u);
  ASSERT_NE(before.get_typeof("xmp-data"), 0u);

  const base::Result<std::string> stripped = RemoveWebpMetadata(original);
  ASSERT_TRUE(stripped.has_value()) << stripped.error().ToString();
  EXPECT_LT(stripped->size(), original.size());
  const VImage after = Decode(*stripped);
  EXPECT_EQ(after.get_typeof("exif-data"), 0u);
  EXPECT_EQ(after.get_typeof("xmp-data"), 0u);
  EXPECT_EQ(after.get_typeof("icc-profile-data"), 0u);
  ASSERT_EQ(after.width(), before.width());
  ASSERT_EQ(after.height(), before.height());
  ASSERT_EQ(after.bands(), GetParam());
  EXPECT_EQ((after - before).abs().max(), 0.0);
}

INSTANTIATE_TEST_SUITE_P(OpaqueAndTransparent, WebpMetadataTest, ::testing::Values(3, 4));

TEST(WebpMetadataErrorTest, RefusesWhatIsNotWebp) {
  using namespace std::string_view_literals;
  const base::Result<std::string> result = RemoveWebpMetadata("RIFF\x10\0\0\0WEBPnonsense"sv);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::ErrorCode::kInternal);
  EXPECT_FALSE(RemoveWebpMetadata("").has_value());
}

}  // namespace
}  // namespace gazette::media
