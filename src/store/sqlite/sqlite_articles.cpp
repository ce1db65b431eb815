// SqliteStore: articles with their author and tag links, moved-article history, page views.
#include <array>
#include <string>
#include <unordered_set>
#include <utility>

#include "content/plain_text.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_article_write.h"
#include "store/sqlite/sqlite_related.h"
#include "store/sqlite/sqlite_store_internal.h"
#include "store/write_checks.h"

namespace gazette::store::sqlite {
namespace {

using content::Article;

// InvalidArgument when `ids` names a row that does not exist or names one twice.
Status RequireRows(Db& db, std::string_view exists, std::span<const int64_t> ids,
                   std::string_view what) {
  std::unordered_set<int64_t> seen;
  for (int64_t id : ids) {
    if (!seen.insert(id).second) {
      return base::InvalidArgumentError(std::string(what) + " " + std::to_string(id) +
                                        " is listed twice");
    }
    if (auto found = RequireRow(db, exists, id, what); !found) return found;
  }
  return base::Ok();
}

// Runs a statement whose values are bound; errors name the article.
Status RunFor(Statement& stmt, const Article& article) {
  if (auto ran = stmt.Run(); !ran) {
    return base::Unexpected(WithContext(ran.error(), ArticleName(article)));
  }
  return base::Ok();
}

// Replaces one link table's rows for the article. `insert` takes (article id, other id,
// position) and copies the article's status and published_at from its row.
Status ReplaceLinks(Db& db, std::string_view remove, std::string_view insert, int64_t article_id,
                    std::span<const int64_t> ids) {
  auto removal = db.Prepare(remove);
  if (!removal) return base::Unexpected(removal.error());
  removal->BindAll(article_id);
  if (auto ran = removal->Run(); !ran) return ran;
  auto insertion = db.Prepare(insert);
  if (!insertion) return base::Unexpected(insertion.error());
  for (size_t position = 0; position < ids.size(); ++position) {
    insertion->BindAll(article_id, ids[position], static_cast<int64_t>(position));
    if (auto ran = insertion->Run(); !ran) return ran;
  }
  return base::Ok();
}

Status WriteLinks(Db& db, int64_t article_id, const Article& article) {
  Status written = ReplaceLinks(
      db, "DELETE FROM article_authors WHERE article_id = ?",
      "INSERT INTO article_authors (article_id, author_id, position, status, published_at) "
      "SELECT id, ?2, ?3, status, published_at FROM articles WHERE id = ?1",
      article_id, article.author_ids);
  if (written) {
    written = ReplaceLinks(
        db, "DELETE FROM article_tags WHERE article_id = ?",
        "INSERT INTO article_tags (article_id, tag_id, position, status, published_at) "
        "SELECT id, ?2, ?3, status, published_at FROM articles WHERE id = ?1",
        article_id, article.tag_ids);
  }
  if (!written) return base::Unexpected(WithContext(written.error(), ArticleName(article)));
  return base::Ok();
}

// What an update needs to know of the stored article before it writes.
struct StoredState {
  int64_t section_id = 0;
  std::string slug;
  int64_t version = 0;
};

// The stored article's place and version. NotFound if there is no such article.
Result<StoredState> StateOf(Db& db, int64_t id) {
  auto query = db.Prepare("SELECT section_id, slug, version FROM articles WHERE id = ?");
  if (!query) return base::Unexpected(query.error());
  query->BindAll(id);
  return ReadOne(
      *query,
      [](const Statement& row) -> Result<StoredState> {
        return StoredState{row.Int(0), row.Text(1), row.Int(2)};
      },
      "no article with id " + std::to_string(id));
}

// Remembers that the article lived at (section, slug); the latest article to leave a place wins.
Status RecordMove(Db& db, int64_t article_id, int64_t section_id, std::string_view slug) {
  auto record = db.Prepare(
      "INSERT INTO article_slug_history (section_id, slug, article_id) VALUES (?, ?, ?) "
      "ON CONFLICT (section_id, slug) DO UPDATE SET article_id = excluded.article_id");
  if (!record) return base::Unexpected(record.error());
  record->BindAll(section_id, slug, article_id);
  return record->Run();
}

Result<Article> ReadWithBody(const Statement& row) { return ReadArticle(row, true); }

// The one article `query` (bound, selecting kArticleColumnsWithBody) finds,
// with its links; NotFound `missing` if none.
Result<Article> LoadArticle(Db& db, Statement& query, std::string_view missing) {
  auto article = ReadOne(query, ReadWithBody, missing);
  if (!article) return article;
  std::vector<Article> one{std::move(*article)};
  if (auto filled = FillArticleLinks(db, one); !filled) return base::Unexpected(filled.error());
  return std::move(one.front());
}

// The listing query for the filters present in `query`, one text (and cached statement) per
// combination. With an author or a tag filter, the link table drives the query: its index holds
// copies of status and published_at, so it yields the newest published articles in order without
// a sort, from `before` on when given (a row value, which the index seeks to); articles rows are
// read only for the page itself, or when a section or partner filter needs them. A count with no
// filter or one (and no `before`) is one row of the counts the schema keeps; any other is a walk,
// cut off at kCountedAtMost.
const std::string& ListingSql(const ArticleQuery& query, bool count) {
  enum Filter { kSection = 1, kAuthor = 2, kTag = 4, kPartner = 8, kBefore = 16, kCount = 32 };
  static const std::array<std::string, 64> kSql = [] {
    std::array<std::string, 64> all;
    // The kept counts: the table and its key column for each single filter.
    const std::array<std::pair<int, std::string_view>, 5> kept = {{
        {0, "article_counts"},
        {kSection, "article_counts WHERE section_id = :section AND"},
        {kAuthor, "author_counts WHERE author_id = :author AND"},
        {kTag, "tag_counts WHERE tag_id = :tag AND"},
        {kPartner, "partner_counts WHERE partner_id = :partner AND"},
    }};
    for (const auto& [filter, table] : kept) {
      std::string sql = "SELECT coalesce(sum(count), 0) FROM " + std::string(table);
      sql += filter == 0 ? " WHERE" : "";
      all[kCount | filter] = sql + " status = 'published'";
    }
    for (int mask = 0; mask < 64; ++mask) {
      if (!all[mask].empty()) continue;
      const bool by_author = mask & kAuthor;
      const bool by_tag = mask & kTag;
      const bool counting = mask & kCount;
      // The driving table, its alias and its article id column.
      std::string_view driver = "a";
      std::string_view driver_id = "a.id";
      std::string sql = counting ? "SELECT count(*) FROM (SELECT 1" : Select(kArticleColumns, "");
      if (by_author) {
        driver = "aa";
        driver_id = "aa.article_id";
        sql += " FROM article_authors aa";
        // CROSS JOIN keeps this order of tables: SQLite's planner must not pick another driver.
        if (by_tag) sql += " CROSS JOIN article_tags tg ON tg.article_id = aa.article_id";
      } else if (by_tag) {
        driver = "tg";
        driver_id = "tg.article_id";
        sql += " FROM article_tags tg";
      } else {
        sql += " FROM articles a";
      }
      const bool needs_articles = !counting || (mask & (kSection | kPartner));
      if (driver != "a" && needs_articles) {
        sql += " CROSS JOIN articles a ON a.id = " + std::string(driver_id);
      }
      sql += " WHERE " + std::string(driver) + ".status = 'published'";
      if (by_author) sql += " AND aa.author_id = :author";
      if (by_tag) sql += " AND tg.tag_id = :tag";
      if (mask & kSection) sql += " AND a.section_id = :section";
      if (mask & kPartner) sql += " AND a.partner_id = :partner";
      if (mask & kBefore) {
        sql += " AND (" + std::string(driver) + ".published_at, " + std::string(driver_id) +
               ") < (:before_at, :before_id)";
      }
      if (counting) {
        sql += " LIMIT " + std::to_string(kCountedAtMost) + ")";
      } else {
        sql += " ORDER BY " + std::string(driver) + ".published_at DESC, " +
               std::string(driver_id) + " DESC LIMIT :limit OFFSET :offset";
      }
      all[mask] = std::move(sql);
    }
    return all;
  }();
  const int mask = (query.section_id ? kSection : 0) | (query.author_id ? kAuthor : 0) |
                   (query.tag_id ? kTag : 0) | (query.partner_id ? kPartner : 0) |
                   (query.before ? kBefore : 0) | (count ? kCount : 0);
  return kSql[mask];
}

void BindFilters(Statement& stmt, const ArticleQuery& query) {
  if (query.section_id) stmt.Bind(":section", *query.section_id);
  if (query.author_id) stmt.Bind(":author", *query.author_id);
  if (query.tag_id) stmt.Bind(":tag", *query.tag_id);
  if (query.partner_id) stmt.Bind(":partner", *query.partner_id);
  if (query.before) {
    stmt.Bind(":before_at", UnixSeconds(query.before->published_at));
    stmt.Bind(":before_id", query.before->id);
  }
}

}  // namespace

std::string ArticleName(const Article& article) { return "article '" + article.slug + "'"; }

Status CheckArticleReferences(Db& db, const Article& article) {
  Status checked =
      RequireRow(db, "SELECT 1 FROM sections WHERE id = ?", article.section_id, "section");
  if (checked && article.partner_id) {
    checked = RequireRow(db, "SELECT 1 FROM partners WHERE id = ?", *article.partner_id, "partner");
  }
  if (checked) {
    checked = RequireRows(db, "SELECT 1 FROM authors WHERE id = ?", article.author_ids, "author");
  }
  if (checked) {
    checked = RequireRows(db, "SELECT 1 FROM tags WHERE id = ?", article.tag_ids, "tag");
  }
  // The schema has no foreign key for the lead image (see 0003_newsroom.sql).
  if (checked && article.lead_image_id) {
    checked =
        RequireRow(db, "SELECT 1 FROM media WHERE id = ?", *article.lead_image_id, "lead image");
  }
  if (!checked) return base::Unexpected(WithContext(checked.error(), ArticleName(article)));
  return base::Ok();
}

void BindArticleFields(Statement& stmt, const Article& article) {
  stmt.Bind(":slug", article.slug);
  stmt.Bind(":title", article.title);
  stmt.Bind(":dek", article.dek);
  stmt.Bind(":status", content::ArticleStatusName(article.status));
  stmt.Bind(":section_id", article.section_id);
  stmt.Bind(":partner_id", article.partner_id);
  stmt.Bind(":original_url", article.original_url);
  stmt.Bind(":published_at", UnixSeconds(article.published_at));
  stmt.Bind(":updated_at", UnixSeconds(article.updated_at));
  stmt.Bind(":word_count", int64_t{article.word_count});
  stmt.Bind(":lead_image_id", article.lead_image_id);
  stmt.Bind(":lead_image_alt", article.lead_image_alt);
}

Status WriteBody(Db& db, int64_t id, const Article& article, std::string_view body_text) {
  auto write = db.Prepare(
      "INSERT INTO article_bodies (article_id, body_md, body_html, body_text) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (article_id) DO UPDATE SET body_md = excluded.body_md, "
      "body_html = excluded.body_html, body_text = excluded.body_text");
  if (!write) return base::Unexpected(write.error());
  write->BindAll(id, article.body_md, article.body_html, body_text);
  return write->Run();
}

Status ClearHistoryAt(Db& db, int64_t section_id, std::string_view slug) {
  auto clear = db.Prepare("DELETE FROM article_slug_history WHERE section_id = ? AND slug = ?");
  if (!clear) return base::Unexpected(clear.error());
  clear->BindAll(section_id, slug);
  return clear->Run();
}

Result<int64_t> SqliteStore::CreateArticle(const Article& article) {
  // Made before taking the writer: parsing Markdown need not hold up other writes.
  const std::string body_text = content::MarkdownToPlainText(article.body_md);
  return Write([&article, &body_text](Db& db) -> Result<int64_t> {
    Status checked = CheckArticleReferences(db, article);
    if (checked && article.created_by) {
      checked = RequireRow(db, "SELECT 1 FROM users WHERE id = ?", *article.created_by, "user");
      if (!checked) checked = base::Unexpected(WithContext(checked.error(), ArticleName(article)));
    }
    if (!checked) return base::Unexpected(checked.error());
    // A new article is at version 1, whatever article.version says.
    auto insert = db.Prepare(kInsertArticleSql);
    if (!insert) return base::Unexpected(insert.error());
    BindArticleFields(*insert, article);
    insert->Bind(":created_by", article.created_by);
    if (auto ran = RunFor(*insert, article); !ran) return base::Unexpected(ran.error());
    const int64_t id = db.LastInsertId();
    // Before the links: the body row's trigger makes the index row their triggers name.
    Status linked = WriteBody(db, id, article, body_text);
    if (linked) linked = WriteLinks(db, id, article);
    if (linked) linked = ClearHistoryAt(db, article.section_id, article.slug);
    if (linked && article.status == content::ArticleStatus::kPublished) {
      linked = RefreshRelated(db, id);
    }
    if (!linked) return base::Unexpected(linked.error());
    return id;
  });
}

Status SqliteStore::UpdateArticle(const Article& article) {
  const std::string body_text = content::MarkdownToPlainText(article.body_md);
  return Write([&article, &body_text](Db& db) -> Status {
    auto old = StateOf(db, article.id);
    if (!old) return base::Unexpected(old.error());
    const auto& [old_section_id, old_slug, old_version] = *old;
    if (old_version != article.version) return base::ConflictError(std::string(kChangedMeanwhile));
    if (auto checked = CheckArticleReferences(db, article); !checked) return checked;
    auto update = db.Prepare(
        "UPDATE articles SET slug = :slug, title = :title, dek = :dek, status = :status, "
        "section_id = :section_id, partner_id = :partner_id, original_url = :original_url, "
        "published_at = :published_at, "
        "updated_at = :updated_at, word_count = :word_count, lead_image_id = :lead_image_id, "
        "lead_image_alt = :lead_image_alt, version = version + 1 WHERE id = :id");
    if (!update) return base::Unexpected(update.error());
    BindArticleFields(*update, article);
    update->Bind(":id", article.id);
    if (auto ran = RunFor(*update, article); !ran) return ran;
    if (auto written = WriteBody(db, article.id, article, body_text); !written) return written;
    if (old_section_id != article.section_id || old_slug != article.slug) {
      if (auto moved = RecordMove(db, article.id, old_section_id, old_slug); !moved) return moved;
      if (auto cleared = ClearHistoryAt(db, article.section_id, article.slug); !cleared) {
        return cleared;
      }
    }
    if (auto linked = WriteLinks(db, article.id, article); !linked) return linked;
    // Published: its list follows the edit. Any other status: it leaves every list.
    return article.status == content::ArticleStatus::kPublished ? RefreshRelated(db, article.id)
                                                                : ForgetRelated(db, article.id);
  });
}

Result<Article> SqliteStore::GetArticle(int64_t id) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) + " WHERE a.id = ?");
  return Read([id](Db& db) -> Result<Article> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return LoadArticle(db, *query, "no article with id " + std::to_string(id));
  });
}

