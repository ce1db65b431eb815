#include "store/sqlite/sqlite_bulk_derived.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {
namespace {

// Every trigger on articles, article_bodies, article_authors and article_tags, by name, sorted:
// the ones an insert fires are what InsertSearchRow and AddToCounts do instead; the others do not
// fire on an insert. No other table a new article is written to has triggers.
constexpr std::array<std::string_view, 25> kKnownTriggers = {
    "article_search_author_link_delete",
    "article_search_author_link_insert",
    "article_search_body_delete",
    "article_search_body_update",
    "article_search_delete",
    "article_search_insert",
    "article_search_tag_link_delete",
    "article_search_tag_link_insert",
    "article_search_update",
    "articles_copy_listing_fields_to_links",
    "articles_count_delete",
    "articles_count_insert",
    "articles_count_update",
    "author_counts_delete",
    "author_counts_insert",
    "author_counts_update",
    "partner_counts_delete",
    "partner_counts_insert",
    "partner_counts_update",
    "published_months_delete",
    "published_months_insert",
    "published_months_update",
    "tag_counts_delete",
    "tag_counts_insert",
    "tag_counts_update",
};

// The row article_search_update (0006) writes for one article, with the title, dek, plain text
// and byline and tag names bound.
constexpr std::string_view kInsertSearchRowSql =
    "INSERT INTO article_search (rowid, title, dek, body, authors, tags) "
    "VALUES (?1, replace(replace(?2, char(57344), ' '), char(57345), ' '), "
    "replace(replace(?3, char(57344), ' '), char(57345), ' '), "
    "replace(replace(?4, char(57344), ' '), char(57345), ' '), ?5, ?6)";
// The byline and tag names article_search_update (0006) indexes for the article ?1.
constexpr std::string_view kSearchNamesSql =
    "SELECT (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa "
    "  JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?1), "
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at "
    "  JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?1)";

// How many of the batch's articles (or links) each (id, status) key gets.
using Counts = std::map<std::pair<int64_t, std::string_view>, int64_t>;

// Adds `counts` to a count table by `upsert`, whose parameters are the id, status and count.
base::Status Add(Db& db, std::string_view upsert, const Counts& counts) {
  auto statement = db.Prepare(upsert);
  if (!statement) return base::Unexpected(statement.error());
  for (const auto& [key, count] : counts) {
    statement->BindAll(key.first, key.second, count);
    if (auto ran = statement->Run(); !ran) return ran;
  }
  return base::Ok();
}

// A group of published_months (0008): the month's first second, partner (0: none), whether the
// articles have an original_url.
using MonthKey = std::tuple<int64_t, int64_t, bool>;

// How many of the batch's published articles a group gets, and the latest of their updates.
struct MonthCount {
  int64_t count = 0;
  int64_t last_updated_at = 0;
};

// The first second of the UTC month of `at`, as unixepoch(at, 'unixepoch', 'start of month').
int64_t MonthStart(base::Seconds at) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(at)};
  const std::chrono::sys_days first{day.year() / day.month() / 1};
  return std::chrono::sys_seconds{first}.time_since_epoch().count();
}

// Adds the batch's published articles to published_months as published_months_insert (0008)
// would one by one. The month goes through SQLite's own expression again (a no-op on a month's
// first second) so that a date SQLite cannot place fails the NOT NULL as the trigger's would.
base::Status AddToPublishedMonths(Db& db, std::span<const content::Article> articles) {
  std::map<MonthKey, MonthCount> months;
  for (const content::Article& article : articles) {
    if (article.status != content::ArticleStatus::kPublished) continue;
    MonthCount& month = months[{MonthStart(article.published_at), article.partner_id.value_or(0),
                                !article.original_url.empty()}];
    const int64_t updated_at = article.updated_at.time_since_epoch().count();
    month.last_updated_at =
        month.count == 0 ? updated_at : std::max(month.last_updated_at, updated_at);
    ++month.count;
  }
  auto upsert = db.Prepare(
      "INSERT INTO published_months (month, partner_id, has_original_url, count, "
      "last_updated_at) VALUES (unixepoch(?1, 'unixepoch', 'start of month'), ?2, ?3, ?4, ?5) "
      "ON CONFLICT (month, partner_id, has_original_url) DO UPDATE "
      "SET count = count + excluded.count, "
      "last_updated_at = max(last_updated_at, excluded.last_updated_at)");
  if (!upsert) return base::Unexpected(upsert.error());
  for (const auto& [key, month] : months) {
    const auto& [start, partner, has_original_url] = key;
    upsert->BindAll(start, partner, int64_t{has_original_url}, month.count, month.last_updated_at);
    if (auto ran = upsert->Run(); !ran) return ran;
  }
  return base::Ok();
}

