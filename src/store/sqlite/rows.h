// Rows of the SQLite store as domain values: the column lists its queries select, the readers
// that turn a row into a content:: value, helpers that step through a query's rows, and the
// checks of references and pages that several tables' writes and listings share.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/result.h"
#include "content/media.h"
#include "content/model.h"
#include "content/user.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

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
// missing its body row (which CheckIntegrity reports) reads with empty bodies.
inline const std::string kArticleColumnsWithBody =
    std::string(kArticleColumns) + ", coalesce(b.body_md, ''), coalesce(b.body_html, '')";
// Joins an article aliased "a" with its body row, aliased "b" (0009): listings read none.
inline constexpr std::string_view kArticleBodyJoin =
    " LEFT JOIN article_bodies b ON b.article_id = a.id";

inline constexpr std::string_view kUserColumns =
    "id, email, name, role, password_hash, totp_secret, disabled, created_at";
// A session, from the table aliased "s".
inline constexpr std::string_view kSessionColumns =
    "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at";
inline constexpr std::string_view kApiTokenColumns =
    "t.id, t.user_id, t.name, t.token_hash, t.created_at, t.last_used_at";
inline constexpr std::string_view kRevisionColumns =
    "id, article_id, title, dek, body_md, status, editor_id, created_at";
// An image without its variants.
inline constexpr std::string_view kMediaColumns =
    "id, sha256, original_mime, filename, width, height, uploaded_by, created_at";
// A variant without its bytes; ReadMediaVariant reads the bytes from column 4 when asked.
inline constexpr std::string_view kMediaVariantColumns = "media_id, format, width, height";

// Errors: Internal when a stored enumeration value is unknown (the schema's CHECKs prevent it).
Result<content::Section> ReadSection(const Statement& row);
Result<content::Author> ReadAuthor(const Statement& row);
Result<content::Partner> ReadPartner(const Statement& row);
Result<content::Tag> ReadTag(const Statement& row);
Result<content::User> ReadUser(const Statement& row);
Result<content::Session> ReadSession(const Statement& row);
Result<content::ApiToken> ReadApiToken(const Statement& row);
Result<content::Revision> ReadRevision(const Statement& row);
// variants is left empty.
Result<content::Media> ReadMedia(const Statement& row);
// The variant's bytes too when `with_bytes` (column 4); column 0, media_id, is not read.
Result<content::MediaVariant> ReadMediaVariant(const Statement& row, bool with_bytes);
// Reads the bodies too when `with_body`; author_ids and tag_ids are left empty.
Result<content::Article> ReadArticle(const Statement& row, bool with_body);

// A time as stored: whole seconds since the Unix epoch.
inline int64_t UnixSeconds(base::Seconds time) { return time.time_since_epoch().count(); }

// InvalidArgument unless limit is 1..1000 and offset is not negative.
Status CheckPage(int limit, int offset);

// InvalidArgument "no WHAT with id N" unless `exists` (which takes the id as ?1) finds a row.
Status RequireRow(Db& db, std::string_view exists, int64_t id, std::string_view what);

// Fills author_ids (in byline order) and, when `with_tag_ids`, tag_ids (in the order given) of
// every article.
Status FillArticleLinks(Db& db, std::vector<content::Article>& articles, bool with_tag_ids = true);

// The articles `query` (bound, selecting kArticleColumns) finds, without bodies, with their links.
Result<std::vector<content::Article>> LoadArticleListing(Db& db, Statement& query,
                                                         bool with_tag_ids = true);

// "SELECT <columns> <rest>": query text from a column list and the rest of the statement.
std::string Select(std::string_view columns, std::string_view rest);

// A JSON array of the ids, "[1,2,3]", bound as one value and opened in SQL with json_each(), so
// that a list of any length needs a single prepared statement.
std::string JsonIds(std::span<const int64_t> ids);

// The value type of Result<T>.
template <class R>
using ResultValue = typename R::value_type;

// Every row of `stmt`, each read by read(const Statement&) -> Result<T>.
template <class Reader>
Result<std::vector<ResultValue<std::invoke_result_t<Reader, const Statement&>>>> ReadAll(
    Statement& stmt, Reader read) {
  std::vector<ResultValue<std::invoke_result_t<Reader, const Statement&>>> rows;
  while (true) {
    auto step = stmt.Step();
    if (!step) return base::Unexpected(step.error());
    if (!*step) return rows;
    auto row = read(std::as_const(stmt));
    if (!row) return base::Unexpected(row.error());
    rows.push_back(std::move(*row));
  }
}

// The first row of `stmt` read by read(const Statement&) -> Result<T>; NotFound `missing` when
// there is none.
template <class Reader>
std::invoke_result_t<Reader, const Statement&> ReadOne(Statement& stmt, Reader read,
                                                       std::string_view missing) {
  auto step = stmt.Step();
  if (!step) return base::Unexpected(step.error());
  if (!*step) return base::NotFoundError(std::string(missing));
  return read(std::as_const(stmt));
}

}  // namespace gazette::store::sqlite
