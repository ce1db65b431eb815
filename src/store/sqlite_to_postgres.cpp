#include "store/sqlite_to_postgres.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::store {

const std::vector<std::string_view> kCopiedTables = {
    "users",
    "sections",
    "authors",
    "partners",
    "tags",
    "media",
    "media_variants",
    "articles",
    "article_bodies",
    "article_authors",
    "article_tags",
    "article_slug_history",
    "article_related",
    "related_pending",
    "revisions",
    "redirects",
    "views_daily",
    "settings",
    "api_tokens",
};

const std::vector<std::string_view> kDerivedOrDroppedTables = {
    // kept by the target's own triggers as the rows above arrive
    "article_counts",
    "author_counts",
    "tag_counts",
    "partner_counts",
    "published_months",
    "article_search",
    // each database's own record of its migrations
    "schema_version",
    // signing in again is the price of moving
    "sessions",
};

namespace {

using base::Result;
using base::Status;

struct Column {
  std::string name;
  bool blob = false;  // bound in binary: a BLOB may hold zero bytes
};

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

base::Error TableError(std::string_view table, const base::Error& error) {
  return base::Error(error.code(), "table " + std::string(table) + ": " + error.message());
}

Result<std::vector<Column>> SqliteColumns(sqlite::Db& db, std::string_view table) {
  auto statement = db.Prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid");
  if (!statement) return base::Unexpected(statement.error());
  statement->BindAll(table);
  std::vector<Column> columns;
  while (true) {
    auto row = statement->Step();
    if (!row) return base::Unexpected(row.error());
    if (!*row) break;
    columns.push_back({statement->Text(0), statement->Text(1) == "BLOB"});
  }
  return columns;
}

Result<std::set<std::string>> PostgresColumns(postgres::Connection& c, std::string_view table) {
  auto rows = c.Query(
      "SELECT column_name FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = $1",
      table);
  if (!rows) return base::Unexpected(rows.error());
  std::set<std::string> names;
  for (int i = 0; i < rows->size(); ++i) names.insert(rows->Text(i, 0));
  return names;
}

// The table's columns, which must be the same on both sides: both are at the latest migration,
// so a difference means the two migration histories disagree.
Result<std::vector<Column>> SharedColumns(sqlite::Db& source, postgres::Connection& target,
                                          std::string_view table) {
  auto columns = SqliteColumns(source, table);
  if (!columns) return base::Unexpected(columns.error());
  auto target_columns = PostgresColumns(target, table);
  if (!target_columns) return base::Unexpected(target_columns.error());
  std::set<std::string> source_names;
  for (const Column& column : *columns) source_names.insert(column.name);
  if (columns->empty() || source_names != *target_columns) {
    return base::InternalError("table " + std::string(table) +
                               " has different columns in SQLite and PostgreSQL");
  }
  return columns;
}

Result<int64_t> SqliteCount(sqlite::Db& db, std::string_view table) {
  auto statement = db.Prepare("SELECT count(*) FROM " + Quoted(table));
  if (!statement) return base::Unexpected(statement.error());
  auto row = statement->Step();
  if (!row) return base::Unexpected(row.error());
  return statement->Int(0);
}

Result<int64_t> PostgresCount(postgres::Connection& c, std::string_view table) {
  auto rows = c.Query("SELECT count(*) FROM " + Quoted(table));
  if (!rows) return base::Unexpected(rows.error());
  return rows->Int(0, 0);
}

// A site is already there if any table that holds what people made has a row.
Status RequireEmpty(postgres::Connection& target) {
  for (std::string_view table : kCopiedTables) {
    auto count = PostgresCount(target, table);
    if (!count) return base::Unexpected(TableError(table, count.error()));
    if (*count > 0) {
      return base::ConflictError("the database at " + target.where() + " already holds a site (" +
                                 std::to_string(*count) + " rows in " + std::string(table) +
                                 "); migrate-db copies into an empty database only");
    }
  }
  return base::Ok();
}

// Rows were inserted with their ids: the next id the target hands out must come after them.
Status AdvanceIdentity(postgres::Connection& target, std::string_view table) {
  auto sequence = target.Query("SELECT pg_get_serial_sequence($1, 'id')", Quoted(table));
  if (!sequence) return base::Unexpected(sequence.error());
  if (sequence->IsNull(0, 0)) return base::Ok();
  auto advanced = target.Query(
      "SELECT setval($1::regclass, max(id)) FROM " + Quoted(table) + " HAVING max(id) IS NOT NULL",
      sequence->Text(0, 0));
  if (!advanced) return base::Unexpected(advanced.error());
  return base::Ok();
}

Result<int64_t> CopyTable(sqlite::Db& source, postgres::Connection& target,
                          std::string_view table) {
  auto columns = SharedColumns(source, target, table);
  if (!columns) return base::Unexpected(columns.error());
  std::string names;
  std::string placeholders;
  for (size_t i = 0; i < columns->size(); ++i) {
    if (i > 0) {
      names += ", ";
      placeholders += ", ";
    }
    names += Quoted((*columns)[i].name);
    placeholders += "$" + std::to_string(i + 1);
  }
  // In any order: ids are copied as they are, and no copied table refers to itself.
  auto select = source.Prepare("SELECT " + names + " FROM " + Quoted(table));
  if (!select) return base::Unexpected(select.error());
  const std::string insert =
      "INSERT INTO " + Quoted(table) + " (" + names + ") VALUES (" + placeholders + ")";
  std::vector<postgres::Param> params(columns->size());
  int64_t copied = 0;
  while (true) {
    auto row = select->Step();
    if (!row) return base::Unexpected(row.error());
    if (!*row) break;
    for (size_t i = 0; i < columns->size(); ++i) {
      const int column = static_cast<int>(i);
      if (select->IsNull(column)) {
        params[i] = {};
      } else if ((*columns)[i].blob) {
        params[i] = {select->Blob(column), true};
      } else {
        params[i] = {select->Text(column)};
      }
    }
    if (auto inserted = target.QueryParams(insert, params); !inserted) {
      return base::Unexpected(inserted.error());
    }
    ++copied;
  }
  const bool has_id = std::any_of(columns->begin(), columns->end(),
                                  [](const Column& column) { return column.name == "id"; });
  if (has_id) {
    if (auto advanced = AdvanceIdentity(target, table); !advanced) {
      return base::Unexpected(advanced.error());
    }
  }
  return copied;
}

// Opening each store brings its schema to the latest migration (and finishes any pending work,
// such as related lists), so that both have the same tables before a row is read.
Status BringToLatestSchema(const std::string& sqlite_path, const std::string& postgres_url) {
  auto source = OpenSqliteStore(sqlite_path, {.create_if_missing = false});
  if (!source) return base::Unexpected(source.error());
  auto target = OpenPostgresStore(postgres_url, {.connections = 1});
  if (!target) return base::Unexpected(target.error());
  return base::Ok();
}

Result<std::map<std::string_view, int64_t>> CountRows(sqlite::Db& source) {
  std::map<std::string_view, int64_t> counts;
  for (std::string_view table : kCopiedTables) {
    auto count = SqliteCount(source, table);
    if (!count) return base::Unexpected(TableError(table, count.error()));
    counts[table] = *count;
  }
  return counts;
}

Status VerifyCounts(postgres::Connection& target,
                    const std::map<std::string_view, int64_t>& expected) {
  for (const auto& [table, rows] : expected) {
    auto count = PostgresCount(target, table);
    if (!count) return base::Unexpected(TableError(table, count.error()));
    if (*count != rows) {
      return base::InternalError("table " + std::string(table) + ": " + std::to_string(rows) +
                                 " rows in SQLite but " + std::to_string(*count) +
                                 " in PostgreSQL after the copy");
    }
  }
  return base::Ok();
}

}  // namespace

