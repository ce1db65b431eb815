// PostgresStore: related reading, worked out on publish and kept in article_related (migration
// 0006), and the read of it. The same scoring as the SQLite backend's: shared tags (a rarer tag
// counts more) plus the text match of the article's distinctive words, here ranked by ts_rank.
#include "store/postgres/postgres_related.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"
#include "store/related_words.h"

namespace gazette::store::postgres {
namespace {

constexpr size_t kQueryWords = 24;       // distinctive words asked of the full-text index
constexpr int64_t kTextCandidates = 50;  // best text matches considered
constexpr int64_t kTagCandidates = 200;  // newest articles considered per shared tag
// The best text match scores this much; a tag shared with every published article scores
// log(2) ~ 0.69, one shared with a tenth of them log(11) ~ 2.4.
constexpr double kTextWeight = 1.0;
constexpr double kMillionths = 1e6;    // scores are stored as integers in millionths
constexpr int64_t kPendingBatch = 50;  // backfilled lists per transaction

struct Candidate {
  int64_t id = 0;
  double score = 0;
};

// What the article's related list is worked out from.
struct Source {
  std::string title, dek, body_text;
  std::vector<int64_t> tag_ids;
  std::vector<std::string> tag_names;
};

Result<Source> LoadSource(Connection& c, int64_t id) {
  auto article = c.Query("SELECT a.title, a.dek, coalesce(b.body_text, '') FROM articles a" +
                             std::string(kArticleBodyJoin) + " WHERE a.id = $1",
                         id);
  if (!article) return base::Unexpected(article.error());
  auto source = ReadOne(
      *article,
      [](const Rows& r, int row) -> Result<Source> {
        return Source{.title = r.Text(row, 0), .dek = r.Text(row, 1), .body_text = r.Text(row, 2)};
      },
      "no article with id " + std::to_string(id));
  if (!source) return source;
  auto tags = c.Query(
      "SELECT t.id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = $1 ORDER BY at.position",
      id);
  if (!tags) return base::Unexpected(tags.error());
  for (int row = 0; row < tags->size(); ++row) {
    source->tag_ids.push_back(tags->Int(row, 0));
    source->tag_names.push_back(tags->Text(row, 1));
  }
  return source;
}

// Adds, for every tag of the article, log(1 + published / published with the tag) to the
// newest articles sharing it: a rare tag says more than a common one.
Status AddTagScores(Connection& c, int64_t id, const Source& source,
                    std::unordered_map<int64_t, double>& scores) {
  if (source.tag_ids.empty()) return base::Ok();
  auto total =
      c.Query("SELECT coalesce(sum(count), 0) FROM article_counts WHERE status = 'published'");
  if (!total) return base::Unexpected(total.error());
  const int64_t published = total->Int(0, 0);
  for (int64_t tag : source.tag_ids) {
    auto count = c.Query(
        "SELECT count(*) FROM article_tags WHERE tag_id = $1 AND status = 'published'", tag);
    if (!count) return base::Unexpected(count.error());
    const int64_t with_tag = count->Int(0, 0);
    if (with_tag == 0) continue;
    const double weight =
        std::log(1.0 + static_cast<double>(published) / static_cast<double>(with_tag));
    auto sharing = c.Query(
        "SELECT article_id FROM article_tags WHERE tag_id = $1 AND status = 'published' "
        "AND article_id <> $2 ORDER BY published_at DESC, article_id DESC LIMIT $3",
        tag, id, kTagCandidates);
    if (!sharing) return base::Unexpected(sharing.error());
    for (int row = 0; row < sharing->size(); ++row) scores[sharing->Int(row, 0)] += weight;
  }
  return base::Ok();
}

// A PostgreSQL text[] literal of the words, each quoted so that none is taken apart.
std::string TextArray(const std::vector<std::string>& words) {
  std::string array = "{";
  for (const std::string& word : words) {
    if (array.size() > 1) array += ',';
    array += '"';
    for (char ch : word) {
      if (ch == '"' || ch == '\\') array += '\\';
      array += ch;
    }
    array += '"';
  }
  return array + "}";
}

// Adds the text similarity of the best matches of the article's distinctive words: the best
// gets kTextWeight, the others their rank in proportion. Each word becomes a quoted lexeme of an
// OR query, so that none is an operator; the weights are search's (title, dek, names, body).
Status AddTextScores(Connection& c, int64_t id, const Source& source,
                     std::unordered_map<int64_t, double>& scores) {
  const std::vector<std::string> words = DistinctiveWords({.title = source.title,
                                                           .dek = source.dek,
                                                           .tag_names = source.tag_names,
                                                           .body_text = source.body_text},
                                                          kQueryWords);
  if (words.empty()) return base::Ok();
  auto matches = c.Query(
      "WITH q AS (SELECT to_tsquery('gazette_search', string_agg(quote_literal(w), ' | ')) AS q "
      "  FROM unnest($1::text[]) w) "
      "SELECT s.article_id, ts_rank('{0.1, 0.3, 0.4, 1.0}', s.document, q.q) AS score "
      "FROM article_search s, q WHERE s.document @@ q.q AND s.article_id <> $2 "
      "ORDER BY score DESC, s.article_id DESC LIMIT $3",
      TextArray(words), id, kTextCandidates);
  if (!matches) return base::Unexpected(matches.error());
  double best = 0;
  for (int row = 0; row < matches->size(); ++row) {
    const double score = matches->Double(row, 1);
    if (row == 0) best = score;
    if (score <= 0 || best <= 0) continue;
    scores[matches->Int(row, 0)] += kTextWeight * score / best;
  }
  return base::Ok();
}

// The kRelatedKept best candidates, best first; ties go to the newer id.
std::vector<Candidate> Best(const std::unordered_map<int64_t, double>& scores) {
  std::vector<Candidate> ranked;
  ranked.reserve(scores.size());
  for (const auto& [id, score] : scores) ranked.push_back({id, score});
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id > b.id;
  });
  if (ranked.size() > static_cast<size_t>(kRelatedKept)) ranked.resize(kRelatedKept);
  return ranked;
}

