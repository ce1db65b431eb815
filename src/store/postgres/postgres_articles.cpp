// PostgresStore: articles with their author and tag links, moved-article history, page views.
#include <algorithm>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "content/plain_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_article_write.h"
#include "store/postgres/postgres_related.h"
#include "store/postgres/postgres_store_internal.h"
#include "store/write_checks.h"

namespace gazette::store::postgres {
namespace {

using content::Article;

// InvalidArgument when `ids` names a row that does not exist or names one twice.
Status RequireRows(Connection& connection, std::string_view exists, std::span<const int64_t> ids,
                   std::string_view what) {
  std::unordered_set<int64_t> seen;
  for (int64_t id : ids) {
    if (!seen.insert(id).second) {
      return base::InvalidArgumentError(std::string(what) + " " + std::to_string(id) +
                                        " is listed twice");
    }
    if (auto found = RequireRow(connection, exists, id, what); !found) return found;
  }
  return base::Ok();
}

// Replaces one link table's rows for the article. `insert` takes (article id, other id,
// position) and copies the article's status and published_at from its row.
Status ReplaceLinks(Connection& connection, std::string_view remove, std::string_view insert,
                    int64_t article_id, std::span<const int64_t> ids) {
  if (auto removed = connection.Query(remove, article_id); !removed) {
    return base::Unexpected(removed.error());
  }
  // In order of id, whatever their positions: the count triggers then lock author_counts and
  // tag_counts rows in the same order in every writer, which cannot deadlock on them.
  std::vector<size_t> positions(ids.size());
  std::iota(positions.begin(), positions.end(), size_t{0});
  std::sort(positions.begin(), positions.end(),
            [&ids](size_t a, size_t b) { return ids[a] < ids[b]; });
  for (size_t position : positions) {
    auto inserted =
        connection.Query(insert, article_id, ids[position], static_cast<int64_t>(position));
    if (!inserted) return base::Unexpected(inserted.error());
  }
  return base::Ok();
}

// What an update needs to know of the stored article before it writes.
struct StoredState {
  int64_t section_id = 0;
  std::string slug;
  int64_t version = 0;
};

// The stored article's place and version, its row locked until the transaction ends: a
// concurrent edit of the same version waits, then finds the version moved on. NotFound if there
// is no such article.
Result<StoredState> LockState(Connection& connection, int64_t id) {
  auto rows = connection.Query(
      "SELECT section_id, slug, version FROM articles WHERE id = $1 FOR UPDATE", id);
  if (!rows) return base::Unexpected(rows.error());
  return ReadOne(
      *rows,
      [](const Rows& r, int row) -> Result<StoredState> {
        return StoredState{r.Int(row, 0), r.Text(row, 1), r.Int(row, 2)};
      },
      "no article with id " + std::to_string(id));
}

// Remembers that the article lived at (section, slug); the latest article to leave a place wins.
Status RecordMove(Connection& connection, int64_t article_id, int64_t section_id,
                  std::string_view slug) {
  auto recorded = connection.Query(
      "INSERT INTO article_slug_history (section_id, slug, article_id) VALUES ($1, $2, $3) "
      "ON CONFLICT (section_id, slug) DO UPDATE SET article_id = excluded.article_id",
      section_id, slug, article_id);
  if (!recorded) return base::Unexpected(recorded.error());
  return base::Ok();
}

// The one article `sql` (selecting kArticleColumnsWithBody) finds for `args`, with its links;
// NotFound `missing` if none.
template <class... Args>
Result<Article> LoadArticle(Connection& connection, std::string_view missing, std::string_view sql,
                            const Args&... args) {
  auto rows = connection.Query(sql, args...);
  if (!rows) return base::Unexpected(rows.error());
  auto article = ReadOne(
      *rows, [](const Rows& r, int row) { return ReadArticle(r, row, /*with_body=*/true); },
      missing);
  if (!article) return article;
  std::vector<Article> one{std::move(*article)};
  if (auto filled = FillArticleLinks(connection, one); !filled) {
    return base::Unexpected(filled.error());
  }
  return std::move(one.front());
}

// The listing (or counting) query for the filters present in `query`, and its parameters; one
// text, and so one prepared statement, per combination of filters. With an author or a tag
// filter the link table drives the query: its index holds copies of status and published_at,
// so it yields the newest published articles in order from `before` on. A count with no filter
// or one (and no `before`) is a row of the counts the schema keeps; any other is a walk, cut off
// at kCountedAtMost.
std::pair<std::string, std::vector<Param>> ListingQuery(const ArticleQuery& query, bool count) {
  std::vector<Param> params;
  auto next = [&params](Param param) {
    params.push_back(std::move(param));
    return "$" + std::to_string(params.size());
  };
  const int filters = (query.section_id ? 1 : 0) + (query.author_id ? 1 : 0) +
                      (query.tag_id ? 1 : 0) + (query.partner_id ? 1 : 0);
  if (count && filters <= 1 && !query.before) {
    std::string sql = "SELECT coalesce(sum(count), 0) FROM ";
    if (query.section_id) {
      sql += "article_counts WHERE section_id = " + next(ToParam(*query.section_id)) + " AND";
    } else if (query.author_id) {
      sql += "author_counts WHERE author_id = " + next(ToParam(*query.author_id)) + " AND";
    } else if (query.tag_id) {
      sql += "tag_counts WHERE tag_id = " + next(ToParam(*query.tag_id)) + " AND";
    } else if (query.partner_id) {
      sql += "partner_counts WHERE partner_id = " + next(ToParam(*query.partner_id)) + " AND";
    } else {
      sql += "article_counts WHERE";
    }
    return {sql + " status = 'published'", std::move(params)};
  }
  std::string_view driver = "a";
  std::string_view driver_id = "a.id";
  std::string sql = count ? "SELECT count(*) FROM (SELECT 1" : Select(kArticleColumns, "");
  if (query.author_id) {
    driver = "aa";
    driver_id = "aa.article_id";
    sql += " FROM article_authors aa";
    if (query.tag_id) sql += " JOIN article_tags tg ON tg.article_id = aa.article_id";
  } else if (query.tag_id) {
    driver = "tg";
    driver_id = "tg.article_id";
    sql += " FROM article_tags tg";
  } else {
    sql += " FROM articles a";
  }
  const bool needs_articles = !count || query.section_id || query.partner_id;
  if (driver != "a" && needs_articles)
    sql += " JOIN articles a ON a.id = " + std::string(driver_id);
  sql += " WHERE " + std::string(driver) + ".status = 'published'";
  if (query.author_id) sql += " AND aa.author_id = " + next(ToParam(*query.author_id));
  if (query.tag_id) {
    sql += " AND tg.tag_id = " + next(ToParam(*query.tag_id));
    if (query.author_id) sql += " AND tg.status = 'published'";
  }
  if (query.section_id) sql += " AND a.section_id = " + next(ToParam(*query.section_id));
  if (query.partner_id) sql += " AND a.partner_id = " + next(ToParam(*query.partner_id));
  if (query.before) {
    const std::string at = next(ToParam(UnixSeconds(query.before->published_at)));
    const std::string id = next(ToParam(query.before->id));
    sql += " AND (" + std::string(driver) + ".published_at, " + std::string(driver_id) + ") < (" +
           at + "::bigint, " + id + "::bigint)";
  }
  if (count) {
    sql += " LIMIT " + std::to_string(kCountedAtMost) + ") counted";
  } else {
    sql += " ORDER BY " + std::string(driver) + ".published_at DESC, " + std::string(driver_id) +
           " DESC LIMIT " + next(ToParam(query.limit));
    sql += " OFFSET " + next(ToParam(query.offset));
  }
  return {std::move(sql), std::move(params)};
}

}  // namespace

std::string ArticleName(const Article& article) { return "article '" + article.slug + "'"; }

Status CheckArticleReferences(Connection& connection, const Article& article, bool with_creator) {
  Status checked =
      RequireRow(connection, "SELECT 1 FROM sections WHERE id = $1", article.section_id, "section");
  if (checked && article.partner_id) {
    checked = RequireRow(connection, "SELECT 1 FROM partners WHERE id = $1", *article.partner_id,
                         "partner");
  }
  if (checked) {
    checked = RequireRows(connection, "SELECT 1 FROM authors WHERE id = $1", article.author_ids,
                          "author");
  }
  if (checked) {
    checked = RequireRows(connection, "SELECT 1 FROM tags WHERE id = $1", article.tag_ids, "tag");
  }
  if (checked && article.lead_image_id) {
    checked = RequireRow(connection, "SELECT 1 FROM media WHERE id = $1", *article.lead_image_id,
                         "lead image");
  }
  if (checked && with_creator && article.created_by) {
    checked =
        RequireRow(connection, "SELECT 1 FROM users WHERE id = $1", *article.created_by, "user");
  }
  if (!checked) return base::Unexpected(WithContext(checked.error(), ArticleName(article)));
  return base::Ok();
}

Result<int64_t> InsertArticle(Connection& connection, const Article& article,
                              std::string_view body_text) {
  auto inserted = connection.Query(
      "INSERT INTO articles (slug, title, dek, status, section_id, partner_id, original_url, "
      "published_at, updated_at, word_count, lead_image_id, lead_image_alt, created_by, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1) RETURNING id",
      article.slug, article.title, article.dek, content::ArticleStatusName(article.status),
      article.section_id, article.partner_id, article.original_url,
      UnixSeconds(article.published_at), UnixSeconds(article.updated_at), article.word_count,
      article.lead_image_id, article.lead_image_alt, article.created_by);
  if (!inserted) return base::Unexpected(WithContext(inserted.error(), ArticleName(article)));
  const int64_t id = inserted->Int(0, 0);
  // Before the links, as on SQLite: the body row's trigger makes the index row.
  if (auto written = WriteBody(connection, id, article, body_text); !written) {
    return base::Unexpected(written.error());
  }
  return id;
}

Status WriteBody(Connection& connection, int64_t id, const Article& article,
                 std::string_view body_text) {
  auto written = connection.Query(
      "INSERT INTO article_bodies (article_id, body_md, body_html, body_text) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (article_id) DO UPDATE SET "
      "body_md = excluded.body_md, body_html = excluded.body_html, body_text = excluded.body_text",
      id, article.body_md, article.body_html, body_text);
  if (!written) return base::Unexpected(WithContext(written.error(), ArticleName(article)));
  return base::Ok();
}

Status WriteLinks(Connection& connection, int64_t article_id, const Article& article) {
  Status written = ReplaceLinks(
      connection, "DELETE FROM article_authors WHERE article_id = $1",
      "INSERT INTO article_authors (article_id, author_id, position, status, published_at) "
      "SELECT id, $2, $3, status, published_at FROM articles WHERE id = $1",
      article_id, article.author_ids);
  if (written) {
    written = ReplaceLinks(
        connection, "DELETE FROM article_tags WHERE article_id = $1",
        "INSERT INTO article_tags (article_id, tag_id, position, status, published_at) "
        "SELECT id, $2, $3, status, published_at FROM articles WHERE id = $1",
        article_id, article.tag_ids);
  }
  if (!written) return base::Unexpected(WithContext(written.error(), ArticleName(article)));
  return base::Ok();
}

Status ClearHistoryAt(Connection& connection, int64_t section_id, std::string_view slug) {
  auto cleared = connection.Query(
      "DELETE FROM article_slug_history WHERE section_id = $1 AND slug = $2", section_id, slug);
  if (!cleared) return base::Unexpected(cleared.error());
  return base::Ok();
}

Result<int64_t> PostgresStore::CreateArticle(const Article& article) {
  // Made before borrowing a connection: parsing Markdown need not hold one.
  const std::string body_text = content::MarkdownToPlainText(article.body_md);
  return Write([&article, &body_text](Connection& c) -> Result<int64_t> {
    if (auto checked = CheckArticleReferences(c, article, /*with_creator=*/true); !checked) {
      return base::Unexpected(checked.error());
    }
    // A new article is at version 1, whatever article.version says.
    auto id = InsertArticle(c, article, body_text);
    if (!id) return id;
    Status linked = WriteLinks(c, *id, article);
    if (linked) linked = ClearHistoryAt(c, article.section_id, article.slug);
    if (linked && article.status == content::ArticleStatus::kPublished) {
      linked = RefreshRelated(c, *id);
    }
    if (!linked) return base::Unexpected(linked.error());
    return id;
  });
}

Status PostgresStore::UpdateArticle(const Article& article) {
  const std::string body_text = content::MarkdownToPlainText(article.body_md);
  return Write([&article, &body_text](Connection& c) -> Status {
    auto old = LockState(c, article.id);
    if (!old) return base::Unexpected(old.error());
    const auto& [old_section_id, old_slug, old_version] = *old;
    if (old_version != article.version) return base::ConflictError(std::string(kChangedMeanwhile));
    if (auto checked = CheckArticleReferences(c, article, /*with_creator=*/false); !checked) {
      return checked;
    }
    auto updated = c.Query(
        "UPDATE articles SET slug = $1, title = $2, dek = $3, status = $4, section_id = $5, "
        "partner_id = $6, original_url = $7, published_at = $8, updated_at = $9, "
        "word_count = $10, lead_image_id = $11, lead_image_alt = $12, version = version + 1 "
        "WHERE id = $13",
        article.slug, article.title, article.dek, content::ArticleStatusName(article.status),
        article.section_id, article.partner_id, article.original_url,
        UnixSeconds(article.published_at), UnixSeconds(article.updated_at), article.word_count,
        article.lead_image_id, article.lead_image_alt, article.id);
    if (!updated) return base::Unexpected(WithContext(updated.error(), ArticleName(article)));
    if (auto written = WriteBody(c, article.id, article, body_text); !written) return written;
    if (old_section_id != article.section_id || old_slug != article.slug) {
      if (auto moved = RecordMove(c, article.id, old_section_id, old_slug); !moved) return moved;
      if (auto cleared = ClearHistoryAt(c, article.section_id, article.slug); !cleared) {
        return cleared;
      }
    }
    if (auto linked = WriteLinks(c, article.id, article); !linked) return linked;
    // Published: its list follows the edit. Any other status: it leaves every list.
    return article.status == content::ArticleStatus::kPublished ? RefreshRelated(c, article.id)
                                                                : ForgetRelated(c, article.id);
  });
}

Result<Article> PostgresStore::GetArticle(int64_t id) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) + " WHERE a.id = $1");
  return Read([id](Connection& c) {
    return LoadArticle(c, "no article with id " + std::to_string(id), kSql, id);
  });
}

