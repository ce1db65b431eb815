// SqliteStore: related reading, worked out on publish and kept in article_related (migration
// 0006), and the read of it.
#include "store/sqlite/sqlite_related.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/related_words.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

constexpr size_t kQueryWords = 24;       // distinctive words asked of the full-text index
constexpr int64_t kTextCandidates = 50;  // best text matches considered
constexpr int64_t kTagCandidates = 200;  // newest articles considered per shared tag
constexpr int kPendingBatch = 50;        // backfilled lists per transaction
// The best text match scores this much; a tag shared with every published article scores
// log(2) ~ 0.69, one shared with a tenth of them log(11) ~ 2.4.
constexpr double kTextWeight = 1.0;
constexpr double kMillionths = 1e6;  // scores are stored as integers in millionths

// Column weights of article_search (title, dek, body, authors, tags), as in search; the score is
// -bm25 in millionths, so that larger is better and it reads as an integer.
constexpr std::string_view kTextScore =
    "CAST(-bm25(article_search, 10.0, 4.0, 1.0, 3.0, 3.0) * 1000000 AS INTEGER)";

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

Result<Source> LoadSource(Db& db, int64_t id) {
  auto article = db.Prepare("SELECT a.title, a.dek, coalesce(b.body_text, '') FROM articles a" +
                            std::string(kArticleBodyJoin) + " WHERE a.id = ?");
  if (!article) return base::Unexpected(article.error());
  article->BindAll(id);
  auto source = ReadOne(
      *article,
      [](const Statement& row) -> Result<Source> {
        return Source{.title = row.Text(0), .dek = row.Text(1), .body_text = row.Text(2)};
      },
      "no article with id " + std::to_string(id));
  if (!source) return source;
  auto tags = db.Prepare(
      "SELECT t.id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = ? ORDER BY at.position");
  if (!tags) return base::Unexpected(tags.error());
  tags->BindAll(id);
  while (true) {
    auto step = tags->Step();
    if (!step) return base::Unexpected(step.error());
    if (!*step) break;
    source->tag_ids.push_back(tags->Int(0));
    source->tag_names.push_back(tags->Text(1));
  }
  return source;
}

Result<int64_t> CountOne(Statement& query) {
  auto row = query.Step();
  if (!row) return base::Unexpected(row.error());
  return *row ? query.Int(0) : 0;
}

// Adds, for every tag of the article, log(1 + published / published with the tag) to the
// newest articles sharing it: a rare tag says more than a common one.
Status AddTagScores(Db& db, int64_t id, const Source& source,
                    std::unordered_map<int64_t, double>& scores) {
  if (source.tag_ids.empty()) return base::Ok();
  auto total =
      db.Prepare("SELECT coalesce(sum(count), 0) FROM article_counts WHERE status = 'published'");
  if (!total) return base::Unexpected(total.error());
  auto published = CountOne(*total);
  if (!published) return base::Unexpected(published.error());
  for (int64_t tag : source.tag_ids) {
    auto count =
        db.Prepare("SELECT count(*) FROM article_tags WHERE tag_id = ? AND status = 'published'");
    if (!count) return base::Unexpected(count.error());
    count->BindAll(tag);
    auto with_tag = CountOne(*count);
    if (!with_tag) return base::Unexpected(with_tag.error());
    if (*with_tag == 0) continue;
    const double weight =
        std::log(1.0 + static_cast<double>(*published) / static_cast<double>(*with_tag));
    auto sharing = db.Prepare(
        "SELECT article_id FROM article_tags WHERE tag_id = ?1 AND status = 'published' "
        "AND article_id <> ?2 ORDER BY published_at DESC, article_id DESC LIMIT ?3");
    if (!sharing) return base::Unexpected(sharing.error());
    sharing->BindAll(tag, id, kTagCandidates);
    while (true) {
      auto step = sharing->Step();
      if (!step) return base::Unexpected(step.error());
      if (!*step) break;
      scores[sharing->Int(0)] += weight;
    }
  }
  return base::Ok();
}

// "w1" OR "w2" OR ...: each word a quoted string, so that none is an operator.
std::string AnyOf(const std::vector<std::string>& words) {
  std::string match;
  for (const std::string& word : words) {
    if (!match.empty()) match += " OR ";
    match += '"';
    for (char c : word) {
      if (c == '"') match += '"';
      match += c;
    }
    match += '"';
  }
  return match;
}

