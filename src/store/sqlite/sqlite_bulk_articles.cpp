// SqliteStore::CreateArticles: many new articles in one transaction, for filling a large archive.
//
// Each article is stored as CreateArticle stores it (same rows, bodies, links, counts, search
// index entry), with differences that make a batch several times faster:
// - The triggers are off while the batch's rows are inserted, each with its final status; the
//   search index row each would have got is written from the article in memory, and the counts
//   by one upsert per counted key for the whole batch (sqlite_bulk_derived.h). Every row is
//   written once: no trigger rewrites an article, its links or its index row, and no count row
//   is touched per article.
// - In a bulk load the index rows go to the load's side index once the batch is committed
//   (sqlite_bulk_search.h): another thread's batch can be written meanwhile.
// - Should the schema have triggers that sqlite_bulk_derived.h does not stand in for, the batch is
// written
//   with the triggers on: a published article is inserted as a draft with its links, then
//   published by one UPDATE, so that the search triggers (0004, 0009) write its index row once,
//   with the author and tag names, instead of once on insert and again for every link.
// - Its related reading comes from the tags it shares with the batch's other published articles,
//   worked out in memory before the writer is taken, instead of full-text queries over the whole
//   index, which take milliseconds each at a million articles (see store.h).
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "content/plain_text.h"
#include "store/batch_related.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_article_write.h"
#include "store/sqlite/sqlite_bulk_derived.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

using content::Article;
using content::ArticleStatus;

bool IsPublished(const Article& article) { return article.status == ArticleStatus::kPublished; }

// Deletes the zero draft counts that publishing a batch's drafts leaves, one count table each.
constexpr std::string_view kClearZeroDraftCounts[] = {
    "DELETE FROM article_counts WHERE status = 'draft' AND count = 0",
    "DELETE FROM partner_counts WHERE status = 'draft' AND count = 0",
    "DELETE FROM author_counts WHERE status = 'draft' AND count = 0",
    "DELETE FROM tag_counts WHERE status = 'draft' AND count = 0",
};
// Inserts one link table's rows for a new article, with the status and date it is inserted at.
Status InsertLinks(Statement& insert, int64_t article_id, std::span<const int64_t> ids,
                   std::string_view status, int64_t published_at) {
  for (size_t position = 0; position < ids.size(); ++position) {
    insert.BindAll(article_id, ids[position], static_cast<int64_t>(position), status, published_at);
    if (auto ran = insert.Run(); !ran) return ran;
  }
  return base::Ok();
}