Result<Article> PostgresStore::GetPublishedArticle(int64_t section_id, std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) +
                 " WHERE a.slug = $1 AND a.section_id = $2 AND a.status = 'published'");
  return Read([section_id, slug](Connection& c) {
    return LoadArticle(c, "no published article '" + std::string(slug) + "'", kSql, slug,
                       section_id);
  });
}

Result<Article> PostgresStore::FindMovedArticle(int64_t section_id, std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM article_slug_history h JOIN articles a ON a.id = h.article_id" +
                 std::string(kArticleBodyJoin) +
                 " WHERE h.section_id = $1 AND h.slug = $2 AND a.status = 'published'");
  return Read([section_id, slug](Connection& c) {
    return LoadArticle(c, "no article moved from '" + std::string(slug) + "'", kSql, section_id,
                       slug);
  });
}

Result<Article> PostgresStore::GetArticleBySlug(std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) + " WHERE a.slug = $1");
  return Read([slug](Connection& c) {
    return LoadArticle(c, "no article '" + std::string(slug) + "'", kSql, slug);
  });
}

Result<std::vector<Article>> PostgresStore::ListPublished(const ArticleQuery& query) {
  if (auto page = CheckPage(query.limit, query.offset); !page) {
    return base::Unexpected(page.error());
  }
  return Read([&query](Connection& c) -> Result<std::vector<Article>> {
    const auto [sql, params] = ListingQuery(query, /*count=*/false);
    auto rows = c.QueryParams(sql, params);
    if (!rows) return base::Unexpected(rows.error());
    return LoadArticleListing(c, *rows, query.with_tag_ids);
  });
}

