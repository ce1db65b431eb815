// Rows of the PostgreSQL store as domain values: the column lists its queries select, the readers
// that turn one row of a result into a content:: value, and helpers over whole results.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "content/media.h"
#include "content/model.h"
#include "content/user.h"
#include "store/postgres/pg_connection.h"

namespace gazette::store::postgres {

// Each reader expects the columns of its list, in that order, starting at column 0.
inline constexpr std::string_view kSectionColumns = "id, slug, name, kind, position, description";
inline constexpr std::string_view kAuthorColumns = "id, slug, name, bio, user_id";
inline constexpr std::string_view kPartnerColumns =
    "id, slug, name, url, feed_url, credit, description";
inline constexpr std::string_view kTagColumns = "id, slug, name";
// An article without its bodies, from the table aliased "a".
inline constexpr std::string_view kArticleColumns =
    "a.id, a.slug, a.title, a.dek, a.status, a.section_id, a.partner_id, a.original_url, "
    "a.published_at, a.updated_at, a.word_count, a.lead_image_id, a.lead_image_alt, "
    "a.created_by, a.version";
// An article with its bodies, from the table aliased "a" joined with kArticleBodyJoin. An article
// missing its body row reads with empty bodies.
inline const std::string kArticleColumnsWithBody =
    std::string(kArticleColumns) + ", coalesce(b.body_md, ''), coalesce(b.body_html, '')";
// Joins an article aliased "a" with its body row, aliased "b" (0009): listings read none.
inline constexpr std::string_view kArticleBodyJoin =
    " LEFT JOIN article_bodies b ON b.article_id = a.id";
inline constexpr std::string_view kRevisionColumns =
    "id, article_id, title, dek, body_md, status, editor_id, created_at";
// An image without its variants.
inline constexpr std::string_view kMediaColumns =
    "id, sha256, original_mime, filename, width, height, uploaded_by, created_at";
// A variant without its bytes; ReadMediaVariant reads the bytes from column 4 when asked.
inline constexpr std::string_view kMediaVariantColumns = "media_id, format, width, height";
inline constexpr std::string_view kUserColumns =
    "id, email, name, role, password_hash, totp_secret, disabled, created_at";
// A session, from the table aliased "s".
inline constexpr std::string_view kSessionColumns =
    "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at";
// A token, from the table aliased "t".
inline constexpr std::string_view kApiTokenColumns =
    "t.id, t.user_id, t.name, t.token_hash, t.created_at, t.last_used_at";

// Errors: Internal when a stored enumeration value is unknown (the schema's CHECKs prevent it).
Result<content::Section> ReadSection(const Rows& rows, int row);
Result<content::Author> ReadAuthor(const Rows& rows, int row);
Result<content::Partner> ReadPartner(const Rows& rows, int row);
Result<content::Tag> ReadTag(const Rows& rows, int row);
Result<content::User> ReadUser(const Rows& rows, int row);
Result<content::Session> ReadSession(const Rows& rows, int row);
Result<content::ApiToken> ReadApiToken(const Rows& rows, int row);
Result<content::Revision> ReadRevision(const Rows& rows, int row);
// variants is left empty.
Result<content::Media> ReadMedia(const Rows& rows, int row);
// The variant's bytes too when `with_bytes` (column 4); column 0, media_id, is not read.
Result<content::MediaVariant> ReadMediaVariant(const Rows& rows, int row, bool with_bytes);
// Reads the bodies too when `with_body`; author_ids and tag_ids are left empty.
Result<content::Article> ReadArticle(const Rows& rows, int row, bool with_body);

// InvalidArgument unless limit is 1..1000 and offset is not negative.
Status CheckPage(int limit, int offset);

// InvalidArgument "no WHAT with id N" unless `exists` (which takes the id as $1) finds a row.
Status RequireRow(Connection& connection, std::string_view exists, int64_t id,
                  std::string_view what);

// Fills author_ids (in byline order) and, when `with_tag_ids`, tag_ids (in the order given) of
// every article, with one query per link table whatever the number of articles.
Status FillArticleLinks(Connection& connection, std::vector<content::Article>& articles,
                        bool with_tag_ids = true);

// The articles of `rows` (selecting kArticleColumns), without bodies, with their links.
Result<std::vector<content::Article>> LoadArticleListing(Connection& connection, const Rows& rows,
                                                         bool with_tag_ids = true);

// A time as stored: whole seconds since the Unix epoch.
inline int64_t UnixSeconds(base::Seconds time) { return time.time_since_epoch().count(); }
base::Seconds FromUnixSeconds(int64_t unix_seconds);

// "SELECT <columns> <rest>": query text from a column list and the rest of the statement.
std::string Select(std::string_view columns, std::string_view rest);

// A PostgreSQL array literal of the ids, "{1,2,3}", bound as one bigint[] value, so that a list
// of any length needs a single prepared statement.
std::string IdArray(std::span<const int64_t> ids);

// The value type of Result<T>.
template <class R>
using ResultValue = typename R::value_type;

// Every row of `rows`, each read by read(const Rows&, int) -> Result<T>.
template <class Reader>
Result<std::vector<ResultValue<std::invoke_result_t<Reader, const Rows&, int>>>> ReadAll(
    const Rows& rows, Reader read) {
  std::vector<ResultValue<std::invoke_result_t<Reader, const Rows&, int>>> values;
  values.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    auto value = read(rows, row);
    if (!value) return base::Unexpected(value.error());
    values.push_back(std::move(*value));
  }
  return values;
}

// The first row of `rows` read by read(const Rows&, int) -> Result<T>; NotFound `missing` when
// there is none.
template <class Reader>
std::invoke_result_t<Reader, const Rows&, int> ReadOne(const Rows& rows, Reader read,
                                                       std::string_view missing) {
  if (rows.empty()) return base::NotFoundError(std::string(missing));
  return read(rows, 0);
}

// The rows whose id is in `ids`, in the order of `ids` (an id listed twice gives its row twice);
// ids without a row are skipped. T has a member `id`.
template <class T>
std::vector<T> InOrderOf(std::span<const int64_t> ids, const std::vector<T>& rows) {
  std::unordered_map<int64_t, const T*> by_id;
  for (const T& row : rows) by_id.emplace(row.id, &row);
  std::vector<T> ordered;
  ordered.reserve(ids.size());
  for (int64_t id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) ordered.push_back(*it->second);
  }
  return ordered;
}

}  // namespace gazette::store::postgres