Result<Article> SqliteStore::GetPublishedArticle(int64_t section_id, std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) +
                 " WHERE a.slug = ? AND a.section_id = ? AND a.status = 'published'");
  return Read([section_id, slug](Db& db) -> Result<Article> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug, section_id);
    return LoadArticle(db, *query, "no published article '" + std::string(slug) + "'");
  });
}

Result<Article> SqliteStore::FindMovedArticle(int64_t section_id, std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM article_slug_history h JOIN articles a ON a.id = h.article_id" +
                 std::string(kArticleBodyJoin) +
                 " WHERE h.section_id = ? AND h.slug = ? AND a.status = 'published'");
  return Read([section_id, slug](Db& db) -> Result<Article> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(section_id, slug);
    return LoadArticle(db, *query, "no article moved from '" + std::string(slug) + "'");
  });
}

Result<Article> SqliteStore::GetArticleBySlug(std::string_view slug) {
  static const std::string kSql =
      Select(kArticleColumnsWithBody,
             "FROM articles a" + std::string(kArticleBodyJoin) + " WHERE a.slug = ?");
  return Read([slug](Db& db) -> Result<Article> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return LoadArticle(db, *query, "no article '" + std::string(slug) + "'");
  });
}

Result<std::vector<Article>> SqliteStore::ListPublished(const ArticleQuery& query) {
  if (auto page = CheckPage(query.limit, query.offset); !page) {
    return base::Unexpected(page.error());
  }
  return Read([&query](Db& db) -> Result<std::vector<Article>> {
    auto listing = db.Prepare(ListingSql(query, false));
    if (!listing) return base::Unexpected(listing.error());
    BindFilters(*listing, query);
    listing->Bind(":limit", int64_t{query.limit});
    listing->Bind(":offset", int64_t{query.offset});
    return LoadArticleListing(db, *listing, query.with_tag_ids);
  });
}

