// The Store contract for uploaded images: one row per distinct upload (by sha256), variants whose
// bytes come back exactly as stored, listings without bytes, and articles' lead images.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::ImageFormat;
using content::Media;
using content::MediaVariant;

// Bytes no text column would keep: every byte value, NULs included, led by a NUL.
std::string BinaryBytes(char seed) {
  std::string bytes(1, '\0');
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += std::string(3, '\0');
  bytes += seed;
  return bytes;
}

Media NewMedia(const std::string& sha256, int64_t created_at) {
  return {
      .sha256 = sha256,
      .original_mime = "image/png",
      .filename = "harbour-" + sha256 + ".png",
      .width = 1600,
      .height = 900,
      .created_at = At(created_at),
      .variants = {
          {.width = 1600, .height = 900, .format = ImageFormat::kJpeg, .bytes = BinaryBytes('a')},
          {.width = 400, .height = 225, .format = ImageFormat::kJpeg, .bytes = BinaryBytes('b')},
          {.width = 1600, .height = 900, .format = ImageFormat::kWebp, .bytes = BinaryBytes('c')},
          {.width = 400, .height = 225, .format = ImageFormat::kWebp, .bytes = BinaryBytes('d')}}};
}

std::string Sha(char digit) { return std::string(64, digit); }

