// SqliteStore: the newsroom's view of articles: listing and counting them whatever their status,
// and publishing the scheduled ones that have come due.
#include <algorithm>
#include <array>
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_related.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
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

// The listing or counting query for the filters present in `filter`, one text (and cached
// statement) per combination. Counts by status and section alone come from article_counts.
const std::string& NewsroomSql(const ArticleFilter& filter, bool count) {
  enum Filter { kStatus = 1, kSection = 2, kAuthor = 4, kCreator = 8, kTitle = 16, kCount = 32 };
  static const std::array<std::string, 64> kSql = [] {
    std::array<std::string, 64> all;
    for (int mask = 0; mask < 64; ++mask) {
      std::string sql;
      if ((mask & kCount) && !(mask & (kAuthor | kCreator | kTitle))) {
        sql = "SELECT coalesce(sum(count), 0) FROM article_counts WHERE 1";
        if (mask & kStatus) sql += " AND status = :status";
        if (mask & kSection) sql += " AND section_id = :section";
        all[mask] = std::move(sql);
        continue;
      }
      sql = (mask & kCount) ? "SELECT count(*)" : Select(kArticleColumns, "");
      sql += " FROM articles a WHERE 1";
      if (mask & kStatus) sql += " AND a.status = :status";
      if (mask & kSection) sql += " AND a.section_id = :section";
      if (mask & kAuthor) {
        sql += " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = :author)";
      }
      if (mask & kCreator) sql += " AND a.created_by = :creator";
      // LIKE compares ASCII letters without regard to case.
      if (mask & kTitle) sql += " AND a.title LIKE :title ESCAPE '\\'";
      if (!(mask & kCount)) {
        sql += " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset";
      }
      all[mask] = std::move(sql);
    }
    return all;
  }();
  const int mask = (filter.status ? kStatus : 0) | (filter.section_id ? kSection : 0) |
                   (filter.author_id ? kAuthor : 0) | (filter.created_by ? kCreator : 0) |
                   (filter.title_contains.empty() ? 0 : kTitle) | (count ? kCount : 0);
  return kSql[mask];
}

void BindFilter(Statement& stmt, const ArticleFilter& filter) {
  if (filter.status) stmt.Bind(":status", content::ArticleStatusName(*filter.status));
  if (filter.section_id) stmt.Bind(":section", *filter.section_id);
  if (filter.author_id) stmt.Bind(":author", *filter.author_id);
  if (filter.created_by) stmt.Bind(":creator", *filter.created_by);
  if (!filter.title_contains.empty()) {
    stmt.Bind(":title", ContainsPattern(filter.title_contains));
  }
}

}  // namespace

Result<std::vector<Article>> SqliteStore::ListArticles(const ArticleFilter& filter) {
  if (auto page = CheckPage(filter.limit, filter.offset); !page) {
    return base::Unexpected(page.error());
  }
  return Read([&filter](Db& db) -> Result<std::vector<Article>> {
    auto listing = db.Prepare(NewsroomSql(filter, false));
    if (!listing) return base::Unexpected(listing.error());
    BindFilter(*listing, filter);
    listing->Bind(":limit", int64_t{filter.limit});
    listing->Bind(":offset", int64_t{filter.offset});
    return LoadArticleListing(db, *listing);
  });
}

Result<int64_t> SqliteStore::CountArticles(const ArticleFilter& filter) {
  return Read([&filter](Db& db) -> Result<int64_t> {
    auto count = db.Prepare(NewsroomSql(filter, true));
    if (!count) return base::Unexpected(count.error());
    BindFilter(*count, filter);
    auto row = count->Step();
    if (!row) return base::Unexpected(row.error());
    return count->Int(0);
  });
}

Result<std::vector<int64_t>> SqliteStore::PublishDueArticles(base::Seconds now) {
  return Write([now](Db& db) -> Result<std::vector<int64_t>> {
    // The triggers of 0001 carry the new status to the author and tag links and the counts.
    auto publish = db.Prepare(
        "UPDATE articles SET status = 'published', version = version + 1 "
        "WHERE status = 'scheduled' AND published_at <= ? RETURNING id");
    if (!publish) return base::Unexpected(publish.error());
    publish->BindAll(UnixSeconds(now));
    auto ids =
        ReadAll(*publish, [](const Statement& row) -> Result<int64_t> { return row.Int(0); });
    if (!ids) return base::Unexpected(WithContext(ids.error(), "publishing scheduled articles"));
    std::sort(ids->begin(), ids->end());
    for (int64_t id : *ids) {
      if (auto related = RefreshRelated(db, id); !related) return base::Unexpected(related.error());
    }
    return ids;
  });
}

}  // namespace gazette::store::sqlite
