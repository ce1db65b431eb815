// Gazette's PostgreSQL schema history: the same numbered, forward-only migrations as SQLite's
// (same numbers and names, translated), embedded from migrations/NNNN_name.sql at build time, and
// the runner that brings a database up to date.
#pragma once

#include <span>
#include <string_view>

#include "base/result.h"
#include "store/postgres/pg_connection.h"

namespace gazette::store::postgres {

struct Migration {
  int version;            // NNNN of the file name
  std::string_view name;  // the file name without ".sql", e.g. "0001_initial"
  std::string_view sql;   // the file's contents
};

// The embedded migrations in order of version: 1, 2, 3, ... without gaps.
std::span<const Migration> EmbeddedMigrations();

// The version a database has once every embedded migration is applied.
int LatestSchemaVersion();

// The highest version recorded in the schema_version table; 0 if there is no such table.
Result<int> CurrentSchemaVersion(Connection& connection);

// Applies the migrations the database lacks, in order, each in its own transaction (so migration
// files hold no BEGIN or COMMIT of their own), recording each in schema_version. Several nodes
// starting together migrate once: the runner holds an advisory lock while it works, and the
// others wait for it and then find nothing left to do. Migration 0006 is followed, in its
// transaction, by filling articles.body_text with content::MarkdownToPlainText.
// Errors: InvalidArgument "database schema version N is newer than this gazette (M)";
// Internal "HOST:PORT: not a Gazette database ..." when the schema has tables but no
// schema_version; Internal "HOST:PORT: migration NNNN_name failed: ..." when a migration fails
// (nothing of that migration stays); others as ErrorFromResult.
Status ApplyMigrations(Connection& connection);

}  // namespace gazette::store::postgres
