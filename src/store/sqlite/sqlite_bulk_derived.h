// What the triggers of migrations 0001, 0004, 0006 and 0007 derive from new articles (the search
// index, the counts by section, partner, author and tag), written once for a whole batch by
// CreateArticles (sqlite_bulk_articles.cpp) while the triggers are off. Private to store/sqlite/.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

// Turns the connection's triggers off for the life of the guard, and back on when it ends.
// SQLite recompiles the cached statements at their next use, with or without the triggers.
class TriggersOff {
 public:
  explicit TriggersOff(Db& db);
  TriggersOff(const TriggersOff&) = delete;
  TriggersOff& operator=(const TriggersOff&) = delete;
  ~TriggersOff();

 private:
  Db& db_;
};

// True when the triggers on the tables a new article is written to are exactly the ones that
// WriteDerivedRows stands in for; false when a migration has added, dropped or renamed one, and
// the batch must be written with the triggers on.
base::Result<bool> DerivedRowsCoverTriggers(Db& db);

// Writes what the triggers would have written for the articles with ids first..last, each
// inserted with its final status and its author and tag links with their article's status and
// date: their search index rows (published ones only, with the author and tag names), and the
// counts. REQUIRES: no other article has an id in first..last; the triggers were off while
// they were inserted.
base::Status WriteDerivedRows(Db& db, int64_t first, int64_t last);

}  // namespace gazette::store::sqlite