// Stores one article; returns its id. With the triggers on, a published one goes in as a draft
// and is published at the end, so that its search index row is written once, complete. With
// them off, it goes in with its own status, its search index row is written here or, when
// `side_rows` is given, added to them for a bulk load's side index, and AddToCounts counts it
// with the batch.
Result<int64_t> InsertOne(Db& db, const Article& article, std::string_view body_text,
                          bool triggers_on, std::vector<SearchRow>* side_rows) {
  Status checked = CheckArticleReferences(db, article);
  if (checked && article.created_by) {
    checked = RequireRow(db, "SELECT 1 FROM users WHERE id = ?", *article.created_by, "user");
    if (!checked) checked = base::Unexpected(WithContext(checked.error(), ArticleName(article)));
  }
  if (!checked) return base::Unexpected(checked.error());
  const ArticleStatus first_status =
      triggers_on && IsPublished(article) ? ArticleStatus::kDraft : article.status;
  const std::string_view status_name = content::ArticleStatusName(first_status);
  const int64_t published_at = UnixSeconds(article.published_at);

  auto insert = db.Prepare(kInsertArticleSql);
  if (!insert) return base::Unexpected(insert.error());
  BindArticleFields(*insert, article);
  insert->Bind(":status", status_name);
  insert->Bind(":created_by", article.created_by);
  Status written = insert->Run();
  const int64_t id = db.LastInsertId();
  if (written) written = WriteBody(db, id, article, body_text);
  if (written) {
    auto authors = db.Prepare(
        "INSERT INTO article_authors (article_id, author_id, position, status, published_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!authors) return base::Unexpected(authors.error());
    written = InsertLinks(*authors, id, article.author_ids, status_name, published_at);
  }
  if (written) {
    auto tags = db.Prepare(
        "INSERT INTO article_tags (article_id, tag_id, position, status, published_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!tags) return base::Unexpected(tags.error());
    written = InsertLinks(*tags, id, article.tag_ids, status_name, published_at);
  }
  if (written) written = ClearHistoryAt(db, article.section_id, article.slug);
  if (written && !triggers_on && IsPublished(article)) {
    auto row = MakeSearchRow(db, id, article, body_text);
    if (!row) {
      written = base::Unexpected(row.error());
    } else if (side_rows != nullptr) {
      side_rows->push_back(std::move(*row));
    } else {
      written = InsertSearchRow(db, *row);
    }
  }
  if (written && triggers_on && IsPublished(article)) {
    // Fires the search index, count and link-copy triggers, as a publish does.
    auto publish = db.Prepare("UPDATE articles SET status = 'published' WHERE id = ?");
    if (!publish) return base::Unexpected(publish.error());
    publish->BindAll(id);
    written = publish->Run();
  }
  if (!written) return base::Unexpected(WithContext(written.error(), ArticleName(article)));
  return id;
}

Status StoreRelated(Db& db, std::span<const int64_t> ids,
                    const std::vector<std::vector<BatchNeighbour>>& related) {
  auto insert =
      db.Prepare("INSERT INTO article_related (article_id, related_id, score) VALUES (?, ?, ?)");
  if (!insert) return base::Unexpected(insert.error());
  for (size_t i = 0; i < related.size(); ++i) {
    for (const BatchNeighbour& neighbour : related[i]) {
      insert->BindAll(ids[i], ids[neighbour.index], neighbour.score);
      if (auto ran = insert->Run(); !ran) return ran;
    }
  }
  return base::Ok();
}

}  // namespace

Result<std::vector<int64_t>> SqliteStore::CreateArticles(std::span<const Article> articles) {
  if (articles.empty()) return std::vector<int64_t>{};
  // Made before taking the writer, as CreateArticle does: other writes need not wait for them.
  std::vector<std::string> body_texts;
  body_texts.reserve(articles.size());
  for (const Article& article : articles) {
    body_texts.push_back(content::MarkdownToPlainText(article.body_md));
  }
  const std::vector<std::vector<BatchNeighbour>> related = RelatedByTags(articles);
  // The search rows for the bulk load's side index, written once the batch is committed.
  std::vector<SearchRow> side_rows;
  auto written = Write([&](Db& db) -> Result<std::vector<int64_t>> {
    auto covered = DerivedRowsCoverTriggers(db);
    if (!covered) return base::Unexpected(covered.error());
    const bool triggers_on = !*covered;
    std::optional<TriggersOff> off;
    if (!triggers_on) off.emplace(db);
    std::vector<int64_t> ids;
    ids.reserve(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
      auto id = InsertOne(db, articles[i], body_texts[i], triggers_on,
                          bulk_search_ ? &side_rows : nullptr);
      if (!id) return base::Unexpected(id.error());
      ids.push_back(*id);
    }
    if (auto stored = StoreRelated(db, ids, related); !stored)
      return base::Unexpected(stored.error());
    if (!triggers_on) {
      if (auto counted = AddToCounts(db, articles); !counted) {
        return base::Unexpected(counted.error());
      }
      return ids;
    }
    // Publishing the drafts above left zero draft counts for their sections, partners, authors
    // and tags; CreateArticle leaves no such rows.
    for (std::string_view sql : kClearZeroDraftCounts) {
      auto cleared = db.Prepare(sql);
      if (!cleared) return base::Unexpected(cleared.error());
      if (auto ran = cleared->Run(); !ran) return base::Unexpected(ran.error());
    }
    return ids;
  });
  if (!written || side_rows.empty()) return written;
  if (auto indexed = bulk_search_->Add(side_rows); !indexed) {
    return base::Unexpected(indexed.error());
  }
  return written;
}

}  // namespace gazette::store::sqlite