Result<int64_t> PostgresStore::CountPublished(const ArticleQuery& query) {
  return Read([&query](Connection& c) -> Result<int64_t> {
    const auto [sql, params] = ListingQuery(query, /*count=*/true);
    auto rows = c.QueryParams(sql, params);
    if (!rows) return base::Unexpected(rows.error());
    return rows->Int(0, 0);
  });
}

Result<std::vector<PublishedMonth>> PostgresStore::ListPublishedMonths() {
  // published_months (0008): a few rows per month, sorted here.
  static constexpr std::string_view kSql =
      "SELECT month, partner_id, has_original_url, count, last_updated_at FROM published_months "
      "ORDER BY month DESC, partner_id, has_original_url";
  return Read([](Connection& c) -> Result<std::vector<PublishedMonth>> {
    auto rows = c.Query(kSql);
    if (!rows) return base::Unexpected(rows.error());
    std::vector<PublishedMonth> months;
    months.reserve(static_cast<size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
      const int64_t partner_id = rows->Int(i, 1);
      months.push_back(PublishedMonth{
          .month = FromUnixSeconds(rows->Int(i, 0)),
          .partner_id = partner_id == 0 ? std::nullopt : std::optional<int64_t>(partner_id),
          .has_original_url = rows->Bool(i, 2),
          .count = rows->Int(i, 3),
          .last_updated_at = FromUnixSeconds(rows->Int(i, 4))});
    }
    return months;
  });
}

