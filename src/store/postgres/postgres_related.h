// Related reading in the PostgreSQL store: working out an article's related list inside a write,
// and forgetting it when the article stops being published. Private to store/postgres/.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "store/postgres/pg_connection.h"

namespace gazette::store::postgres {

// Works out the related list of published article `article_id`, replacing what was stored, and
// offers the article to the lists of the articles it lists (each keeps its kRelatedKept best).
// The article first leaves every list it was in.
// REQUIRES: inside a write transaction, after the article's row, links and index entry are
// written.
base::Status RefreshRelated(Connection& connection, int64_t article_id);

// Removes article `article_id`'s own list and takes it out of every other list.
// REQUIRES: inside a write transaction.
base::Status ForgetRelated(Connection& connection, int64_t article_id);

// Works out the lists of the articles in related_pending (those published before migration
// 0006), a few per transaction, until none is left. REQUIRES: no transaction open.
base::Status RefreshPendingRelated(Connection& connection);

}  // namespace gazette::store::postgres
