// Gazette's SQLite schema history: numbered, forward-only SQL migrations embedded from
// migrations/NNNN_name.sql at build time, and the runner that brings a database up to date.
#pragma once

#include <span>
#include <string_view>

#include "base/result.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

struct Migration {
  int version;            // NNNN of the file name
  std::string_view name;  // the file name without ".sql", e.g. "0001_initial"
  std::string_view sql;   // the file's contents
};

// The embedded migrations in order of version: 1, 2, 3, ... without gaps.
std::span<const Migration> EmbeddedMigrations();

// The version a database has once every embedded migration is applied.
int LatestSchemaVersion();

// The highest version recorded in the schema_version table of `db`; 0 if there is no such
// table. Errors as ErrorFromSqlite.
Result<int> CurrentSchemaVersion(Db& db);

// Applies the migrations `db` lacks, in order, each in its own transaction (so migration files
// hold no BEGIN or COMMIT of their own), recording each in schema_version. Safe against another
// process migrating the same file at the same time. Registers on `db` the SQL functions that
// migrations call (gazette_plain_text: content::MarkdownToPlainText).
// Errors: InvalidArgument "database schema version N is newer than this gazette (M)";
// Internal "PATH: not a Gazette database ..." when the file has tables but no schema_version;
// Internal "PATH: migration NNNN_name failed: ..." when a migration's SQL fails (nothing of that
// migration stays); others as ErrorFromSqlite.
Status ApplyMigrations(Db& db);

// ApplyMigrations without the migrations after `version`: for tests that open a database made
// by an older gazette.
Status ApplyMigrationsUpTo(Db& db, int version);

}  // namespace gazette::store::sqlite
