// PostgresStore: the newsroom's users, their sessions, and the API tokens scripts present.
#include <string>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

using content::ApiToken;
using content::Session;
using content::User;

std::string UserName(std::string_view email) { return "user '" + std::string(email) + "'"; }

// The rows a write touched, or its error naming `what`.
Result<int64_t> Touched(const Result<Rows>& written, std::string_view what) {
  if (!written) return base::Unexpected(WithContext(written.error(), what));
  return written->affected();
}

// NotFound `missing` when a write that must touch a row touched none.
Status TouchedOne(const Result<Rows>& written, std::string_view what, std::string missing) {
  auto touched = Touched(written, what);
  if (!touched) return base::Unexpected(touched.error());
  if (*touched == 0) return base::NotFoundError(std::move(missing));
  return base::Ok();
}

// InvalidArgument "WHAT: no user with id N" unless the user exists.
Status RequireUser(Connection& connection, int64_t user_id, std::string_view what) {
  auto found = connection.Query("SELECT 1 FROM users WHERE id = $1", user_id);
  if (!found) return base::Unexpected(found.error());
  if (found->empty()) {
    return base::InvalidArgumentError(std::string(what) + ": no user with id " +
                                      std::to_string(user_id));
  }
  return base::Ok();
}

}  // namespace

Result<int64_t> PostgresStore::CreateUser(const User& user) {
  return Write([&user](Connection& c) -> Result<int64_t> {
    auto inserted = c.Query(
        "INSERT INTO users (email, name, role, password_hash, totp_secret, disabled, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        user.email, user.name, content::RoleName(user.role), user.password_hash, user.totp_secret,
        user.disabled, UnixSeconds(user.created_at));
    if (!inserted) return base::Unexpected(WithContext(inserted.error(), UserName(user.email)));
    return inserted->Int(0, 0);
  });
}

Result<User> PostgresStore::GetUser(int64_t id) {
  static const std::string kSql = Select(kUserColumns, "FROM users WHERE id = $1");
  return Read([id](Connection& c) -> Result<User> {
    auto query = c.Query(kSql, id);
    if (!query) return base::Unexpected(query.error());
    return ReadOne(*query, ReadUser, "no user with id " + std::to_string(id));
  });
}

Result<User> PostgresStore::GetUserByEmail(std::string_view email) {
  // lower() under the column's "C" collation folds ASCII letters only; users_by_email finds it.
  static const std::string kSql = Select(kUserColumns, "FROM users WHERE lower(email) = lower($1)");
  return Read([email](Connection& c) -> Result<User> {
    auto query = c.Query(kSql, email);
    if (!query) return base::Unexpected(query.error());
    return ReadOne(*query, ReadUser, "no " + UserName(email));
  });
}

Result<std::vector<User>> PostgresStore::ListUsers() {
  static const std::string kSql = Select(kUserColumns, "FROM users ORDER BY lower(email), id");
  return Read([](Connection& c) -> Result<std::vector<User>> {
    auto query = c.Query(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadUser);
  });
}

Status PostgresStore::UpdateUser(const User& user) {
  return Write([&user](Connection& c) -> Status {
    return TouchedOne(c.Query("UPDATE users SET name = $1, role = $2, password_hash = $3, "
                              "totp_secret = $4, disabled = $5 WHERE id = $6",
                              user.name, content::RoleName(user.role), user.password_hash,
                              user.totp_secret, user.disabled, user.id),
                      UserName(user.email), "no user with id " + std::to_string(user.id));
  });
}

Status PostgresStore::CreateSession(const Session& session) {
  return Write([&session](Connection& c) -> Status {
    auto inserted = Touched(
        c.Query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, "
                "last_seen_at) VALUES ($1, $2, $3, $4, $5, $6)",
                session.token_hash, session.user_id, session.csrf_token,
                UnixSeconds(session.created_at), UnixSeconds(session.expires_at),
                UnixSeconds(session.last_seen_at)),
        "session of user " + std::to_string(session.user_id));
    if (!inserted) return base::Unexpected(inserted.error());
    return base::Ok();
  });
}

