#include "store/sqlite/search_rank.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette::store::sqlite {
namespace {

// BM25's parameters, as bm25() has them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Below this many rows the counts are made for every query, as bm25() makes them: they cost little.
constexpr int64_t kKeptFromRows = 10000;
// Past this many kept expressions a connection forgets them all: a bound, not an eviction order.
constexpr size_t kMaxKeptExpressions = 4096;

// The rows holding each phrase of one MATCH expression, counted when the table had `rows`.
struct PhraseRows {
  int64_t rows = 0;
  std::vector<int64_t> holding;
};

// What one connection keeps; used by one thread at a time, as the connection is.
struct Kept {
  std::unordered_map<std::string, PhraseRows> by_expression;
};

// Whether counts made at `counted` rows still serve a table of `rows`.
bool StillServes(int64_t counted, int64_t rows) {
  return rows >= kKeptFromRows && std::llabs(rows - counted) * 100 <= counted;
}

// The statistics of one query, worked out at its first row (FTS5's per-query aux data).
struct QueryStats {
  std::vector<double> idf;  // by phrase
  double average_tokens = 0;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

// The idf of each phrase and the average row length, as bm25() works them out.
void Finish(int64_t rows, int64_t tokens, const std::vector<int64_t>& holding, QueryStats& stats) {
  stats.average_tokens = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  for (int64_t n : holding) {
    const double idf = std::log((static_cast<double>(rows) - static_cast<double>(n) + 0.5) /
                                (static_cast<double>(n) + 0.5));
    stats.idf.push_back(idf <= 0.0 ? 1e-6 : idf);  // floored as bm25() floors it
  }
}

int MakeStats(const Fts5ExtensionApi* api, Fts5Context* fts, Kept& kept, std::string expression,
              QueryStats& stats) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  const int phrases = api->xPhraseCount(fts);

  auto found = kept.by_expression.find(expression);
  if (found == kept.by_expression.end() || !StillServes(found->second.rows, rows) ||
      found->second.holding.size() != static_cast<size_t>(phrases)) {
    PhraseRows counted{.rows = rows, .holding = std::vector<int64_t>(phrases, 0)};
    for (int i = 0; i < phrases && rc == SQLITE_OK; ++i) {
      rc = api->xQueryPhrase(fts, i, &counted.holding[i], CountRow);
    }
    if (rc != SQLITE_OK) return rc;
    if (rows < kKeptFromRows) {
      Finish(rows, tokens, counted.holding, stats);
      return SQLITE_OK;
    }
    if (kept.by_expression.size() >= kMaxKeptExpressions) kept.by_expression.clear();
    found = kept.by_expression.insert_or_assign(std::move(expression), std::move(counted)).first;
  }
  Finish(rows, tokens, found->second.holding, stats);
  return SQLITE_OK;
}

void Rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
          sqlite3_value** argv) {
  if (argc < 1 || sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
    sqlite3_result_error(result, "gazette_rank: the first argument is the MATCH expression", -1);
    return;
  }
  auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0));
  if (stats == nullptr) {
    auto made = std::make_unique<QueryStats>();
    const char* expression = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    int rc = MakeStats(api, fts, *static_cast<Kept*>(api->xUserData(fts)), expression, *made);
    if (rc == SQLITE_OK) {
      stats = made.get();
      rc = api->xSetAuxdata(fts, made.release(),
                            [](void* data) { delete static_cast<QueryStats*>(data); });
    }
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
  }

  // How often each phrase occurs in this row, each occurrence weighted by its column's weight.
  std::vector<double> frequency(stats->idf.size(), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; i < instances && rc == SQLITE_OK; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) break;
    const double weight = column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0;
    frequency[static_cast<size_t>(phrase)] += weight;
  }
  int row_tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &row_tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }

  const double length_norm =
      stats->average_tokens > 0
          ? kK1 * (1 - kB + kB * static_cast<double>(row_tokens) / stats->average_tokens)
          : kK1;
  double score = 0;
  for (size_t i = 0; i < frequency.size(); ++i) {
    score += stats->idf[i] * (frequency[i] * (kK1 + 1)) / (frequency[i] + length_norm);
  }
  sqlite3_result_double(result, -score);
}

// The FTS5 API of connection `db` (the documented way: the pointer fts5(?) hands back).
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

base::Status RegisterSearchRank(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return base::InternalError("this SQLite has no FTS5");
  auto kept = std::make_unique<Kept>();
  const int rc = api->xCreateFunction(api, "gazette_rank", kept.get(), Rank,
                                      [](void* data) { delete static_cast<Kept*>(data); });
  if (rc != SQLITE_OK) {
    return base::InternalError(std::string("cannot register gazette_rank: ") + sqlite3_errstr(rc));
  }
  kept.release();  // owned by the connection now, deleted when it closes
  return base::Ok();
}

}  // namespace gazette::store::sqlite