Result<int64_t> SqliteStore::CountPublished(const ArticleQuery& query) {
  return Read([&query](Db& db) -> Result<int64_t> {
    auto count = db.Prepare(ListingSql(query, true));
    if (!count) return base::Unexpected(count.error());
    BindFilters(*count, query);
    auto row = count->Step();
    if (!row) return base::Unexpected(row.error());
    return count->Int(0);
  });
}

Result<std::vector<PublishedMonth>> SqliteStore::ListPublishedMonths() {
  // published_months (0008) is kept in this order by its key: it needs no sort.
  static constexpr std::string_view kSql =
      "SELECT month, partner_id, has_original_url, count, last_updated_at FROM published_months "
      "ORDER BY month DESC, partner_id, has_original_url";
  return Read([](Db& db) -> Result<std::vector<PublishedMonth>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, [](const Statement& row) -> Result<PublishedMonth> {
      const int64_t partner_id = row.Int(1);
      return PublishedMonth{
          .month = base::Seconds(std::chrono::seconds(row.Int(0))),
          .partner_id = partner_id == 0 ? std::nullopt : std::optional<int64_t>(partner_id),
          .has_original_url = row.Int(2) != 0,
          .count = row.Int(3),
          .last_updated_at = base::Seconds(std::chrono::seconds(row.Int(4)))};
    });
  });
}