// Adds the text similarity of the best matches of the article's distinctive words: the best
// gets kTextWeight, the others their bm25 in proportion.
Status AddTextScores(Db& db, int64_t id, const Source& source,
                     std::unordered_map<int64_t, double>& scores) {
  const std::vector<std::string> words = DistinctiveWords({.title = source.title,
                                                           .dek = source.dek,
                                                           .tag_names = source.tag_names,
                                                           .body_text = source.body_text},
                                                          kQueryWords);
  if (words.empty()) return base::Ok();
  auto matches = db.Prepare("SELECT rowid, " + std::string(kTextScore) +
                            " AS score FROM article_search WHERE article_search MATCH ?1 "
                            "AND rowid <> ?2 ORDER BY score DESC LIMIT ?3");
  if (!matches) return base::Unexpected(matches.error());
  matches->BindAll(AnyOf(words), id, kTextCandidates);
  int64_t best = 0;
  while (true) {
    auto step = matches->Step();
    if (!step) return base::Unexpected(step.error());
    if (!*step) break;
    const int64_t score = matches->Int(1);
    if (best == 0) best = score;
    if (score <= 0 || best <= 0) continue;
    scores[matches->Int(0)] += kTextWeight * static_cast<double>(score) / static_cast<double>(best);
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

Status Exec1(Db& db, std::string_view sql, int64_t id) {
  auto statement = db.Prepare(sql);
  if (!statement) return base::Unexpected(statement.error());
  statement->BindAll(id);
  return statement->Run();
}

// Stores the article's list, and offers the article to each listed one's list, which then keeps
// its kRelatedKept best.
Status StoreAndOffer(Db& db, int64_t id, const std::vector<Candidate>& related) {
  auto insert = db.Prepare(
      "INSERT INTO article_related (article_id, related_id, score) VALUES (?, ?, ?) "
      "ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score");
  if (!insert) return base::Unexpected(insert.error());
  for (const Candidate& candidate : related) {
    insert->BindAll(id, candidate.id, Stored(candidate.score));
    if (auto ran = insert->Run(); !ran) return ran;
  }
  for (const Candidate& candidate : related) {
    insert->BindAll(candidate.id, id, Stored(candidate.score));
    if (auto ran = insert->Run(); !ran) return ran;
  }
  auto trim = db.Prepare(
      "DELETE FROM article_related WHERE article_id = ?1 AND related_id IN ("
      "SELECT related_id FROM article_related WHERE article_id = ?1 "
      "ORDER BY score DESC, related_id DESC LIMIT -1 OFFSET ?2)");
  if (!trim) return base::Unexpected(trim.error());
  for (const Candidate& candidate : related) {
    trim->BindAll(candidate.id, int64_t{kRelatedKept});
    if (auto ran = trim->Run(); !ran) return ran;
  }
  return base::Ok();
}

}  // namespace

Status ForgetRelated(Db& db, int64_t article_id) {
  Status forgotten = Exec1(db, "DELETE FROM article_related WHERE article_id = ?", article_id);
  if (forgotten) {
    forgotten = Exec1(db, "DELETE FROM article_related WHERE related_id = ?", article_id);
  }
  if (forgotten) {
    forgotten = Exec1(db, "DELETE FROM related_pending WHERE article_id = ?", article_id);
  }
  if (!forgotten) {
    return base::Unexpected(
        WithContext(forgotten.error(), "related reading of article " + std::to_string(article_id)));
  }
  return base::Ok();
}

Status RefreshRelated(Db& db, int64_t article_id) {
  if (auto forgotten = ForgetRelated(db, article_id); !forgotten) return forgotten;
  auto source = LoadSource(db, article_id);
  if (!source) return base::Unexpected(source.error());
  std::unordered_map<int64_t, double> scores;
  Status scored = AddTagScores(db, article_id, *source, scores);
  if (scored) scored = AddTextScores(db, article_id, *source, scores);
  if (scored) scored = StoreAndOffer(db, article_id, Best(scores));
  if (!scored) {
    return base::Unexpected(
        WithContext(scored.error(), "related reading of article " + std::to_string(article_id)));
  }
  return base::Ok();
}

Status RefreshPendingRelated(Db& db) {
  while (true) {
    auto tx = Transaction::Begin(db, Transaction::Mode::kWrite);
    if (!tx) return base::Unexpected(tx.error());
    auto pending = db.Prepare(
        "SELECT p.article_id, a.status = 'published' FROM related_pending p "
        "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id LIMIT ?");
    if (!pending) return base::Unexpected(pending.error());
    pending->BindAll(int64_t{kPendingBatch});
    std::vector<std::pair<int64_t, bool>> batch;
    while (true) {
      auto step = pending->Step();
      if (!step) return base::Unexpected(step.error());
      if (!*step) break;
      batch.emplace_back(pending->Int(0), pending->Int(1) != 0);
    }
    if (batch.empty()) return base::Ok();
    for (const auto& [id, published] : batch) {
      Status done = published ? RefreshRelated(db, id) : ForgetRelated(db, id);
      if (!done) return done;
    }
    if (auto committed = tx->Commit(); !committed) return committed;
  }
}

Result<std::vector<content::Article>> SqliteStore::ListRelated(int64_t article_id, int limit) {
  if (auto page = CheckPage(limit, 0); !page) return base::Unexpected(page.error());
  static const std::string kSql =
      Select(kArticleColumns,
             "FROM articles me CROSS JOIN article_related r ON r.article_id = me.id "
             "CROSS JOIN articles a ON a.id = r.related_id "
             "WHERE me.id = ?1 AND me.status = 'published' AND a.status = 'published' "
             "ORDER BY r.score DESC, a.published_at DESC, a.id DESC LIMIT ?2");
  return Read([article_id, limit](Db& db) -> Result<std::vector<content::Article>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(article_id, int64_t{std::min(limit, kRelatedKept)});
    return LoadArticleListing(db, *query);
  });
}

}  // namespace gazette::store::sqlite
