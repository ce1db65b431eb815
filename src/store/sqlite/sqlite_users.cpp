// SqliteStore: the newsroom's users and their sessions.
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

using content::Session;
using content::User;

std::string UserName(std::string_view email) { return "user '" + std::string(email) + "'"; }

// Runs a write whose values are already bound, naming `what` in its error.
Status RunNaming(Statement& write, std::string_view what) {
  if (auto ran = write.Run(); !ran) return base::Unexpected(WithContext(ran.error(), what));
  return base::Ok();
}

}  // namespace

Result<int64_t> SqliteStore::CreateUser(const User& user) {
  return Write([&user](Db& db) -> Result<int64_t> {
    auto insert = db.Prepare(
        "INSERT INTO users (email, name, role, password_hash, totp_secret, disabled, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(user.email, user.name, content::RoleName(user.role), user.password_hash,
                    user.totp_secret, int64_t{user.disabled}, UnixSeconds(user.created_at));
    if (auto ran = RunNaming(*insert, UserName(user.email)); !ran) {
      return base::Unexpected(ran.error());
    }
    return db.LastInsertId();
  });
}

Result<User> SqliteStore::GetUser(int64_t id) {
  static const std::string kSql = Select(kUserColumns, "FROM users WHERE id = ?");
  return Read([id](Db& db) -> Result<User> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return ReadOne(*query, ReadUser, "no user with id " + std::to_string(id));
  });
}

Result<User> SqliteStore::GetUserByEmail(std::string_view email) {
  // The column's NOCASE collation applies to the comparison.
  static const std::string kSql = Select(kUserColumns, "FROM users WHERE email = ?");
  return Read([email](Db& db) -> Result<User> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(email);
    return ReadOne(*query, ReadUser, "no " + UserName(email));
  });
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  static const std::string kSql = Select(kUserColumns, "FROM users ORDER BY email, id");
  return Read([](Db& db) -> Result<std::vector<User>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadUser);
  });
}

Status SqliteStore::UpdateUser(const User& user) {
  return Write([&user](Db& db) -> Status {
    auto update = db.Prepare(
        "UPDATE users SET name = ?, role = ?, password_hash = ?, totp_secret = ?, disabled = ? "
        "WHERE id = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(user.name, content::RoleName(user.role), user.password_hash, user.totp_secret,
                    int64_t{user.disabled}, user.id);
    if (auto ran = RunNaming(*update, UserName(user.email)); !ran) return ran;
    if (db.Changes() == 0) return base::NotFoundError("no user with id " + std::to_string(user.id));
    return base::Ok();
  });
}

Status SqliteStore::CreateSession(const Session& session) {
  return Write([&session](Db& db) -> Status {
    auto insert = db.Prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, "
        "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(session.token_hash, session.user_id, session.csrf_token,
                    UnixSeconds(session.created_at), UnixSeconds(session.expires_at),
                    UnixSeconds(session.last_seen_at));
    return RunNaming(*insert, "session of user " + std::to_string(session.user_id));
  });
}

Result<Session> SqliteStore::GetSession(std::string_view token_hash, base::Seconds now) {
  static const std::string kSql =
      Select(kSessionColumns,
             "FROM sessions s JOIN users u ON u.id = s.user_id "
             "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
  return Read([token_hash, now](Db& db) -> Result<Session> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(token_hash, UnixSeconds(now));
    return ReadOne(*query, ReadSession, "no such session");
  });
}

Status SqliteStore::TouchSession(std::string_view token_hash, base::Seconds last_seen_at,
                                 base::Seconds expires_at) {
  return Write([token_hash, last_seen_at, expires_at](Db& db) -> Status {
    auto update =
        db.Prepare("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(UnixSeconds(last_seen_at), UnixSeconds(expires_at), token_hash);
    if (auto ran = RunNaming(*update, "session"); !ran) return ran;
    if (db.Changes() == 0) return base::NotFoundError("no such session");
    return base::Ok();
  });
}

Status SqliteStore::DeleteSession(std::string_view token_hash) {
  return Write([token_hash](Db& db) -> Status {
    auto remove = db.Prepare("DELETE FROM sessions WHERE token_hash = ?");
    if (!remove) return base::Unexpected(remove.error());
    remove->BindAll(token_hash);
    return RunNaming(*remove, "session");
  });
}

Result<int64_t> SqliteStore::DeleteUserSessions(int64_t user_id) {
  return Write([user_id](Db& db) -> Result<int64_t> {
    auto remove = db.Prepare("DELETE FROM sessions WHERE user_id = ?");
    if (!remove) return base::Unexpected(remove.error());
    remove->BindAll(user_id);
    if (auto ran = RunNaming(*remove, "sessions of user " + std::to_string(user_id)); !ran) {
      return base::Unexpected(ran.error());
    }
    return db.Changes();
  });
}

Result<int64_t> SqliteStore::DeleteExpiredSessions(base::Seconds now) {
  return Write([now](Db& db) -> Result<int64_t> {
    auto remove = db.Prepare("DELETE FROM sessions WHERE expires_at <= ?");
    if (!remove) return base::Unexpected(remove.error());
    remove->BindAll(UnixSeconds(now));
    if (auto ran = RunNaming(*remove, "expired sessions"); !ran) {
      return base::Unexpected(ran.error());
    }
    return db.Changes();
  });
}

}  // namespace gazette::store::sqlite