int64_t Stored(double score) { return std::llround(score * kMillionths); }

// Stores the article's list, and offers the article to each listed one's list, which then keeps
// its kRelatedKept best.
Status StoreAndOffer(Connection& c, int64_t id, const std::vector<Candidate>& related) {
  constexpr std::string_view kInsert =
      "INSERT INTO article_related (article_id, related_id, score) VALUES ($1, $2, $3) "
      "ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score";
  for (const Candidate& candidate : related) {
    if (auto ran = c.Query(kInsert, id, candidate.id, Stored(candidate.score)); !ran) {
      return base::Unexpected(ran.error());
    }
    if (auto ran = c.Query(kInsert, candidate.id, id, Stored(candidate.score)); !ran) {
      return base::Unexpected(ran.error());
    }
  }
  for (const Candidate& candidate : related) {
    auto trimmed = c.Query(
        "DELETE FROM article_related WHERE article_id = $1 AND related_id IN ("
        "SELECT related_id FROM article_related WHERE article_id = $1 "
        "ORDER BY score DESC, related_id DESC OFFSET $2)",
        candidate.id, int64_t{kRelatedKept});
    if (!trimmed) return base::Unexpected(trimmed.error());
  }
  return base::Ok();
}

base::Error InRelated(const base::Error& error, int64_t article_id) {
  return WithContext(error, "related reading of article " + std::to_string(article_id));
}

}  // namespace

Status ForgetRelated(Connection& c, int64_t article_id) {
  for (std::string_view sql : {"DELETE FROM article_related WHERE article_id = $1",
                               "DELETE FROM article_related WHERE related_id = $1",
                               "DELETE FROM related_pending WHERE article_id = $1"}) {
    if (auto ran = c.Query(sql, article_id); !ran) {
      return base::Unexpected(InRelated(ran.error(), article_id));
    }
  }
  return base::Ok();
}

Status RefreshRelated(Connection& c, int64_t article_id) {
  if (auto forgotten = ForgetRelated(c, article_id); !forgotten) return forgotten;
  auto source = LoadSource(c, article_id);
  if (!source) return base::Unexpected(source.error());
  std::unordered_map<int64_t, double> scores;
  Status scored = AddTagScores(c, article_id, *source, scores);
  if (scored) scored = AddTextScores(c, article_id, *source, scores);
  if (scored) scored = StoreAndOffer(c, article_id, Best(scores));
  if (!scored) return base::Unexpected(InRelated(scored.error(), article_id));
  return base::Ok();
}

Status RefreshPendingRelated(Connection& c) {
  while (true) {
    if (auto began = c.Exec("BEGIN"); !began) return began;
    // SKIP LOCKED: nodes starting together share the backlog instead of queueing on it.
    auto pending = c.Query(
        "SELECT p.article_id, a.status = 'published' FROM related_pending p "
        "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id LIMIT $1 "
        "FOR UPDATE OF p SKIP LOCKED",
        kPendingBatch);
    Status done = pending ? Status{} : base::Unexpected(pending.error());
    for (int row = 0; done && row < pending->size(); ++row) {
      const int64_t id = pending->Int(row, 0);
      done = pending->Bool(row, 1) ? RefreshRelated(c, id) : ForgetRelated(c, id);
    }
    if (!done) {
      (void)c.Exec("ROLLBACK");
      return done;
    }
    if (auto committed = c.Exec("COMMIT"); !committed) return committed;
    if (pending->empty()) return base::Ok();
  }
}

Result<std::vector<content::Article>> PostgresStore::ListRelated(int64_t article_id, int limit) {
  if (auto page = CheckPage(limit, 0); !page) return base::Unexpected(page.error());
  static const std::string kSql =
      Select(kArticleColumns,
             "FROM articles me JOIN article_related r ON r.article_id = me.id "
             "JOIN articles a ON a.id = r.related_id "
             "WHERE me.id = $1 AND me.status = 'published' AND a.status = 'published' "
             "ORDER BY r.score DESC, a.published_at DESC, a.id DESC LIMIT $2");
  return Read([article_id, limit](Connection& c) -> Result<std::vector<content::Article>> {
    auto rows = c.Query(kSql, article_id, std::min(limit, kRelatedKept));
    if (!rows) return base::Unexpected(rows.error());
    return LoadArticleListing(c, *rows);
  });
}

}  // namespace gazette::store::postgres
