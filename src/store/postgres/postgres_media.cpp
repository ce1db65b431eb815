// PostgresStore: uploaded images, one row per distinct upload, with their re-encoded variants.
#include <string>
#include <unordered_map>
#include <utility>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"
#include "store/write_checks.h"

namespace gazette::store::postgres {
namespace {

using content::Media;
using content::MediaVariant;

// Variants in the order Media promises: by format (as ImageFormat lists them), then width.
constexpr std::string_view kVariantOrder = "ORDER BY media_id, format = 'jpeg', width";

Status InsertVariants(Connection& c, int64_t media_id, const Media& media) {
  for (const MediaVariant& variant : media.variants) {
    auto inserted = c.Query(
        "INSERT INTO media_variants (media_id, format, width, height, bytes) "
        "VALUES ($1, $2, $3, $4, $5)",
        media_id, content::ImageFormatName(variant.format), variant.width, variant.height,
        Bytes{variant.bytes});
    if (!inserted) {
      return base::Unexpected(
          WithContext(inserted.error(), "image " + media.sha256 + ", " +
                                            std::string(content::ImageFormatName(variant.format)) +
                                            " variant " + std::to_string(variant.width) + " wide"));
    }
  }
  return base::Ok();
}

// Lists the variants (without bytes) of every image, with one query whatever their number.
Status FillVariants(Connection& c, std::vector<Media>& images) {
  if (images.empty()) return base::Ok();
  static const std::string kSql =
      Select(kMediaVariantColumns, "FROM media_variants WHERE media_id = ANY ($1::bigint[]) " +
                                       std::string(kVariantOrder));
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Media*> by_id;
  for (Media& media : images) {
    ids.push_back(media.id);
    by_id.emplace(media.id, &media);
  }
  auto rows = c.Query(kSql, IdArray(ids));
  if (!rows) return base::Unexpected(rows.error());
  for (int row = 0; row < rows->size(); ++row) {
    auto variant = ReadMediaVariant(*rows, row, /*with_bytes=*/false);
    if (!variant) return base::Unexpected(variant.error());
    by_id.at(rows->Int(row, 0))->variants.push_back(std::move(*variant));
  }
  return base::Ok();
}

}  // namespace

Result<int64_t> PostgresStore::CreateMedia(const Media& media) {
  if (auto checked = CheckMedia(media); !checked) return base::Unexpected(checked.error());
  return Write([&media](Connection& c) -> Result<int64_t> {
    // ON CONFLICT: of two nodes storing the same upload at once, the second waits for the
    // first and then finds its row, as when the upload came earlier.
    auto inserted = c.Query(
        "INSERT INTO media (sha256, original_mime, filename, width, height, uploaded_by, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
        "ON CONFLICT (sha256) DO NOTHING RETURNING id",
        media.sha256, media.original_mime, media.filename, media.width, media.height,
        media.uploaded_by, UnixSeconds(media.created_at));
    if (!inserted) return base::Unexpected(WithContext(inserted.error(), "image " + media.sha256));
    if (inserted->empty()) {
      auto stored = c.Query("SELECT id FROM media WHERE sha256 = $1", media.sha256);
      if (!stored) return base::Unexpected(stored.error());
      return ReadOne(
          *stored, [](const Rows& r, int row) -> Result<int64_t> { return r.Int(row, 0); },
          "no image " + media.sha256);
    }
    const int64_t id = inserted->Int(0, 0);
    if (auto added = InsertVariants(c, id, media); !added) return base::Unexpected(added.error());
    return id;
  });
}

Result<Media> PostgresStore::GetMedia(int64_t id) {
  static const std::string kSql = Select(kMediaColumns, "FROM media WHERE id = $1");
  return Read([id](Connection& c) -> Result<Media> {
    auto rows = c.Query(kSql, id);
    if (!rows) return base::Unexpected(rows.error());
    auto media = ReadOne(*rows, ReadMedia, "no image with id " + std::to_string(id));
    if (!media) return media;
    std::vector<Media> one{std::move(*media)};
    if (auto filled = FillVariants(c, one); !filled) return base::Unexpected(filled.error());
    return std::move(one.front());
  });
}

Result<MediaVariant> PostgresStore::GetMediaVariant(int64_t media_id, int width,
                                                    content::ImageFormat format) {
  static const std::string kSql =
      Select(std::string(kMediaVariantColumns) + ", bytes",
             "FROM media_variants WHERE media_id = $1 AND format = $2 AND width = $3");
  return Read([media_id, width, format](Connection& c) -> Result<MediaVariant> {
    auto rows = c.Query(kSql, media_id, content::ImageFormatName(format), width);
    if (!rows) return base::Unexpected(rows.error());
    return ReadOne(
        *rows, [](const Rows& r, int row) { return ReadMediaVariant(r, row, /*with_bytes=*/true); },
        "image " + std::to_string(media_id) + " has no " +
            std::string(content::ImageFormatName(format)) + " variant " + std::to_string(width) +
            " wide");
  });
}

Result<std::vector<Media>> PostgresStore::ListMedia(int limit, int offset) {
  if (auto page = CheckPage(limit, offset); !page) return base::Unexpected(page.error());
  static const std::string kSql =
      Select(kMediaColumns, "FROM media ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2");
  return Read([limit, offset](Connection& c) -> Result<std::vector<Media>> {
    auto rows = c.Query(kSql, limit, offset);
    if (!rows) return base::Unexpected(rows.error());
    auto images = ReadAll(*rows, ReadMedia);
    if (!images) return images;
    if (auto filled = FillVariants(c, *images); !filled) return base::Unexpected(filled.error());
    return images;
  });
}

}  // namespace gazette::store::postgres
