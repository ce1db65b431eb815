// What the triggers of migrations 0001, 0004, 0006, 0007 and 0008 derive from new articles (the
// search index, the counts by section, partner, author and tag, the published months), written once
// for a whole batch by CreateArticles (sqlite_bulk_articles.cpp) while the triggers are off.
// Private to store/sqlite/.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "base/result.h"
#include "content/model.h"
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
// IndexForSearch and AddToCounts stand in for; false when a migration has added, dropped or renamed
// one, and the batch must be written with the triggers on.
base::Result<bool> DerivedRowsCoverTriggers(Db& db);

// Writes the search index row of a published article that was just inserted, links included,
// with the triggers off: the row article_search_update (0006) writes when an article is
// published, from the same expressions, with the title, dek and plain text bound instead of read
// back from the stored row (which would walk the body's overflow pages again).
base::Status IndexForSearch(Db& db, int64_t id, const content::Article& article,
                            std::string_view body_text);

// Adds the batch's articles, inserted with the triggers off with their own status, to the counts
// by section, partner, author and tag and to the published months, as the insert triggers would
// have one by one: one upsert per counted key instead of one per article and link.
base::Status AddToCounts(Db& db, std::span<const content::Article> articles);

}  // namespace gazette::store::sqlite
