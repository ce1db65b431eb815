// The media library through the router, signed in for real: uploads of real images (made with
// libvips) stored as WebP and JPEG variants, uploads that are not images or too big refused with
// nothing stored, and the library's thumbnails and details.
#include "admin/media_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vips/vips8>

#include "admin/testing/newsroom_fixture.h"

namespace gazette::admin {
namespace {

using content::ImageFormat;
using testing::Client;
using ::testing::HasSubstr;
using vips::VImage;

constexpr std::string_view kBoundary = "gazette-test-boundary-7Hq";

std::string Encode(const VImage& image, const char* suffix) {
  void* data = nullptr;
  size_t size = 0;
  image.write_to_buffer(suffix, &data, &size);
  std::string bytes(static_cast<const char*>(data), size);
  g_free(data);
  return bytes;
}

// A PNG of `width` x `height` with something in it: a horizontal gradient.
std::string Png(int width, int height) {
  const VImage ramp = (VImage::xyz(width, height)[0] * (255.0 / width)).cast(VIPS_FORMAT_UCHAR);
  return Encode(ramp.bandjoin(ramp).bandjoin(ramp).copy(
                    VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)),
                ".png");
}

class MediaPagesTest : public testing::NewsroomFixture {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("admin_test"), 0); }

  // A browser's multipart upload of `bytes` as file field "image", with the session's token.
  http::Response Upload(const Client& client, const std::string& filename,
                        const std::string& content_type, const std::string& bytes) {
    std::string body;
    body += "--" + std::string(kBoundary) + "\r\n";
    body += "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + client.csrf + "\r\n";
    body += "--" + std::string(kBoundary) + "\r\n";
    body += "Content-Disposition: form-data; name=\"alt\"\r\n\r\nA harbour at dawn\r\n";
    body += "--" + std::string(kBoundary) + "\r\n";
    body += "Content-Disposition: form-data; name=\"image\"; filename=\"" + filename + "\"\r\n";
    body += "Content-Type: " + content_type + "\r\n\r\n" + bytes + "\r\n";
    body += "--" + std::string(kBoundary) + "--\r\n";
    http::Request request = testing::MakeRequest(http::Method::kPost, "/admin/media/");
    request.headers["content-type"] = "multipart/form-data; boundary=" + std::string(kBoundary);
    request.body = std::move(body);
    return client.Send(std::move(request));
  }

  std::vector<content::Media> Stored() { return store().ListMedia(100, 0).value(); }
};

TEST_F(MediaPagesTest, APngBecomesWebpAndJpegVariantsShownInTheLibrary) {
  Client writer = SignIn("writer@example.org");
  http::Response uploaded = Upload(writer, "harbour.png", "image/png", Png(1200, 800));
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;

  const std::vector<content::Media> media = Stored();
  ASSERT_EQ(media.size(), 1u);
  const content::Media& image = media[0];
  EXPECT_EQ(uploaded.Header("Location"),
            "/admin/media/?notice=uploaded#media-" + std::to_string(image.id));
  EXPECT_EQ(image.original_mime, "image/png");
  EXPECT_EQ(image.filename, "harbour.png");
  EXPECT_EQ(image.uploaded_by, contributor_id_);
  EXPECT_EQ(image.created_at, clock().Now());
  int webp = 0;
  int jpeg = 0;
  for (const content::MediaVariant& variant : image.variants) {
    (variant.format == ImageFormat::kWebp ? webp : jpeg) += 1;
  }
  EXPECT_EQ(webp, 3) << "480, 960 and its own 1200 px; 1600 would be an upscale";
  EXPECT_EQ(jpeg, 3);
  EXPECT_TRUE(store().GetMediaVariant(image.id, 960, ImageFormat::kWebp).has_value());

  http::Response library = writer.Get("/admin/media/?notice=uploaded");
  ASSERT_EQ(library.status, 200);
  const std::string id = std::to_string(image.id);
  EXPECT_THAT(library.body,
              HasSubstr("<img class=\"nr-thumb\" src=\"/media/" + id + "/480.jpeg\""));
  EXPECT_THAT(library.body, HasSubstr("id=\"media-" + id + "\""));
  EXPECT_THAT(library.body, HasSubstr("<strong>" + id + "</strong>"));
  EXPECT_THAT(library.body, HasSubstr("1200 × 800"));
  EXPECT_THAT(library.body, HasSubstr("by Wren Writer"));
  EXPECT_THAT(library.body, HasSubstr("The image was uploaded."));
}

TEST_F(MediaPagesTest, TheSameImageTwiceIsStoredOnce) {
  Client writer = SignIn("writer@example.org");
  const std::string png = Png(300, 200);
  EXPECT_EQ(Upload(writer, "a.png", "image/png", png).status, 303);
  EXPECT_EQ(Upload(writer, "b.png", "image/png", png).status, 303);
  EXPECT_EQ(Stored().size(), 1u);
}

TEST_F(MediaPagesTest, AFileThatIsNotAnImageIsRefusedAndNothingIsStored) {
  Client writer = SignIn("writer@example.org");
  http::Response refused =
      Upload(writer, "notes.png", "image/png", "These are notes, not a picture.\n");
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("id=\"image-error\""));
  EXPECT_THAT(refused.body, HasSubstr("JPEG, PNG, WebP or GIF"));
  EXPECT_TRUE(Stored().empty());
}

TEST_F(MediaPagesTest, AnImageWithTooManyPixelsIsRefusedAndNothingIsStored) {
  Client writer = SignIn("writer@example.org");
  const std::string huge = Encode(VImage::black(8000, 6000), ".png");
  http::Response refused = Upload(writer, "huge.png", "image/png", huge);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("8000"));
  EXPECT_TRUE(Stored().empty());
}

TEST_F(MediaPagesTest, AnUploadWithoutAFileIsRefused) {
  Client writer = SignIn("writer@example.org");
  http::Response refused = writer.Post("/admin/media/", {{"alt", "nothing"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("Choose an image file to upload."));
  EXPECT_TRUE(Stored().empty());
}

TEST_F(MediaPagesTest, AnUploadWithoutTheSessionsTokenIsRefused) {
  Client writer = SignIn("writer@example.org");
  Client forged = writer;
  forged.csrf = "not-the-token";
  EXPECT_EQ(Upload(forged, "harbour.png", "image/png", Png(100, 100)).status, 403);
  EXPECT_TRUE(Stored().empty());
}

TEST_F(MediaPagesTest, AnEmptyLibrarySaysSo) {
  http::Response library = SignIn("writer@example.org").Get("/admin/media/");
  ASSERT_EQ(library.status, 200);
  EXPECT_THAT(library.body, HasSubstr("No images yet."));
  EXPECT_THAT(library.body, HasSubstr("enctype=\"multipart/form-data\""));
}

}  // namespace
}  // namespace gazette::admin