Status PostgresStore::AddViews(std::span<const ViewCount> views) {
  if (views.empty()) return base::Ok();
  return Write([views](Connection& c) -> Status {
    for (const ViewCount& view : views) {
      auto added = c.Query(
          "INSERT INTO views_daily (article_id, day, count) VALUES ($1, $2, $3) "
          "ON CONFLICT (article_id, day) DO UPDATE SET count = views_daily.count + excluded.count",
          view.article_id, view.day, view.count);
      if (!added) {
        return base::Unexpected(
            WithContext(added.error(), "views of article " + std::to_string(view.article_id)));
      }
    }
    return base::Ok();
  });
}

Result<std::vector<Article>> PostgresStore::MostViewed(int64_t since_day, int limit) {
  if (auto page = CheckPage(limit, 0); !page) return base::Unexpected(page.error());
  static const std::string kSql =
      Select(kArticleColumns,
             "FROM (SELECT article_id, sum(count) AS total FROM views_daily WHERE day >= $1 "
             "GROUP BY article_id) v JOIN articles a ON a.id = v.article_id "
             "WHERE a.status = 'published' AND v.total > 0 "
             "ORDER BY v.total DESC, a.published_at DESC, a.id DESC LIMIT $2");
  return Read([since_day, limit](Connection& c) -> Result<std::vector<Article>> {
    auto rows = c.Query(kSql, since_day, limit);
    if (!rows) return base::Unexpected(rows.error());
    return LoadArticleListing(c, *rows);
  });
}

}  // namespace gazette::store::postgres