Result<Session> PostgresStore::GetSession(std::string_view token_hash, base::Seconds now) {
  static const std::string kSql =
      Select(kSessionColumns,
             "FROM sessions s JOIN users u ON u.id = s.user_id "
             "WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled");
  return Read([token_hash, now](Connection& c) -> Result<Session> {
    auto query = c.Query(kSql, token_hash, UnixSeconds(now));
    if (!query) return base::Unexpected(query.error());
    return ReadOne(*query, ReadSession, "no such session");
  });
}

Status PostgresStore::TouchSession(std::string_view token_hash, base::Seconds last_seen_at,
                                   base::Seconds expires_at) {
  return Write([token_hash, last_seen_at, expires_at](Connection& c) -> Status {
    return TouchedOne(
        c.Query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3",
                UnixSeconds(last_seen_at), UnixSeconds(expires_at), token_hash),
        "session", "no such session");
  });
}

Status PostgresStore::DeleteSession(std::string_view token_hash) {
  return Write([token_hash](Connection& c) -> Status {
    auto deleted =
        Touched(c.Query("DELETE FROM sessions WHERE token_hash = $1", token_hash), "session");
    if (!deleted) return base::Unexpected(deleted.error());
    return base::Ok();
  });
}

Result<int64_t> PostgresStore::DeleteUserSessions(int64_t user_id) {
  return Write([user_id](Connection& c) {
    return Touched(c.Query("DELETE FROM sessions WHERE user_id = $1", user_id),
                   "sessions of user " + std::to_string(user_id));
  });
}

Result<int64_t> PostgresStore::DeleteExpiredSessions(base::Seconds now) {
  return Write([now](Connection& c) {
    return Touched(c.Query("DELETE FROM sessions WHERE expires_at <= $1", UnixSeconds(now)),
                   "expired sessions");
  });
}

Result<int64_t> PostgresStore::CreateApiToken(const ApiToken& token) {
  return Write([&token](Connection& c) -> Result<int64_t> {
    const std::string what = "API token '" + token.name + "'";
    if (auto user = RequireUser(c, token.user_id, what); !user) {
      return base::Unexpected(user.error());
    }
    std::optional<int64_t> last_used;
    if (token.last_used_at) last_used = UnixSeconds(*token.last_used_at);
    auto inserted = c.Query(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        token.user_id, token.name, token.token_hash, UnixSeconds(token.created_at), last_used);
    if (!inserted) return base::Unexpected(WithContext(inserted.error(), what));
    return inserted->Int(0, 0);
  });
}

Result<std::vector<ApiToken>> PostgresStore::ListApiTokens(int64_t user_id) {
  static const std::string kSql =
      Select(kApiTokenColumns,
             "FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id DESC");
  return Read([user_id](Connection& c) -> Result<std::vector<ApiToken>> {
    auto query = c.Query(kSql, user_id);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadApiToken);
  });
}

Status PostgresStore::DeleteApiToken(int64_t user_id, int64_t token_id) {
  return Write([user_id, token_id](Connection& c) -> Status {
    return TouchedOne(
        c.Query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2", token_id, user_id),
        "API token",
        "user " + std::to_string(user_id) + " has no API token " + std::to_string(token_id));
  });
}

Result<ApiToken> PostgresStore::GetApiToken(std::string_view token_hash) {
  static const std::string kSql = Select(kApiTokenColumns,
                                         "FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                         "WHERE t.token_hash = $1 AND NOT u.disabled");
  return Read([token_hash](Connection& c) -> Result<ApiToken> {
    auto query = c.Query(kSql, token_hash);
    if (!query) return base::Unexpected(query.error());
    return ReadOne(*query, ReadApiToken, "no such API token");
  });
}

Status PostgresStore::TouchApiToken(int64_t token_id, base::Seconds at) {
  return Write([token_id, at](Connection& c) -> Status {
    return TouchedOne(
        c.Query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", UnixSeconds(at), token_id),
        "API token", "no API token " + std::to_string(token_id));
  });
}

}  // namespace gazette::store::postgres
