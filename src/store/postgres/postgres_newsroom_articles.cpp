// PostgresStore: the newsroom's view of articles: listing and counting them whatever their
// status, and publishing the scheduled ones that have come due.
#include <algorithm>
#include <string>
#include <utility>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_related.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

using content::Article;

// The LIKE pattern for titles containing `text`: its own '%', '_' and the escape character '\'
// are escaped, so that they match only themselves.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

// The listing or counting query for the filters present in `filter`, and its parameters; one
// text (and prepared statement) per combination. Counts by status and section alone come from
// article_counts.
std::pair<std::string, std::vector<Param>> NewsroomQuery(const ArticleFilter& filter, bool count) {
  std::vector<Param> params;
  auto next = [&params](Param param) {
    params.push_back(std::move(param));
    return "$" + std::to_string(params.size());
  };
  const bool walk = filter.author_id || filter.created_by || !filter.title_contains.empty();
  std::string sql;
  if (count && !walk) {
    sql = "SELECT coalesce(sum(count), 0) FROM article_counts WHERE true";
    if (filter.status) sql += " AND status = " + next(ToParam(ArticleStatusName(*filter.status)));
    if (filter.section_id) sql += " AND section_id = " + next(ToParam(*filter.section_id));
    return {std::move(sql), std::move(params)};
  }
  sql = count ? "SELECT count(*)" : Select(kArticleColumns, "");
  sql += " FROM articles a WHERE true";
  if (filter.status) sql += " AND a.status = " + next(ToParam(ArticleStatusName(*filter.status)));
  if (filter.section_id) sql += " AND a.section_id = " + next(ToParam(*filter.section_id));
  if (filter.author_id) {
    sql += " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = " +
           next(ToParam(*filter.author_id)) + ")";
  }
  if (filter.created_by) sql += " AND a.created_by = " + next(ToParam(*filter.created_by));
  // ILIKE under the column's "C" collation ignores the case of ASCII letters only.
  if (!filter.title_contains.empty()) {
    sql += " AND a.title ILIKE " + next(ToParam(ContainsPattern(filter.title_contains))) +
           " ESCAPE '\\'";
  }
  if (!count) {
    sql += " ORDER BY a.updated_at DESC, a.id DESC LIMIT " + next(ToParam(filter.limit));
    sql += " OFFSET " + next(ToParam(filter.offset));
  }
  return {std::move(sql), std::move(params)};
}

}  // namespace

Result<std::vector<Article>> PostgresStore::ListArticles(const ArticleFilter& filter) {
  if (auto page = CheckPage(filter.limit, filter.offset); !page) {
    return base::Unexpected(page.error());
  }
  return Read([&filter](Connection& c) -> Result<std::vector<Article>> {
    const auto [sql, params] = NewsroomQuery(filter, /*count=*/false);
    auto rows = c.QueryParams(sql, params);
    if (!rows) return base::Unexpected(rows.error());
    return LoadArticleListing(c, *rows);
  });
}

Result<int64_t> PostgresStore::CountArticles(const ArticleFilter& filter) {
  return Read([&filter](Connection& c) -> Result<int64_t> {
    const auto [sql, params] = NewsroomQuery(filter, /*count=*/true);
    auto rows = c.QueryParams(sql, params);
    if (!rows) return base::Unexpected(rows.error());
    return rows->Int(0, 0);
  });
}

Result<std::vector<int64_t>> PostgresStore::PublishDueArticles(base::Seconds now) {
  return Write([now](Connection& c) -> Result<std::vector<int64_t>> {
    // The triggers of 0001 carry the new status to the author and tag links and the counts.
    auto published = c.Query(
        "UPDATE articles SET status = 'published', version = version + 1 "
        "WHERE status = 'scheduled' AND published_at <= $1 RETURNING id",
        UnixSeconds(now));
    if (!published) {
      return base::Unexpected(WithContext(published.error(), "publishing scheduled articles"));
    }
    std::vector<int64_t> ids;
    for (int row = 0; row < published->size(); ++row) ids.push_back(published->Int(row, 0));
    std::sort(ids.begin(), ids.end());
    for (int64_t id : ids) {
      if (auto related = RefreshRelated(c, id); !related) return base::Unexpected(related.error());
    }
    return ids;
  });
}

}  // namespace gazette::store::postgres
