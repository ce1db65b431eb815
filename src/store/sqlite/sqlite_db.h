// A thin RAII wrapper over the SQLite C API: connections with a prepared-statement cache,
// statements with bind/step/column helpers, transactions, and SQLite errors as base::Error.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.h"

namespace gazette::store::sqlite {

using base::Result;
using base::Status;

// The Error for SQLite result code `rc` (extended codes included) from a connection to `path`:
// SQLITE_NOTADB and SQLITE_CORRUPT are Internal "PATH: file is not a database" (SQLite's words);
// a UNIQUE or PRIMARY KEY violation is Conflict; a FOREIGN KEY, CHECK or NOT NULL violation is
// InvalidArgument; SQLITE_BUSY and SQLITE_LOCKED are Unavailable; SQLITE_CANTOPEN is
// Unavailable; everything else is Internal. Messages never contain SQL. `db` may be null.
base::Error ErrorFromSqlite(int rc, sqlite3* db, std::string_view path);

// An Error with the same code and `context` put in front of its message: "CONTEXT: MESSAGE".
base::Error WithContext(const base::Error& error, std::string_view context);

class Db;

// Test seam: called with the text of every statement any connection prepares for its cache,
// from the preparing thread, so that a test can check the plans of the queries the store makes
// (sqlite_query_plan_test.cpp). Empty (the default): nothing is called. Not for production use;
// set it only while no connection is preparing.
void SetPrepareObserverForTesting(std::function<void(std::string_view sql)> observer);

// One prepared statement borrowed from a Db's cache for the length of a scope. Destroying it
// resets the statement and clears its bindings, which also ends the read it holds open.
// Confined to the thread that uses its Db.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Bind a value to parameter `index` (1-based) or to a named parameter (":name"). A bad index
  // or name is reported by the next Step().
  void Bind(int index, int64_t value);
  void Bind(int index, std::string_view value);
  void Bind(int index, const std::string& value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const char* value) { Bind(index, std::string_view(value)); }
  void Bind(int index, std::nullopt_t);
  void Bind(int index, const std::optional<int64_t>& value);
  void Bind(int index, const std::optional<std::string>& value);
  // Binds `bytes` as a BLOB, not TEXT: any bytes, NUL included, as they are.
  void BindBlob(int index, std::string_view bytes);
  template <class T>
  void Bind(std::string_view name, const T& value) {
    Bind(ParameterIndex(name), value);
  }

  // Binds the arguments to parameters 1, 2, 3, ... in order.
  template <class... Args>
  void BindAll(const Args&... args) {
    int index = 0;
    (Bind(++index, args), ...);
  }

  // Runs the statement to its next row. True when a row is ready to read, false when done.
  Result<bool> Step();
  // Steps until done, ignoring any rows, then resets the statement so that it can be bound and
  // run again (as in a loop of inserts).
  Status Run();

  // Columns of the current row, 0-based. REQUIRES: the last Step() returned true.
  int64_t Int(int column) const;
  std::string Text(int column) const;
  // A BLOB column's bytes (empty for NULL or a zero-length BLOB).
  std::string Blob(int column) const;
  bool IsNull(int column) const;
  std::optional<int64_t> OptionalInt(int column) const;
  std::optional<std::string> OptionalText(int column) const;

 private:
  friend class Db;
  Statement(sqlite3_stmt* stmt, Db* db, bool* in_use) : stmt_(stmt), db_(db), in_use_(in_use) {}
  int ParameterIndex(std::string_view name) const;
  void Remember(int rc);

  sqlite3_stmt* stmt_;  // owned by db_'s cache
  Db* db_;
  bool* in_use_;  // the cache slot's flag, cleared on destruction
  int bind_rc_ = SQLITE_OK;
};

// An open connection to one database file. Movable only by pointer (statements refer to it).
// Not safe for concurrent use: one thread at a time, which the callers arrange.
class Db {
 public:
  // Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_READWRITE, ..._CREATE, ...).
  // Extended result codes are on. Errors as ErrorFromSqlite.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, int flags);

  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // The cached statement for `sql`, preparing it on first use. `sql` holds one statement of
  // constant text: values are bound, never pasted in, so the cache holds one entry per query the
  // code knows. REQUIRES: no other Statement for the same text is alive on this connection.
  Result<Statement> Prepare(std::string_view sql);
  // Runs `sql`, which may hold several statements and has no parameters (pragmas, migrations).
  Status Exec(std::string_view sql);

  int64_t LastInsertId() const;
  // How many rows the last INSERT, UPDATE or DELETE that ran to its end on this connection
  // changed (rows changed by triggers and foreign-key actions not included).
  int64_t Changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }
  // The Error for result code `rc` on this connection.
  base::Error Fail(int rc) const { return ErrorFromSqlite(rc, db_.get(), path_); }

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  struct FinalizeStmt {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  struct CachedStatement {
    std::unique_ptr<sqlite3_stmt, FinalizeStmt> stmt;
    bool in_use = false;
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  Db(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  std::unique_ptr<sqlite3, CloseDb> db_;
  // Declared after db_ so that the statements are finalized before the connection closes.
  std::unordered_map<std::string, CachedStatement, StringHash, std::equal_to<>> cache_;
};

// A transaction on one connection: BEGIN (DEFERRED for reads, IMMEDIATE for writes) on Begin,
// COMMIT on Commit, ROLLBACK when destroyed uncommitted. Confined to its connection's thread.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  static Result<Transaction> Begin(Db& db, Mode mode);

  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;  // null once committed or moved from
};

}  // namespace gazette::store::sqlite
