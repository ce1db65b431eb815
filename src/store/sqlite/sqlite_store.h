// The SQLite backend of Store: one file, WAL mode, foreign keys on, prepared statements only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace gazette::store {

struct SqliteOptions {
  // Create the file (and apply all migrations) when it does not exist. Default: false, so that
  // a mistyped path is an error rather than a new empty database.
  bool create_if_missing = false;
  // Read connections kept open for concurrent readers. Default: 4.
  int read_connections = 4;
  // The memory SQLite may keep database pages in for the read connections, shared out equally.
  // On a large archive most of a page's reads are of pages read a moment before (index
  // interiors, the newest articles, the search index's hot terms): with SQLite's default 2 MB
  // each, they are read again from the operating system, a system call each; at a million
  // articles 32 MB per connection took search from 395 to 460 requests a second and the home
  // page from 1,620 to 1,840. Default: 64 MiB.
  int64_t read_cache_bytes = int64_t{64} << 20;
  // For filling a database that nobody else uses yet (gazette bench-data): until the store is
  // closed, the writer keeps its rollback journal in memory instead of WAL, skips fsync and keeps
  // a large page cache, so that a big load writes each page once. The next open is in WAL again. A
  // crash or power loss during the load can corrupt the file: load it again. When the search
  // index holds no articles yet, CreateArticles indexes the articles in a side file beside the
  // database (PATH-bulk-search), on a connection of its own, so that one batch is indexed while
  // the next is written; they are found by search once FinishBulkLoad has moved that index in.
  // The search index also stops merging its segments as it grows, until FinishBulkLoad.
  // Default: false.
  bool bulk_load = false;
};

// Opens the database at `path` and applies any migrations it lacks.
// Errors: NotFound "database not found: PATH" when the file is missing and !create_if_missing;
// Internal "PATH: file is not a database" (or SQLite's own words) when it cannot be used;
// InvalidArgument when its schema is newer than this binary knows.
base::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                     const SqliteOptions& options = {});

// Ends a bulk load of the database at `path`, once the store opened with bulk_load is closed:
// moves the side file's search index in, if there is one (copied as it is when the database's
// own index holds no articles, added to it otherwise), merges the index's segments into one
// (which takes about a tenth of the load's time) and has it merge as it grows again, as it does on
// a database that was never bulk-loaded. A load that was not finished leaves its side file,
// which the next bulk load adds to and the next FinishBulkLoad moves in.
// Errors: NotFound when the file is missing; SQLite's otherwise, with the path of the file at
// fault (the database's index is then as it was, and so is the side file).
base::Status FinishBulkLoad(const std::string& path);

}  // namespace gazette::store