Result<SiteCopyReport> CopySqliteToPostgres(
    const std::string& sqlite_path, const std::string& postgres_url,
    const std::function<void(const CopiedTable&)>& progress) {
  if (auto latest = BringToLatestSchema(sqlite_path, postgres_url); !latest) {
    return base::Unexpected(latest.error());
  }
  auto source = sqlite::Db::Open(sqlite_path, SQLITE_OPEN_READONLY);
  if (!source) return base::Unexpected(source.error());
  auto target = postgres::Connection::Open(postgres_url);
  if (!target) return base::Unexpected(target.error());

  // One read transaction on the source: what is copied and what is counted are the same
  // snapshot, even if a server still writes to the file meanwhile.
  auto reading = sqlite::Transaction::Begin(**source, sqlite::Transaction::Mode::kRead);
  if (!reading) return base::Unexpected(reading.error());
  if (auto begun = (*target)->Exec("BEGIN"); !begun) return base::Unexpected(begun.error());
  if (auto empty = RequireEmpty(**target); !empty) {
    return base::Unexpected(empty.error());
  }

  SiteCopyReport report;
  for (std::string_view table : kCopiedTables) {
    auto copied = CopyTable(**source, **target, table);
    if (!copied) return base::Unexpected(TableError(table, copied.error()));
    report.tables.push_back({std::string(table), *copied});
    if (progress) progress(report.tables.back());
  }
  auto sessions = SqliteCount(**source, "sessions");
  if (!sessions) return base::Unexpected(sessions.error());
  report.sessions_dropped = *sessions;

  auto expected = CountRows(**source);
  if (!expected) return base::Unexpected(expected.error());
  if (auto verified = VerifyCounts(**target, *expected); !verified) {
    return base::Unexpected(verified.error());
  }
  if (auto committed = (*target)->Exec("COMMIT"); !committed) {
    return base::Unexpected(committed.error());
  }

  // The counts, search rows and months the triggers made, checked by the store itself.
  auto store = OpenPostgresStore(postgres_url, {.connections = 1});
  if (!store) return base::Unexpected(store.error());
  if (auto intact = (*store)->CheckIntegrity(); !intact) {
    return base::Unexpected(intact.error());
  }
  return report;
}

}  // namespace gazette::store
