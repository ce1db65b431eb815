// SqliteStore: old addresses of imported articles (redirects, migration 0005), and the list of
// every old address for an export.
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

constexpr size_t kMaxRedirectPath = 2048;

}  // namespace

Status SqliteStore::AddRedirect(std::string_view path, int64_t article_id) {
  if (path.empty() || path.front() != '/' || path.size() > kMaxRedirectPath) {
    return base::InvalidArgumentError("a redirect's path begins with '/' and has at most " +
                                      std::to_string(kMaxRedirectPath) + " bytes");
  }
  return Write([path, article_id](Db& db) -> Status {
    const std::string what = "redirect from '" + std::string(path) + "'";
    if (auto found = RequireRow(db, "SELECT 1 FROM articles WHERE id = ?", article_id, "article");
        !found) {
      return base::Unexpected(WithContext(found.error(), what));
    }
    auto upsert = db.Prepare(
        "INSERT INTO redirects (path, article_id) VALUES (?, ?) "
        "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id");
    if (!upsert) return base::Unexpected(upsert.error());
    upsert->BindAll(path, article_id);
    if (auto ran = upsert->Run(); !ran) return base::Unexpected(WithContext(ran.error(), what));
    return base::Ok();
  });
}

Result<int64_t> SqliteStore::FindRedirect(std::string_view path) {
  return Read([path](Db& db) -> Result<int64_t> {
    auto query = db.Prepare("SELECT article_id FROM redirects WHERE path = ?");
    if (!query) return base::Unexpected(query.error());
    query->BindAll(path);
    return ReadOne(
        *query, [](const Statement& row) -> Result<int64_t> { return row.Int(0); },
        "no redirect from '" + std::string(path) + "'");
  });
}

Result<std::vector<Redirect>> SqliteStore::ListRedirects() {
  return Read([](Db& db) -> Result<std::vector<Redirect>> {
    auto query = db.Prepare(
        "SELECT path, article_id FROM redirects "
        "UNION SELECT '/' || s.slug || '/' || h.slug || '/', h.article_id "
        "FROM article_slug_history h JOIN sections s ON s.id = h.section_id "
        "ORDER BY 1");
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, [](const Statement& row) -> Result<Redirect> {
      return Redirect{.path = row.Text(0), .article_id = row.Int(1)};
    });
  });
}

}  // namespace gazette::store::sqlite
