#include "store/sqlite/sqlite_bulk_derived.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {
namespace {

// Every trigger on articles, article_authors and article_tags, by name, sorted: the ones an
// insert fires are what WriteDerivedRows does instead; the others do not fire on an insert. No
// other table a new article is written to has triggers.
constexpr std::array<std::string_view, 20> kKnownTriggers = {
    "article_search_author_link_delete",
    "article_search_author_link_insert",
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
    "tag_counts_delete",
    "tag_counts_insert",
    "tag_counts_update",
};

// One statement per derived table, each over the batch's id range. The search row is the one
// article_search_update (0006) writes when an article is published: the same expressions, read
// from the stored row, so the index holds the same text. The counts are added as the insert
// triggers add one per row.
constexpr std::array<std::string_view, 5> kDerivedSql = {
    "INSERT INTO article_search (rowid, title, dek, body, authors, tags) "
    "SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '), "
    "replace(replace(a.dek, char(57344), ' '), char(57345), ' '), "
    "replace(replace(a.body_text, char(57344), ' '), char(57345), ' '), "
    "(SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa "
    "  JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id), "
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at "
    "  JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) "
    "FROM articles a WHERE a.id BETWEEN ?1 AND ?2 AND a.status = 'published'",

    "INSERT INTO article_counts (section_id, status, count) "
    "SELECT section_id, status, count(*) FROM articles WHERE id BETWEEN ?1 AND ?2 "
    "GROUP BY section_id, status "
    "ON CONFLICT (section_id, status) DO UPDATE SET count = count + excluded.count",

    "INSERT INTO partner_counts (partner_id, status, count) "
    "SELECT partner_id, status, count(*) FROM articles "
    "WHERE id BETWEEN ?1 AND ?2 AND partner_id IS NOT NULL GROUP BY partner_id, status "
    "ON CONFLICT (partner_id, status) DO UPDATE SET count = count + excluded.count",

    "INSERT INTO author_counts (author_id, status, count) "
    "SELECT author_id, status, count(*) FROM article_authors "
    "WHERE article_id BETWEEN ?1 AND ?2 GROUP BY author_id, status "
    "ON CONFLICT (author_id, status) DO UPDATE SET count = count + excluded.count",

    "INSERT INTO tag_counts (tag_id, status, count) "
    "SELECT tag_id, status, count(*) FROM article_tags "
    "WHERE article_id BETWEEN ?1 AND ?2 GROUP BY tag_id, status "
    "ON CONFLICT (tag_id, status) DO UPDATE SET count = count + excluded.count",
};

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
      "'article_authors', 'article_tags', 'article_slug_history', 'article_related', "
      "'article_counts', 'partner_counts', 'author_counts', 'tag_counts') ORDER BY name");
  if (!list) return base::Unexpected(list.error());
  auto names =
      ReadAll(*list, [](const Statement& row) -> base::Result<std::string> { return row.Text(0); });
  if (!names) return base::Unexpected(names.error());
  return std::equal(names->begin(), names->end(), kKnownTriggers.begin(), kKnownTriggers.end());
}

base::Status WriteDerivedRows(Db& db, int64_t first, int64_t last) {
  for (std::string_view sql : kDerivedSql) {
    auto statement = db.Prepare(sql);
    if (!statement) return base::Unexpected(statement.error());
    statement->BindAll(first, last);
    if (auto ran = statement->Run(); !ran) return ran;
  }
  return base::Ok();
}

}  // namespace gazette::store::sqlite