TEST_P(StoreContractTest, MediaKeepsItsFieldsAndListsVariantsWithoutBytes) {
  const int64_t user = AddUser("ann@example.com");
  Media media = NewMedia(Sha('a'), 1000);
  media.uploaded_by = user;
  const int64_t id = Must(store().CreateMedia(media));

  auto stored = Must(store().GetMedia(id));
  EXPECT_EQ(stored.id, id);
  EXPECT_EQ(stored.sha256, Sha('a'));
  EXPECT_EQ(stored.original_mime, "image/png");
  EXPECT_EQ(stored.filename, "harbour-" + Sha('a') + ".png");
  EXPECT_EQ(stored.width, 1600);
  EXPECT_EQ(stored.height, 900);
  EXPECT_EQ(stored.uploaded_by, user);
  EXPECT_EQ(stored.created_at, At(1000));
  // By format (WebP before JPEG, as ImageFormat lists them), then width ascending.
  ASSERT_EQ(stored.variants.size(), 4u);
  const std::vector<std::pair<ImageFormat, int>> expected = {{ImageFormat::kWebp, 400},
                                                             {ImageFormat::kWebp, 1600},
                                                             {ImageFormat::kJpeg, 400},
                                                             {ImageFormat::kJpeg, 1600}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(stored.variants[i].format, expected[i].first) << i;
    EXPECT_EQ(stored.variants[i].width, expected[i].second) << i;
    EXPECT_EQ(stored.variants[i].height, expected[i].second == 400 ? 225 : 900) << i;
    EXPECT_TRUE(stored.variants[i].bytes.empty()) << i;
  }
  EXPECT_TRUE(FailsWith(store().GetMedia(id + 1), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, VariantBytesComeBackExactly) {
  const int64_t id = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  const std::pair<ImageFormat, int> wanted[] = {{ImageFormat::kJpeg, 1600},
                                                {ImageFormat::kJpeg, 400},
                                                {ImageFormat::kWebp, 1600},
                                                {ImageFormat::kWebp, 400}};
  const char seeds[] = {'a', 'b', 'c', 'd'};
  for (size_t i = 0; i < 4; ++i) {
    auto variant = Must(store().GetMediaVariant(id, wanted[i].second, wanted[i].first));
    EXPECT_EQ(variant.format, wanted[i].first);
    EXPECT_EQ(variant.width, wanted[i].second);
    EXPECT_EQ(variant.bytes.size(), BinaryBytes(seeds[i]).size());
    EXPECT_TRUE(variant.bytes == BinaryBytes(seeds[i])) << "variant " << i << " differs";
  }
  Reopen();
  EXPECT_TRUE(Must(store().GetMediaVariant(id, 400, ImageFormat::kWebp)).bytes == BinaryBytes('d'));
}

TEST_P(StoreContractTest, MissingVariantsAreNotFound) {
  const int64_t id = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  EXPECT_TRUE(
      FailsWith(store().GetMediaVariant(id, 800, ImageFormat::kJpeg), ErrorCode::kNotFound));
  EXPECT_TRUE(
      FailsWith(store().GetMediaVariant(id + 1, 400, ImageFormat::kJpeg), ErrorCode::kNotFound));
  Media webp_only = NewMedia(Sha('b'), 1000);
  webp_only.variants.erase(webp_only.variants.begin(), webp_only.variants.begin() + 2);
  const int64_t other = Must(store().CreateMedia(webp_only));
  EXPECT_TRUE(Succeeds(store().GetMediaVariant(other, 400, ImageFormat::kWebp)));
  EXPECT_TRUE(
      FailsWith(store().GetMediaVariant(other, 400, ImageFormat::kJpeg), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, TheSameUploadIsStoredOnce) {
  const int64_t first = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  Media again = NewMedia(Sha('a'), 2000);
  again.filename = "renamed.png";
  again.variants.resize(1);
  again.variants[0].bytes = "other bytes";
  EXPECT_EQ(Must(store().CreateMedia(again)), first);

  auto stored = Must(store().GetMedia(first));
  EXPECT_EQ(stored.filename, "harbour-" + Sha('a') + ".png");
  EXPECT_EQ(stored.created_at, At(1000));
  EXPECT_EQ(stored.variants.size(), 4u);
  EXPECT_TRUE(Must(store().GetMediaVariant(first, 1600, ImageFormat::kJpeg)).bytes ==
              BinaryBytes('a'));
  EXPECT_EQ(Must(store().ListMedia(10, 0)).size(), 1u);
  EXPECT_NE(Must(store().CreateMedia(NewMedia(Sha('b'), 1000))), first);
}

TEST_P(StoreContractTest, MediaWithoutShaOrVariantsIsRefused) {
  EXPECT_TRUE(FailsWith(store().CreateMedia(NewMedia("", 1000)), ErrorCode::kInvalidArgument));
  Media no_variants = NewMedia(Sha('a'), 1000);
  no_variants.variants.clear();
  EXPECT_TRUE(FailsWith(store().CreateMedia(no_variants), ErrorCode::kInvalidArgument));
  Media twice = NewMedia(Sha('b'), 1000);
  twice.variants.push_back(twice.variants.front());
  EXPECT_TRUE(FailsWith(store().CreateMedia(twice), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().ListMedia(10, 0)).empty());
}

// The image row is written before its variants: a variant the store refuses takes it back.
TEST_P(StoreContractTest, AMediaWriteThatFailsLeavesNothing) {
  Media bad = NewMedia(Sha('a'), 1000);
  bad.variants.back().bytes.clear();
  EXPECT_TRUE(FailsWith(store().CreateMedia(bad), ErrorCode::kInvalidArgument));
  Media unknown_uploader = NewMedia(Sha('b'), 1000);
  unknown_uploader.uploaded_by = 4242;
  EXPECT_TRUE(FailsWith(store().CreateMedia(unknown_uploader), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().ListMedia(10, 0)).empty());

  // Nothing of the failed upload blocks uploading it properly.
  const int64_t id = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  EXPECT_EQ(Must(store().GetMedia(id)).variants.size(), 4u);
}

TEST_P(StoreContractTest, MediaAreListedNewestFirstWithVariantsWithoutBytes) {
  const int64_t old_one = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  const int64_t newest = Must(store().CreateMedia(NewMedia(Sha('b'), 3000)));
  const int64_t tie_low = Must(store().CreateMedia(NewMedia(Sha('c'), 2000)));
  const int64_t tie_high = Must(store().CreateMedia(NewMedia(Sha('d'), 2000)));

  auto listed = Must(store().ListMedia(10, 0));
  std::vector<int64_t> ids;
  for (const Media& media : listed) {
    ids.push_back(media.id);
    EXPECT_EQ(media.variants.size(), 4u);
    for (const MediaVariant& variant : media.variants) EXPECT_TRUE(variant.bytes.empty());
  }
  EXPECT_EQ(ids, (std::vector<int64_t>{newest, tie_high, tie_low, old_one}));
  auto page = Must(store().ListMedia(2, 2));
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, tie_low);
  EXPECT_EQ(page[1].id, old_one);
  EXPECT_TRUE(Must(store().ListMedia(2, 4)).empty());
  EXPECT_TRUE(FailsWith(store().ListMedia(0, 0), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListMedia(10, -1), ErrorCode::kInvalidArgument));
}

TEST_P(StoreContractTest, ArticlesKeepTheirLeadImage) {
  const int64_t section = AddSection("east-asia");
  const int64_t image = Must(store().CreateMedia(NewMedia(Sha('a'), 1000)));
  const int64_t other = Must(store().CreateMedia(NewMedia(Sha('b'), 1000)));
  content::Article article = NewArticle("harbour", section, 1000);
  article.lead_image_id = image;
  article.lead_image_alt = "Container ships in Busan harbour";
  article.id = AddArticle(article);

  auto stored = Must(store().GetArticle(article.id));
  EXPECT_EQ(stored.lead_image_id, image);
  EXPECT_EQ(stored.lead_image_alt, "Container ships in Busan harbour");
  auto listed = Must(store().ListPublished({}));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].lead_image_id, image);
  EXPECT_EQ(listed[0].lead_image_alt, "Container ships in Busan harbour");

  article.lead_image_id = other;
  article.lead_image_alt = "Cranes";
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_EQ(Must(store().GetArticle(article.id)).lead_image_id, other);
  article.lead_image_id.reset();
  article.lead_image_alt.clear();
  ASSERT_TRUE(Succeeds(Save(article)));
  auto cleared = Must(store().ListArticles({}));
  ASSERT_EQ(cleared.size(), 1u);
  EXPECT_EQ(cleared[0].lead_image_id, std::nullopt);
  EXPECT_EQ(cleared[0].lead_image_alt, "");
  EXPECT_EQ(cleared[0].version, 3);
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

}  // namespace
}  // namespace gazette::store
