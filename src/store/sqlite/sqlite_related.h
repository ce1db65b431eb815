// Related reading in the SQLite store: working out an article's related list inside a write,
// forgetting it when the article stops being published, and the backfill that migration 0006
// leaves to the store. Private to store/sqlite/.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

// Works out the related list of published article `article_id` from the others' tags and
// indexed text, replacing what was stored, and offers the article to the lists of the articles
// it lists (each keeps its kRelatedKept best). The article first leaves every list it was in.
// REQUIRES: inside a write transaction on `db`, after the article's row, links and search index
// entry are written.
base::Status RefreshRelated(Db& db, int64_t article_id);

// Removes article `article_id`'s own list and takes it out of every other list.
// REQUIRES: inside a write transaction on `db`.
base::Status ForgetRelated(Db& db, int64_t article_id);

// Works out the lists of the articles in related_pending, a few per write transaction, until
// none is left. REQUIRES: no transaction open on `db`, and nobody else writing through it.
base::Status RefreshPendingRelated(Db& db);

}  // namespace gazette::store::sqlite
