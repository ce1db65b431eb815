// PostgresStore: revisions, the earlier states of articles kept on save, and the old addresses
// of imported articles (redirects, migration 0005) with the list of every old address.
#include <string>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

using content::Revision;

constexpr size_t kMaxRedirectPath = 2048;

}  // namespace

Result<int64_t> PostgresStore::CreateRevision(const Revision& revision) {
  return Write([&revision](Connection& c) -> Result<int64_t> {
    const std::string what = "revision of article " + std::to_string(revision.article_id);
    Status checked =
        RequireRow(c, "SELECT 1 FROM articles WHERE id = $1", revision.article_id, "article");
    if (checked && revision.editor_id) {
      checked = RequireRow(c, "SELECT 1 FROM users WHERE id = $1", *revision.editor_id, "user");
    }
    if (!checked) return base::Unexpected(WithContext(checked.error(), what));
    auto inserted = c.Query(
        "INSERT INTO revisions (article_id, title, dek, body_md, status, editor_id, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        revision.article_id, revision.title, revision.dek, revision.body_md,
        content::ArticleStatusName(revision.status), revision.editor_id,
        UnixSeconds(revision.created_at));
    if (!inserted) return base::Unexpected(WithContext(inserted.error(), what));
    return inserted->Int(0, 0);
  });
}

Result<std::vector<Revision>> PostgresStore::ListRevisions(int64_t article_id) {
  static const std::string kSql = Select(
      kRevisionColumns, "FROM revisions WHERE article_id = $1 ORDER BY created_at DESC, id DESC");
  return Read([article_id](Connection& c) -> Result<std::vector<Revision>> {
    auto rows = c.Query(kSql, article_id);
    if (!rows) return base::Unexpected(rows.error());
    return ReadAll(*rows, ReadRevision);
  });
}

Result<Revision> PostgresStore::GetRevision(int64_t id) {
  static const std::string kSql = Select(kRevisionColumns, "FROM revisions WHERE id = $1");
  return Read([id](Connection& c) -> Result<Revision> {
    auto rows = c.Query(kSql, id);
    if (!rows) return base::Unexpected(rows.error());
    return ReadOne(*rows, ReadRevision, "no revision with id " + std::to_string(id));
  });
}

Status PostgresStore::AddRedirect(std::string_view path, int64_t article_id) {
  if (path.empty() || path.front() != '/' || path.size() > kMaxRedirectPath) {
    return base::InvalidArgumentError("a redirect's path begins with '/' and has at most " +
                                      std::to_string(kMaxRedirectPath) + " bytes");
  }
  return Write([path, article_id](Connection& c) -> Status {
    const std::string what = "redirect from '" + std::string(path) + "'";
    if (auto found = RequireRow(c, "SELECT 1 FROM articles WHERE id = $1", article_id, "article");
        !found) {
      return base::Unexpected(WithContext(found.error(), what));
    }
    auto upserted = c.Query(
        "INSERT INTO redirects (path, article_id) VALUES ($1, $2) "
        "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id",
        path, article_id);
    if (!upserted) return base::Unexpected(WithContext(upserted.error(), what));
    return base::Ok();
  });
}

Result<int64_t> PostgresStore::FindRedirect(std::string_view path) {
  return Read([path](Connection& c) -> Result<int64_t> {
    auto rows = c.Query("SELECT article_id FROM redirects WHERE path = $1", path);
    if (!rows) return base::Unexpected(rows.error());
    return ReadOne(
        *rows, [](const Rows& r, int row) -> Result<int64_t> { return r.Int(row, 0); },
        "no redirect from '" + std::string(path) + "'");
  });
}

Result<std::vector<Redirect>> PostgresStore::ListRedirects() {
  return Read([](Connection& c) -> Result<std::vector<Redirect>> {
    auto rows = c.Query(
        "SELECT path, article_id FROM redirects "
        "UNION SELECT '/' || s.slug || '/' || h.slug || '/', h.article_id "
        "FROM article_slug_history h JOIN sections s ON s.id = h.section_id "
        "ORDER BY 1");
    if (!rows) return base::Unexpected(rows.error());
    return ReadAll(*rows, [](const Rows& r, int row) -> Result<Redirect> {
      return Redirect{.path = r.Text(row, 0), .article_id = r.Int(row, 1)};
    });
  });
}

}  // namespace gazette::store::postgres
