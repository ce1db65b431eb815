// What the triggers of migrations 0001, 0004, 0006, 0007 and 0008 derive from new articles (the
// search index, the counts by section, partner, author and tag, the published months), written once
// for a whole batch by CreateArticles (sqlite_bulk_articles.cpp) while the triggers are off.
// Private to store/sqlite/.
#pragma once

#include <cstdint>
#include <span>
#include <string>
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
// InsertSearchRow and AddToCounts stand in for; false when a migration has added, dropped or
// renamed one, and the batch must be written with the triggers on.
base::Result<bool> DerivedRowsCoverTriggers(Db& db);

// The search index row of a published article that was just inserted, links included, with the
// triggers off: the row article_search_update (0006) writes when an article is published, from
// the same expressions, with the title, dek and plain text taken from memory instead of read back
// from the stored row (which would walk the body's overflow pages again).
struct SearchRow {
  int64_t id = 0;
  std::string_view title, dek, body_text;  // the article's, which the row does not outlive
  std::string authors, tags;               // the names of its byline and tags, as indexed
};
base::Result<SearchRow> MakeSearchRow(Db& db, int64_t id, const content::Article& article,
                                      std::string_view body_text);

// Writes `row` to the article_search table of `db`: the database's own, or a bulk load's side
// index (sqlite_bulk_search.h).
base::Status InsertSearchRow(Db& db, const SearchRow& row);

// Adds the batch's articles, inserted with the triggers off with their own status, to the counts
// by section, partner, author and tag and to the published months, as the insert triggers would
// have one by one: one upsert per counted key instead of one per article and link.
base::Status AddToCounts(Db& db, std::span<const content::Article> articles);

}  // namespace gazette::store::sqlite
