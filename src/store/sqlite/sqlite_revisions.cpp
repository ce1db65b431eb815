// SqliteStore: revisions, the earlier states of articles kept on save.
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {

using content::Revision;

Result<int64_t> SqliteStore::CreateRevision(const Revision& revision) {
  return Write([&revision](Db& db) -> Result<int64_t> {
    const std::string what = "revision of article " + std::to_string(revision.article_id);
    Status checked =
        RequireRow(db, "SELECT 1 FROM articles WHERE id = ?", revision.article_id, "article");
    if (checked && revision.editor_id) {
      checked = RequireRow(db, "SELECT 1 FROM users WHERE id = ?", *revision.editor_id, "user");
    }
    if (!checked) return base::Unexpected(WithContext(checked.error(), what));
    auto insert = db.Prepare(
        "INSERT INTO revisions (article_id, title, dek, body_md, status, editor_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(revision.article_id, revision.title, revision.dek, revision.body_md,
                    content::ArticleStatusName(revision.status), revision.editor_id,
                    UnixSeconds(revision.created_at));
    if (auto ran = insert->Run(); !ran) return base::Unexpected(WithContext(ran.error(), what));
    return db.LastInsertId();
  });
}

Result<std::vector<Revision>> SqliteStore::ListRevisions(int64_t article_id) {
  static const std::string kSql = Select(
      kRevisionColumns, "FROM revisions WHERE article_id = ? ORDER BY created_at DESC, id DESC");
  return Read([article_id](Db& db) -> Result<std::vector<Revision>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(article_id);
    return ReadAll(*query, ReadRevision);
  });
}

Result<Revision> SqliteStore::GetRevision(int64_t id) {
  static const std::string kSql = Select(kRevisionColumns, "FROM revisions WHERE id = ?");
  return Read([id](Db& db) -> Result<Revision> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return ReadOne(*query, ReadRevision, "no revision with id " + std::to_string(id));
  });
}

}  // namespace gazette::store::sqlite
