// SqliteStore: uploaded images, one row per distinct upload, with their re-encoded variants.
#include <string>
#include <unordered_map>
#include <utility>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"
#include "store/write_checks.h"

namespace gazette::store::sqlite {
namespace {

using content::Media;
using content::MediaVariant;

// Variants in the order Media promises: by format (as ImageFormat lists them), then width.
constexpr std::string_view kVariantOrder = "ORDER BY media_id, format = 'jpeg', width";

// The id of the stored image with this sha256, if there is one.
Result<std::optional<int64_t>> FindBySha256(Db& db, std::string_view sha256) {
  auto query = db.Prepare("SELECT id FROM media WHERE sha256 = ?");
  if (!query) return base::Unexpected(query.error());
  query->BindAll(sha256);
  auto row = query->Step();
  if (!row) return base::Unexpected(row.error());
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(query->Int(0));
}

Status InsertVariants(Db& db, int64_t media_id, const Media& media) {
  auto insert = db.Prepare(
      "INSERT INTO media_variants (media_id, format, width, height, bytes) VALUES (?, ?, ?, ?, ?)");
  if (!insert) return base::Unexpected(insert.error());
  for (const MediaVariant& variant : media.variants) {
    insert->BindAll(media_id, content::ImageFormatName(variant.format), int64_t{variant.width},
                    int64_t{variant.height});
    insert->BindBlob(5, variant.bytes);
    if (auto ran = insert->Run(); !ran) {
      return base::Unexpected(
          WithContext(ran.error(), "image " + media.sha256 + ", " +
                                       std::string(content::ImageFormatName(variant.format)) +
                                       " variant " + std::to_string(variant.width) + " wide"));
    }
  }
  return base::Ok();
}

// Lists the variants (without bytes) of every image, with one query whatever their number.
Status FillVariants(Db& db, std::vector<Media>& images) {
  if (images.empty()) return base::Ok();
  static const std::string kSql =
      Select(kMediaVariantColumns,
             "FROM media_variants WHERE media_id IN (SELECT value FROM json_each(?)) " +
                 std::string(kVariantOrder));
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Media*> by_id;
  for (Media& media : images) {
    ids.push_back(media.id);
    by_id.emplace(media.id, &media);
  }
  auto query = db.Prepare(kSql);
  if (!query) return base::Unexpected(query.error());
  query->BindAll(JsonIds(ids));
  while (true) {
    auto row = query->Step();
    if (!row) return base::Unexpected(row.error());
    if (!*row) return base::Ok();
    auto variant = ReadMediaVariant(*query, false);
    if (!variant) return base::Unexpected(variant.error());
    by_id.at(query->Int(0))->variants.push_back(std::move(*variant));
  }
}

}  // namespace

Result<int64_t> SqliteStore::CreateMedia(const Media& media) {
  if (auto checked = CheckMedia(media); !checked) return base::Unexpected(checked.error());
  return Write([&media](Db& db) -> Result<int64_t> {
    auto stored = FindBySha256(db, media.sha256);
    if (!stored) return base::Unexpected(stored.error());
    if (*stored) return **stored;
    auto insert = db.Prepare(
        "INSERT INTO media (sha256, original_mime, filename, width, height, uploaded_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(media.sha256, media.original_mime, media.filename, int64_t{media.width},
                    int64_t{media.height}, media.uploaded_by, UnixSeconds(media.created_at));
    if (auto ran = insert->Run(); !ran) {
      return base::Unexpected(WithContext(ran.error(), "image " + media.sha256));
    }
    const int64_t id = db.LastInsertId();
    if (auto added = InsertVariants(db, id, media); !added) return base::Unexpected(added.error());
    return id;
  });
}

Result<Media> SqliteStore::GetMedia(int64_t id) {
  static const std::string kSql = Select(kMediaColumns, "FROM media WHERE id = ?");
  return Read([id](Db& db) -> Result<Media> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    auto media = ReadOne(*query, ReadMedia, "no image with id " + std::to_string(id));
    if (!media) return media;
    std::vector<Media> one{std::move(*media)};
    if (auto filled = FillVariants(db, one); !filled) return base::Unexpected(filled.error());
    return std::move(one.front());
  });
}

Result<MediaVariant> SqliteStore::GetMediaVariant(int64_t media_id, int width,
                                                  content::ImageFormat format) {
  static const std::string kSql =
      Select(std::string(kMediaVariantColumns) + ", bytes",
             "FROM media_variants WHERE media_id = ? AND format = ? AND width = ?");
  return Read([media_id, width, format](Db& db) -> Result<MediaVariant> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(media_id, content::ImageFormatName(format), int64_t{width});
    return ReadOne(
        *query, [](const Statement& row) { return ReadMediaVariant(row, true); },
        "image " + std::to_string(media_id) + " has no " +
            std::string(content::ImageFormatName(format)) + " variant " + std::to_string(width) +
            " wide");
  });
}

Result<std::vector<Media>> SqliteStore::ListMedia(int limit, int offset) {
  if (auto page = CheckPage(limit, offset); !page) return base::Unexpected(page.error());
  static const std::string kSql =
      Select(kMediaColumns, "FROM media ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
  return Read([limit, offset](Db& db) -> Result<std::vector<Media>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(int64_t{limit}, int64_t{offset});
    auto images = ReadAll(*query, ReadMedia);
    if (!images) return images;
    if (auto filled = FillVariants(db, *images); !filled) return base::Unexpected(filled.error());
    return images;
  });
}

}  // namespace gazette::store::sqlite
