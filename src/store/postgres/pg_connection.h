// One libpq connection to PostgreSQL, with its prepared statements, and the rows a query returns.
// Values travel in PostgreSQL's text format, except bytea parameters, which go as binary. Errors
// are base::Error values mapped from SQLSTATE; no exception leaves this file.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace gazette::store::postgres {

using base::Error;
using base::Result;
using base::Status;

// The error of a failed statement, from its SQLSTATE: unique_violation -> Conflict "already
// exists"; foreign_key_violation -> InvalidArgument "refers to a row that does not exist";
// check and not-null violations -> InvalidArgument "a value is missing or out of range"; a lost
// connection -> Unavailable naming `where`; anything else -> Internal with the server's primary
// message (which never quotes the statement).
Error ErrorFromResult(const PGresult* result, PGconn* conn, std::string_view where);

// `context: message`, keeping the code.
Error WithContext(const Error& error, std::string_view context);

// bytea bytes, bound in binary format (text parameters cannot hold a zero byte).
struct Bytes {
  std::string_view data;
};

// One parameter of a query; nullopt binds NULL.
struct Param {
  std::optional<std::string> value;
  bool binary = false;
};

inline Param ToParam(int64_t v) { return {std::to_string(v)}; }
inline Param ToParam(int v) { return {std::to_string(v)}; }
inline Param ToParam(bool v) { return {v ? "true" : "false"}; }
inline Param ToParam(std::string_view v) { return {std::string(v)}; }
inline Param ToParam(const std::string& v) { return {v}; }
inline Param ToParam(const char* v) { return {std::string(v)}; }
inline Param ToParam(Bytes v) { return {std::string(v.data), true}; }
template <class T>
Param ToParam(const std::optional<T>& v) {
  if (!v) return {};
  return ToParam(*v);
}

// The rows of one statement's result, read by row and column (both from 0). Columns are read in
// the types the statement selects; a NULL reads as 0 or "" unless read as optional.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, PQclear) {}

  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  // Rows an INSERT, UPDATE or DELETE touched.
  int64_t affected() const;

  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string Text(int row, int column) const;
  int64_t Int(int row, int column) const;
  bool Bool(int row, int column) const;
  double Double(int row, int column) const;
  // A bytea column.
  std::string Bytea(int row, int column) const;
  std::optional<int64_t> OptionalInt(int row, int column) const;
  std::optional<std::string> OptionalText(int row, int column) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

// A connection. Not safe for concurrent use: the pool lends it to one thread at a time.
class Connection {
 public:
  // Connects to `url` (a libpq connection URI). Unavailable "cannot reach the database at
  // HOST:PORT: <libpq's reason>" when the server cannot be reached or refuses the login.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements without parameters (migrations, BEGIN, COMMIT).
  Status Exec(std::string_view sql);

  // Runs `sql` (with $1, $2, ... placeholders) as a statement prepared on this connection the
  // first time it is used here.
  template <class... Args>
  Result<Rows> Query(std::string_view sql, const Args&... args) {
    return QueryParams(sql, std::vector<Param>{ToParam(args)...});
  }
  Result<Rows> QueryParams(std::string_view sql, const std::vector<Param>& params);

  // Whether a statement failed, since the last ClearLostRace, only because a concurrent
  // transaction got in its way (a deadlock or serialization failure): the same transaction
  // tried again may well succeed.
  bool LostARace() const { return lost_a_race_; }
  void ClearLostRace() { lost_a_race_ = false; }

  // Whether a statement failed in the open transaction, which then refuses every other until
  // it is rolled back.
  bool InFailedTransaction() const;

  // Whether the connection no longer works: libpq saw it fail, or the server has closed it
  // since (a restart ends every session with a message that is read here without waiting).
  // Reset tries to connect again; the connection stays broken while the server is away.
  bool IsBroken();
  void Reset();

  // "HOST:PORT", for messages.
  const std::string& where() const { return where_; }

 private:
  Connection(PGconn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}

  // The rows of a finished statement, or its error (the result is freed then).
  Result<Rows> Check(PGresult* raw);

  PGconn* conn_;
  std::string where_;
  bool lost_a_race_ = false;
  // Statement text -> name of the statement prepared for it on this connection.
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace gazette::store::postgres
