#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cstdlib>

namespace gazette::store::postgres {
namespace {

using base::ErrorCode;

// SQLSTATE classes and codes the store tells apart.
constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kForeignKeyViolation = "23503";
constexpr std::string_view kCheckViolation = "23514";
constexpr std::string_view kNotNullViolation = "23502";
constexpr std::string_view kConnectionExceptionClass = "08";
constexpr std::string_view kSerializationFailure = "40001";
constexpr std::string_view kDeadlockDetected = "40P01";

std::string Field(const PGresult* result, int field) {
  const char* value = result == nullptr ? nullptr : PQresultErrorField(result, field);
  return value == nullptr ? "" : value;
}

// libpq's message on one line: its lines (the second one indented by a tab) joined by spaces.
std::string Trimmed(const char* message) {
  std::string text;
  for (const char* c = message == nullptr ? "" : message; *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\t') {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += *c;
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// "HOST:PORT" of a connection URI, with libpq's defaults for what it leaves out.
std::string HostAndPort(const std::string& url) {
  std::string host = "localhost";
  std::string port = "5432";
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (error != nullptr) PQfreemem(error);
  if (options == nullptr) return host + ":" + port;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr || *option->val == '\0') continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "host" || (keyword == "hostaddr" && host == "localhost")) host = option->val;
    if (keyword == "port") port = option->val;
  }
  PQconninfoFree(options);
  return host + ":" + port;
}

}  // namespace

Error ErrorFromResult(const PGresult* result, PGconn* conn, std::string_view where) {
  const std::string state = Field(result, PG_DIAG_SQLSTATE);
  if (state == kUniqueViolation) return Error(ErrorCode::kConflict, "already exists");
  if (state == kForeignKeyViolation) {
    return Error(ErrorCode::kInvalidArgument, "refers to a row that does not exist");
  }
  if (state == kCheckViolation || state == kNotNullViolation) {
    return Error(ErrorCode::kInvalidArgument, "a value is missing or out of range");
  }
  if (PQstatus(conn) == CONNECTION_BAD || state.starts_with(kConnectionExceptionClass)) {
    return Error(ErrorCode::kUnavailable, "lost the connection to the database at " +
                                              std::string(where) + ": " +
                                              Trimmed(PQerrorMessage(conn)));
  }
  std::string message = Field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = Trimmed(PQerrorMessage(conn));
  return Error(ErrorCode::kInternal, std::string(where) + ": " + message);
}

Error WithContext(const Error& error, std::string_view context) {
  return Error(error.code(), std::string(context) + ": " + error.message());
}

int64_t Rows::affected() const {
  const char* tuples = PQcmdTuples(result_.get());
  int64_t count = 0;
  std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), count);
  return count;
}

std::string Rows::Text(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  return std::string(value, PQgetlength(result_.get(), row, column));
}

int64_t Rows::Int(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  int64_t number = 0;
  std::from_chars(value, value + PQgetlength(result_.get(), row, column), number);
  return number;
}

bool Rows::Bool(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

double Rows::Double(int row, int column) const {
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

std::string Rows::Bytea(int row, int column) const {
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &length);
  if (bytes == nullptr) return "";
  std::string value(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return value;
}

std::optional<int64_t> Rows::OptionalInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

std::optional<std::string> Rows::OptionalText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Text(row, column);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  const std::string where = HostAndPort(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return base::UnavailableError("cannot reach the database at " + where);
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string reason = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return base::UnavailableError("cannot reach the database at " + where + ": " + reason);
  }
  // Notices (a NOTICE from CREATE ... IF NOT EXISTS) are not errors: keep them off stderr.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn, where));
}

Connection::~Connection() { PQfinish(conn_); }

Status Connection::Exec(std::string_view sql) {
  auto ran = Check(PQexec(conn_, std::string(sql).c_str()));
  if (!ran) return base::Unexpected(ran.error());
  return base::Ok();
}

Result<Rows> Connection::Check(PGresult* raw) {
  const ExecStatusType status = PQresultStatus(raw);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error error = ErrorFromResult(raw, conn_, where_);
    const std::string state = Field(raw, PG_DIAG_SQLSTATE);
    if (state == kSerializationFailure || state == kDeadlockDetected) lost_a_race_ = true;
    PQclear(raw);
    return base::Unexpected(std::move(error));
  }
  return Rows(raw);
}

Result<Rows> Connection::QueryParams(std::string_view sql, const std::vector<Param>& params) {
  auto it = prepared_.find(std::string(sql));
  if (it == prepared_.end()) {
    const std::string name = "gazette_" + std::to_string(prepared_.size() + 1);
    auto prepared = Check(PQprepare(conn_, name.c_str(), std::string(sql).c_str(),
                                    static_cast<int>(params.size()), nullptr));
    if (!prepared) return prepared;
    it = prepared_.emplace(std::string(sql), name).first;
  }
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  for (const Param& param : params) {
    values.push_back(param.value ? param.value->data() : nullptr);
    lengths.push_back(param.value ? static_cast<int>(param.value->size()) : 0);
    formats.push_back(param.binary ? 1 : 0);
  }
  return Check(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                              values.data(), lengths.data(), formats.data(),
                              /*resultFormat=*/0));
}

bool Connection::InFailedTransaction() const {
  return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

bool Connection::IsBroken() {
  // PQconsumeInput reads what the server sent meanwhile (a FATAL on shutdown, then the end of
  // the stream) without blocking, which is what turns the status bad.
  if (PQstatus(conn_) == CONNECTION_OK) PQconsumeInput(conn_);
  return PQstatus(conn_) != CONNECTION_OK;
}

void Connection::Reset() {
  PQreset(conn_);
  // The server forgot this connection's prepared statements.
  prepared_.clear();
}

}  // namespace gazette::store::postgres
