#include "store/sqlite/migrations.h"

#include <string>

#include "base/clock.h"
#include "content/plain_text.h"

namespace gazette::store::sqlite {
namespace {

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT";

Result<bool> HasVersionTable(Db& db) {
  auto exists =
      db.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return base::Unexpected(exists.error());
  return exists->Step();
}

// Whether the database holds any table of its own (SQLite's internal ones aside).
Result<bool> HasTables(Db& db) {
  auto any =
      db.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
  if (!any) return base::Unexpected(any.error());
  return any->Step();
}

// Makes the schema_version table in a new database; refuses a database of some other program.
Status PrepareVersionTable(Db& db) {
  auto tx = Transaction::Begin(db, Transaction::Mode::kWrite);
  if (!tx) return base::Unexpected(tx.error());
  auto versioned = HasVersionTable(db);
  if (!versioned) return base::Unexpected(versioned.error());
  if (!*versioned) {
    auto tables = HasTables(db);
    if (!tables) return base::Unexpected(tables.error());
    if (*tables) {
      return base::InternalError(db.path() +
                                 ": not a Gazette database (it has tables but no schema_version)");
    }
    if (auto made = db.Exec(kCreateVersionTable); !made) return made;
  }
  return tx->Commit();
}

// gazette_plain_text(markdown): content::MarkdownToPlainText, for migrations that fill a column
// from body_md. NULL gives NULL.
void PlainTextFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int size = sqlite3_value_bytes(argv[0]);
  const std::string plain =
      content::MarkdownToPlainText(std::string_view(text == nullptr ? "" : text, size));
  sqlite3_result_text(context, plain.data(), static_cast<int>(plain.size()), SQLITE_TRANSIENT);
}

// The SQL functions the migrations call, on this connection only. SQLITE_DIRECTONLY keeps them
// out of triggers and views, which other connections (without them) would run.
Status RegisterMigrationFunctions(Db& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "gazette_plain_text", 1,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                            nullptr, PlainTextFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return base::Unexpected(ErrorFromSqlite(rc, db.handle(), db.path()));
  return base::Ok();
}

Status RefuseNewer(int current) {
  if (current <= LatestSchemaVersion()) return base::Ok();
  return base::InvalidArgumentError("database schema version " + std::to_string(current) +
                                    " is newer than this gazette (" +
                                    std::to_string(LatestSchemaVersion()) + ")");
}

// Applies one migration unless another process got there first.
Status Apply(Db& db, const Migration& migration) {
  auto tx = Transaction::Begin(db, Transaction::Mode::kWrite);
  if (!tx) return base::Unexpected(tx.error());
  auto current = CurrentSchemaVersion(db);
  if (!current) return base::Unexpected(current.error());
  if (auto newer = RefuseNewer(*current); !newer) return newer;
  if (*current >= migration.version) return base::Ok();

  if (auto ran = db.Exec(migration.sql); !ran) {
    return base::InternalError(db.path() + ": migration " + std::string(migration.name) +
                               " failed: " + ran.error().message());
  }
  auto record =
      db.Prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)");
  if (!record) return base::Unexpected(record.error());
  record->BindAll(int64_t{migration.version}, migration.name,
                  int64_t{base::SystemClock().Now().time_since_epoch().count()});
  if (auto recorded = record->Run(); !recorded) return recorded;
  return tx->Commit();
}

}  // namespace

int LatestSchemaVersion() { return EmbeddedMigrations().back().version; }

Result<int> CurrentSchemaVersion(Db& db) {
  auto exists = HasVersionTable(db);
  if (!exists) return base::Unexpected(exists.error());
  if (!*exists) return 0;
  auto version = db.Prepare("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version) return base::Unexpected(version.error());
  auto row = version->Step();
  if (!row) return base::Unexpected(row.error());
  return static_cast<int>(version->Int(0));
}

Status ApplyMigrations(Db& db) { return ApplyMigrationsUpTo(db, LatestSchemaVersion()); }

Status ApplyMigrationsUpTo(Db& db, int version) {
  if (auto registered = RegisterMigrationFunctions(db); !registered) return registered;
  if (auto prepared = PrepareVersionTable(db); !prepared) return prepared;
  auto current = CurrentSchemaVersion(db);
  if (!current) return base::Unexpected(current.error());
  if (auto newer = RefuseNewer(*current); !newer) return newer;
  for (const Migration& migration : EmbeddedMigrations()) {
    if (migration.version <= *current) continue;
    if (migration.version > version) break;
    if (auto applied = Apply(db, migration); !applied) return applied;
  }
  return base::Ok();
}

}  // namespace gazette::store::sqlite
