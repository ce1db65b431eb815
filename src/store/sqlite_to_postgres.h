// Moving a whole site from its SQLite file to an empty PostgreSQL database (`gazette migrate-db`):
// every stored row, with its id, so that addresses, revisions and links stay what they were.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace gazette::store {

// How many rows of one table were copied (and then found in the target).
struct CopiedTable {
  std::string name;
  int64_t rows = 0;
};

struct SiteCopyReport {
  std::vector<CopiedTable> tables;  // in the order they were copied
  // Sign-ins are not moved: everyone signs in again on the new database.
  int64_t sessions_dropped = 0;
};

// The tables copied row by row, parents before the rows that refer to them. Every other table of
// the schema is either derived from these by the target's triggers (counts, search index,
// published months), the migration history, or sessions; a test checks that no table of the
// latest schema is left unaccounted for.
extern const std::vector<std::string_view> kCopiedTables;
// The tables not copied, for that test.
extern const std::vector<std::string_view> kDerivedOrDroppedTables;

// Copies the site in the SQLite database at `sqlite_path` into the PostgreSQL database at
// `postgres_url`, in one transaction on the target: it is either all there or not at all. Both
// are first brought to the latest schema. Afterwards each table's rows are counted on both sides
// and the target's kept counts are checked (Store::CheckIntegrity). `progress`, if set, is
// called after each table.
// Errors: Conflict when the target already holds content (nothing is written then); NotFound
// when the SQLite file is missing; Unavailable when PostgreSQL cannot be reached; Internal,
// naming the table, when the two schemas differ or a count does not match after the copy.
base::Result<SiteCopyReport> CopySqliteToPostgres(
    const std::string& sqlite_path, const std::string& postgres_url,
    const std::function<void(const CopiedTable&)>& progress = {});

}  // namespace gazette::store
