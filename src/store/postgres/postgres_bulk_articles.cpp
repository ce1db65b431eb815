// PostgresStore::CreateArticles: many new articles in one transaction, for filling a large
// archive.
//
// Each article is stored as CreateArticle stores it (same rows, bodies, links, counts, search
// index entry), with two differences that make a batch faster, as on SQLite:
// - A published article is inserted as a draft with its links, then published by one UPDATE, so
//   that the search triggers (0004, 0009) write its index row once, with the author and tag
//   names, instead of once on insert and again for every link.
// - Its related reading comes from the tags it shares with the batch's other published articles,
//   worked out in memory (batch_related.h) before a connection is borrowed.
#include <string>
#include <vector>

#include "content/plain_text.h"
#include "store/batch_related.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_article_write.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

using content::Article;
using content::ArticleStatus;

// Stores one article; returns its id. A published one goes in as a draft and is published at
// the end, so that its search index row is written once, complete.
Result<int64_t> InsertOne(Connection& c, const Article& article, std::string_view body_text) {
  if (auto checked = CheckArticleReferences(c, article, /*with_creator=*/true); !checked) {
    return base::Unexpected(checked.error());
  }
  const bool published = article.status == ArticleStatus::kPublished;
  Article first = article;
  if (published) first.status = ArticleStatus::kDraft;
  auto id = InsertArticle(c, first, body_text);
  if (!id) return id;
  Status written = WriteLinks(c, *id, article);
  if (written) written = ClearHistoryAt(c, article.section_id, article.slug);
  if (written && published) {
    // Fires the search index, count and link-copy triggers, as a publish does.
    auto publish = c.Query("UPDATE articles SET status = 'published' WHERE id = $1", *id);
    if (!publish) written = base::Unexpected(WithContext(publish.error(), ArticleName(article)));
  }
  if (!written) return base::Unexpected(written.error());
  return id;
}

Status StoreRelated(Connection& c, std::span<const int64_t> ids,
                    const std::vector<std::vector<BatchNeighbour>>& related) {
  for (size_t i = 0; i < related.size(); ++i) {
    for (const BatchNeighbour& neighbour : related[i]) {
      auto inserted =
          c.Query("INSERT INTO article_related (article_id, related_id, score) VALUES ($1, $2, $3)",
                  ids[i], ids[neighbour.index], neighbour.score);
      if (!inserted) return base::Unexpected(inserted.error());
    }
  }
  return base::Ok();
}

}  // namespace

Result<std::vector<int64_t>> PostgresStore::CreateArticles(std::span<const Article> articles) {
  if (articles.empty()) return std::vector<int64_t>{};
  std::vector<std::string> body_texts;
  body_texts.reserve(articles.size());
  for (const Article& article : articles) {
    body_texts.push_back(content::MarkdownToPlainText(article.body_md));
  }
  const std::vector<std::vector<BatchNeighbour>> related = RelatedByTags(articles);
  return Write([&](Connection& c) -> Result<std::vector<int64_t>> {
    std::vector<int64_t> ids;
    ids.reserve(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
      auto id = InsertOne(c, articles[i], body_texts[i]);
      if (!id) return base::Unexpected(id.error());
      ids.push_back(*id);
    }
    if (auto stored = StoreRelated(c, ids, related); !stored) {
      return base::Unexpected(stored.error());
    }
    // Publishing the drafts above left their sections' draft counts at zero; CreateArticle
    // leaves no such rows.
    if (auto cleared = c.Exec("DELETE FROM article_counts WHERE status = 'draft' AND count = 0");
        !cleared) {
      return base::Unexpected(cleared.error());
    }
    return ids;
  });
}

}  // namespace gazette::store::postgres