void SetTriggers(Db& db, bool on) {
  // Fails only for an unknown option, which this one is not.
  sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, nullptr);
}

}  // namespace

TriggersOff::TriggersOff(Db& db) : db_(db) { SetTriggers(db_, false); }

TriggersOff::~TriggersOff() { SetTriggers(db_, true); }

base::Result<bool> DerivedRowsCoverTriggers(Db& db) {
  auto list = db.Prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('articles', "
      "'article_bodies', 'article_authors', 'article_tags', 'article_slug_history', "
      "'article_related', "
      "'article_counts', 'partner_counts', 'author_counts', 'tag_counts') ORDER BY name");
  if (!list) return base::Unexpected(list.error());
  auto names =
      ReadAll(*list, [](const Statement& row) -> base::Result<std::string> { return row.Text(0); });
  if (!names) return base::Unexpected(names.error());
  return std::equal(names->begin(), names->end(), kKnownTriggers.begin(), kKnownTriggers.end());
}

base::Result<SearchRow> MakeSearchRow(Db& db, int64_t id, const content::Article& article,
                                      std::string_view body_text) {
  auto names = db.Prepare(kSearchNamesSql);
  if (!names) return base::Unexpected(names.error());
  names->BindAll(id);
  auto row = names->Step();
  if (!row) return base::Unexpected(row.error());
  return SearchRow{.id = id,
                   .title = article.title,
                   .dek = article.dek,
                   .body_text = body_text,
                   .authors = names->Text(0),
                   .tags = names->Text(1)};
}

base::Status InsertSearchRow(Db& db, const SearchRow& row) {
  auto insert = db.Prepare(kInsertSearchRowSql);
  if (!insert) return base::Unexpected(insert.error());
  insert->BindAll(row.id, row.title, row.dek, row.body_text, row.authors, row.tags);
  return insert->Run();
}

base::Status AddToCounts(Db& db, std::span<const content::Article> articles) {
  Counts sections, partners, authors, tags;
  for (const content::Article& article : articles) {
    const std::string_view status = content::ArticleStatusName(article.status);
    ++sections[{article.section_id, status}];
    if (article.partner_id) ++partners[{*article.partner_id, status}];
    for (int64_t author : article.author_ids) ++authors[{author, status}];
    for (int64_t tag : article.tag_ids) ++tags[{tag, status}];
  }
  base::Status added =
      Add(db,
          "INSERT INTO article_counts (section_id, status, count) VALUES (?, ?, ?) "
          "ON CONFLICT (section_id, status) DO UPDATE SET count = count + "
          "excluded.count",
          sections);
  if (added) {
    added = Add(db,
                "INSERT INTO partner_counts (partner_id, status, count) VALUES (?, ?, ?) "
                "ON CONFLICT (partner_id, status) DO UPDATE SET count = count + excluded.count",
                partners);
  }
  if (added) {
    added = Add(db,
                "INSERT INTO author_counts (author_id, status, count) VALUES (?, ?, ?) "
                "ON CONFLICT (author_id, status) DO UPDATE SET count = count + excluded.count",
                authors);
  }
  if (added) {
    added = Add(db,
                "INSERT INTO tag_counts (tag_id, status, count) VALUES (?, ?, ?) "
                "ON CONFLICT (tag_id, status) DO UPDATE SET count = count + excluded.count",
                tags);
  }
  if (added) added = AddToPublishedMonths(db, articles);
  return added;
}

}  // namespace gazette::store::sqlite
