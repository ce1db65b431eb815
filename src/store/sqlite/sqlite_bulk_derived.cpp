#include "store/sqlite/sqlite_bulk_derived.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {
namespace {

// Every trigger on articles, article_authors and article_tags, by name, sorted: the ones an
// insert fires are what IndexForSearch and AddToCounts do instead; the others do not fire on an
// insert. No other table a new article is written to has triggers.
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

// The values of article_search_update (0006), for one article whose fields are bound.
constexpr std::string_view kIndexSql =
    "INSERT INTO article_search (rowid, title, dek, body, authors, tags) "
    "VALUES (?1, replace(replace(?2, char(57344), ' '), char(57345), ' '), "
    "replace(replace(?3, char(57344), ' '), char(57345), ' '), "
    "replace(replace(?4, char(57344), ' '), char(57345), ' '), "
    "(SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa "
    "  JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?1), "
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at "
    "  JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?1))";

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

base::Status IndexForSearch(Db& db, int64_t id, const content::Article& article,
                            std::string_view body_text) {
  auto insert = db.Prepare(kIndexSql);
  if (!insert) return base::Unexpected(insert.error());
  insert->BindAll(id, article.title, article.dek, body_text);
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
  return added;
}

}  // namespace gazette::store::sqlite
