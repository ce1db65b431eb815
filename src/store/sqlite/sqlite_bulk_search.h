// The search index of a bulk load (SqliteOptions::bulk_load), built in a file of its own beside
// the database, PATH-bulk-search, through a connection of its own. Tokenizing the articles' text
// for the index is most of a load's work; in the database it would run inside the writer's
// transactions, one batch at a time, while on a connection of its own it runs beside them: one
// thread indexes a batch while another writes the next one. FinishBulkLoad moves the index into
// the database. Private to store/sqlite/.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "base/result.h"
#include "store/sqlite/sqlite_bulk_derived.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

// The side file's path for the database at `path`.
std::string BulkSearchPath(const std::string& path);

// Sets the article_search index of the connection's database up for a bulk load: the database's
// own when it gets no side index, or the side index.
Status SetUpSearchForBulkLoad(Db& db);

class BulkSearchIndex {
 public:
  // The side index of the database `main`, in which article_search is set up for a bulk load;
  // null when the articles are better indexed in `main` itself: when its index already holds
  // articles and no earlier load left a side file. A side file an interrupted load left is kept
  // and added to, so that its articles are not lost from the search.
  // Errors: SQLite's, with the side file's path.
  static Result<std::unique_ptr<BulkSearchIndex>> Open(Db& main);

  // Adds the rows in one transaction: all of them or, on failure, none. Safe for concurrent use.
  Status Add(std::span<const SearchRow> rows);

 private:
  explicit BulkSearchIndex(std::unique_ptr<Db> db) : db_(std::move(db)) {}

  std::mutex mutex_;
  std::unique_ptr<Db> db_;  // GUARDED_BY(mutex_)
};

// Moves the side index of the database `main` into its article_search, merged into one segment,
// and deletes the side file; does nothing when there is none. When main's index holds no
// articles, the side index's tables are copied as they are; otherwise its rows are added to
// main's index one by one. All or nothing: on failure main's index is as it was and the side file
// is kept.
Status MoveInBulkSearchIndex(Db& main);

}  // namespace gazette::store::sqlite
