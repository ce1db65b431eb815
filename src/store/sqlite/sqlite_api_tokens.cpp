// SqliteStore: the API tokens scripts present to the Admin API.
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {

using content::ApiToken;

Result<int64_t> SqliteStore::CreateApiToken(const ApiToken& token) {
  return Write([&token](Db& db) -> Result<int64_t> {
    const std::string what = "API token '" + token.name + "'";
    if (auto user = RequireRow(db, "SELECT 1 FROM users WHERE id = ?", token.user_id, "user");
        !user) {
      return base::Unexpected(WithContext(user.error(), what));
    }
    auto insert = db.Prepare(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    std::optional<int64_t> last_used;
    if (token.last_used_at) last_used = UnixSeconds(*token.last_used_at);
    insert->BindAll(token.user_id, token.name, token.token_hash, UnixSeconds(token.created_at),
                    last_used);
    if (auto ran = insert->Run(); !ran) return base::Unexpected(WithContext(ran.error(), what));
    return db.LastInsertId();
  });
}

Result<std::vector<ApiToken>> SqliteStore::ListApiTokens(int64_t user_id) {
  static const std::string kSql =
      Select(kApiTokenColumns,
             "FROM api_tokens t WHERE t.user_id = ? ORDER BY t.created_at DESC, t.id DESC");
  return Read([user_id](Db& db) -> Result<std::vector<ApiToken>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(user_id);
    return ReadAll(*query, ReadApiToken);
  });
}

Status SqliteStore::DeleteApiToken(int64_t user_id, int64_t token_id) {
  return Write([user_id, token_id](Db& db) -> Status {
    auto remove = db.Prepare("DELETE FROM api_tokens WHERE id = ? AND user_id = ?");
    if (!remove) return base::Unexpected(remove.error());
    remove->BindAll(token_id, user_id);
    if (auto ran = remove->Run(); !ran) return ran;
    if (db.Changes() == 0) {
      return base::NotFoundError("user " + std::to_string(user_id) + " has no API token " +
                                 std::to_string(token_id));
    }
    return base::Ok();
  });
}

Result<ApiToken> SqliteStore::GetApiToken(std::string_view token_hash) {
  static const std::string kSql = Select(kApiTokenColumns,
                                         "FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                         "WHERE t.token_hash = ? AND u.disabled = 0");
  return Read([token_hash](Db& db) -> Result<ApiToken> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(token_hash);
    return ReadOne(*query, ReadApiToken, "no such API token");
  });
}

Status SqliteStore::TouchApiToken(int64_t token_id, base::Seconds at) {
  return Write([token_id, at](Db& db) -> Status {
    auto update = db.Prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(UnixSeconds(at), token_id);
    if (auto ran = update->Run(); !ran) return ran;
    if (db.Changes() == 0) return base::NotFoundError("no API token " + std::to_string(token_id));
    return base::Ok();
  });
}

}  // namespace gazette::store::sqlite