Status SqliteStore::AddViews(std::span<const ViewCount> views) {
  if (views.empty()) return base::Ok();
  return Write([views](Db& db) -> Status {
    auto add = db.Prepare(
        "INSERT INTO views_daily (article_id, day, count) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id, day) DO UPDATE SET count = count + excluded.count");
    if (!add) return base::Unexpected(add.error());
    for (const ViewCount& view : views) {
      add->BindAll(view.article_id, view.day, view.count);
      if (auto ran = add->Run(); !ran) {
        return base::Unexpected(
            WithContext(ran.error(), "views of article " + std::to_string(view.article_id)));
      }
    }
    return base::Ok();
  });
}

Result<std::vector<Article>> SqliteStore::MostViewed(int64_t since_day, int limit) {
  if (auto page = CheckPage(limit, 0); !page) return base::Unexpected(page.error());
  // INDEXED BY: the window's days are a range of views_daily_by_day, which covers the sum; the
  // planner would otherwise walk the whole table in article order to group it without a sort.
  static const std::string kSql =
      Select(kArticleColumns,
             "FROM (SELECT article_id, sum(count) AS total FROM views_daily "
             "INDEXED BY views_daily_by_day WHERE day >= ? "
             "GROUP BY article_id) v JOIN articles a ON a.id = v.article_id "
             "WHERE a.status = 'published' AND v.total > 0 "
             "ORDER BY v.total DESC, a.published_at DESC, a.id DESC LIMIT ?");
  return Read([since_day, limit](Db& db) -> Result<std::vector<Article>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(since_day, int64_t{limit});
    return LoadArticleListing(db, *query);
  });
}

}  // namespace gazette::store::sqlite
