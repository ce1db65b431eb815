#include "store/sqlite/sqlite_db.h"

#include <cassert>
#include <utility>

#include "base/log.h"

namespace gazette::store::sqlite {

using base::Error;
using base::ErrorCode;

Error ErrorFromSqlite(int rc, sqlite3* db, std::string_view path) {
  const std::string where = std::string(path) + ": ";
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error(ErrorCode::kConflict, "already exists");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error(ErrorCode::kInvalidArgument, "refers to a row that does not exist");
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Error(ErrorCode::kInvalidArgument, "a value is missing or out of range");
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error(ErrorCode::kInternal, where + sqlite3_errstr(rc));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error(ErrorCode::kUnavailable, where + "database is busy");
    case SQLITE_CANTOPEN:
      return Error(ErrorCode::kUnavailable, where + sqlite3_errstr(rc));
    case SQLITE_CONSTRAINT:
      return Error(ErrorCode::kInvalidArgument, "a constraint failed");
    default:
      break;
  }
  // SQLite's own message can quote SQL: it goes to the log for the operator, not to the caller.
  if (db != nullptr) base::LogError(where + sqlite3_errmsg(db));
  return Error(ErrorCode::kInternal, where + sqlite3_errstr(rc));
}

namespace {

std::function<void(std::string_view)>& PrepareObserver() {
  static std::function<void(std::string_view)> observer;
  return observer;
}

}  // namespace

void SetPrepareObserverForTesting(std::function<void(std::string_view sql)> observer) {
  PrepareObserver() = std::move(observer);
}

Error WithContext(const Error& error, std::string_view context) {
  return Error(error.code(), std::string(context) + ": " + error.message());
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_), db_(other.db_), in_use_(other.in_use_), bind_rc_(other.bind_rc_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

void Statement::Remember(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

int Statement::ParameterIndex(std::string_view name) const {
  return sqlite3_bind_parameter_index(stmt_, std::string(name).c_str());
}

void Statement::Bind(int index, int64_t value) {
  Remember(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::Bind(int index, std::string_view value) {
  // A null pointer would bind SQL NULL; an empty string must stay a string.
  const char* data = value.data() != nullptr ? value.data() : "";
  Remember(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::BindBlob(int index, std::string_view bytes) {
  // As for text: a null pointer would bind SQL NULL.
  const char* data = bytes.data() != nullptr ? bytes.data() : "";
  Remember(sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT));
}

void Statement::Bind(int index, std::nullopt_t) { Remember(sqlite3_bind_null(stmt_, index)); }

void Statement::Bind(int index, const std::optional<int64_t>& value) {
  if (value) {
    Bind(index, *value);
  } else {
    Bind(index, std::nullopt);
  }
}

void Statement::Bind(int index, const std::optional<std::string>& value) {
  if (value) {
    Bind(index, std::string_view(*value));
  } else {
    Bind(index, std::nullopt);
  }
}

Result<bool> Statement::Step() {
  if (bind_rc_ != SQLITE_OK) return base::Unexpected(db_->Fail(bind_rc_));
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return base::Unexpected(db_->Fail(rc));
}

Status Statement::Run() {
  Status ran = base::Ok();
  while (true) {
    auto row = Step();
    if (!row) ran = base::Unexpected(row.error());
    if (!row || !*row) break;
  }
  sqlite3_reset(stmt_);
  bind_rc_ = SQLITE_OK;
  return ran;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Blob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  if (blob == nullptr) return {};
  return std::string(static_cast<const char*>(blob),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::optional<int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_EXRESCODE, nullptr);
  // The handle is owned from here on, even when opening failed.
  std::unique_ptr<Db> db(new Db(path, raw));
  if (rc != SQLITE_OK) return base::Unexpected(ErrorFromSqlite(rc, raw, path));
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Db::~Db() = default;

Result<Statement> Db::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(raw);
      return base::Unexpected(Fail(rc));
    }
    if (raw == nullptr) return base::InternalError(path_ + ": empty statement");
    if (PrepareObserver()) PrepareObserver()(sql);
    CachedStatement entry;
    entry.stmt.reset(raw);
    it = cache_.emplace(std::string(sql), std::move(entry)).first;
  }
  assert(!it->second.in_use && "a cached statement is already in use on this connection");
  it->second.in_use = true;
  return Statement(it->second.stmt.get(), this, &it->second.in_use);
}

Status Db::Exec(std::string_view sql) {
  const int rc = sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return base::Unexpected(Fail(rc));
  return base::Ok();
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }

int64_t Db::Changes() const { return sqlite3_changes64(db_.get()); }

Result<Transaction> Transaction::Begin(Db& db, Mode mode) {
  auto begin = db.Prepare(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begin) return base::Unexpected(begin.error());
  if (auto ran = begin->Run(); !ran) return base::Unexpected(ran.error());
  return Transaction(&db);
}

Status Transaction::Commit() {
  auto commit = db_->Prepare("COMMIT");
  if (!commit) return base::Unexpected(commit.error());
  if (auto ran = commit->Run(); !ran) return base::Unexpected(ran.error());
  db_ = nullptr;
  return base::Ok();
}

Transaction::~Transaction() {
  // Some errors (a full disk, an interrupt) already rolled the transaction back.
  if (db_ == nullptr || sqlite3_get_autocommit(db_->handle()) != 0) return;
  if (auto rollback = db_->Prepare("ROLLBACK")) {
    if (!rollback->Run()) base::LogError(db_->path() + ": rollback failed");
  }
}

}  // namespace gazette::store::sqlite
