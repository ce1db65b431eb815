// gazette_rank: the Okapi BM25 of FTS5's built-in bm25(), with the number of rows holding each
// phrase of a query kept between queries.
//
// bm25() counts those rows anew for every query, walking each phrase's whole list of rows: for a
// common word of a large archive that walk costs more than ranking the candidates themselves, and
// grows with the archive. The counts only weigh the phrases of one query against each other, and
// move slowly, so each connection keeps them per MATCH expression and counts again once the
// table's row count has moved by more than a hundredth (or at all, in a small table) since.
//
//   gazette_rank(article_search, match_expression, weight_1, ..., weight_n)
//
// takes the MATCH expression text it ranks for (the key of the kept counts) and one weight per
// column, as bm25() does, and returns what bm25() returns for the same counts: lower is better.
#pragma once

#include <sqlite3.h>

#include "base/result.h"

namespace gazette::store::sqlite {

// Registers gazette_rank on connection `db`, with counts kept for that connection alone.
base::Status RegisterSearchRank(sqlite3* db);

}  // namespace gazette::store::sqlite
