// Opening a PostgreSQL store (connecting, migrating, pooling its connections) and checking it.
#include "store/postgres/postgres_store.h"

#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/migrations.h"
#include "store/postgres/postgres_related.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 const PostgresOptions& options) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
    return base::InvalidArgumentError("a PostgreSQL store needs a postgresql:// URL");
  }
  if (options.connections < 1) {
    return base::InvalidArgumentError("connections must be at least 1");
  }
  std::vector<std::unique_ptr<postgres::Connection>> connections;
  for (int i = 0; i < options.connections; ++i) {
    auto connection = postgres::Connection::Open(url);
    if (!connection) return base::Unexpected(connection.error());
    connections.push_back(std::move(*connection));
  }
  if (auto migrated = postgres::ApplyMigrations(*connections.front()); !migrated) {
    return base::Unexpected(migrated.error());
  }
  // Lists that migration 0006 left to be worked out.
  if (auto related = postgres::RefreshPendingRelated(*connections.front()); !related) {
    return base::Unexpected(related.error());
  }
  return std::make_unique<postgres::PostgresStore>(std::move(connections));
}

namespace postgres {
namespace {

Status CheckVersion(Connection& connection) {
  auto version = CurrentSchemaVersion(connection);
  if (!version) return base::Unexpected(version.error());
  if (*version == LatestSchemaVersion()) return base::Ok();
  return base::InvalidArgumentError("database schema version " + std::to_string(*version) +
                                    ", but this gazette expects " +
                                    std::to_string(LatestSchemaVersion()));
}

// Internal unless the status and published_at that author and tag links copy from their article
// (for fast listings) agree with it.
Status CheckLinkCopies(Connection& connection) {
  auto check = connection.Query(
      "SELECT count(*) FROM (SELECT article_id, status, published_at FROM article_authors "
      "  UNION ALL SELECT article_id, status, published_at FROM article_tags) l "
      "  JOIN articles a ON a.id = l.article_id "
      "  WHERE l.status IS DISTINCT FROM a.status "
      "  OR l.published_at IS DISTINCT FROM a.published_at");
  if (!check) return base::Unexpected(check.error());
  if (const int64_t bad_links = check->Int(0, 0); bad_links > 0) {
    return base::InternalError(connection.where() + ": " + std::to_string(bad_links) +
                               " author or tag links disagree with their article's status or date");
  }
  return base::Ok();
}

// A table of counts that triggers keep (0001, 0007, 0008), and the query that counts afresh what
// it should hold: its key columns, then `count` (and `last_updated_at` when `dated`).
struct KeptCounts {
  std::string_view table;
  std::vector<std::string_view> key;
  std::string_view recount;
  bool dated = false;
};

const std::vector<KeptCounts>& AllKeptCounts() {
  static const std::vector<KeptCounts> kAll = {
      {"article_counts",
       {"section_id", "status"},
       "SELECT section_id, status, count(*) AS count FROM articles GROUP BY 1, 2"},
      {"author_counts",
       {"author_id", "status"},
       "SELECT author_id, status, count(*) AS count FROM article_authors GROUP BY 1, 2"},
      {"tag_counts",
       {"tag_id", "status"},
       "SELECT tag_id, status, count(*) AS count FROM article_tags GROUP BY 1, 2"},
      {"partner_counts",
       {"partner_id", "status"},
       "SELECT partner_id, status, count(*) AS count FROM articles WHERE partner_id IS NOT NULL "
       "GROUP BY 1, 2"},
      {"published_months",
       {"month", "partner_id", "has_original_url"},
       "SELECT published_month_start(published_at) AS month, "
       "coalesce(partner_id, 0) AS partner_id, original_url <> '' AS has_original_url, "
       "count(*) AS count, max(updated_at) AS last_updated_at FROM articles "
       "WHERE status = 'published' GROUP BY 1, 2, 3",
       true},
  };
  return kAll;
}

// The first row of the kept table that disagrees with the recount, or that the recount has and
// the table lacks: its key (section_id=3, status="published": each value as JSON), the kept
// and the true count, and when dated the kept and the true latest update. A kept count of 0
// matches no articles.
std::string MismatchSql(const KeptCounts& kept) {
  std::string key;
  std::string on;
  for (std::string_view column : kept.key) {
    const std::string c(column);
    key += std::string(key.empty() ? "'" : " || ', ") + c + "=' || to_jsonb(coalesce(k." + c +
           ", r." + c + "))::text";
    on += std::string(on.empty() ? "" : " AND ") + "r." + c + " = k." + c;
  }
  std::string sql = "SELECT " + key + ", coalesce(k.count, 0), coalesce(r.count, 0)";
  sql += kept.dated ? ", k.last_updated_at, r.last_updated_at" : ", NULL::bigint, NULL::bigint";
  sql += " FROM " + std::string(kept.table) + " k FULL JOIN (" + std::string(kept.recount) +
         ") r ON " + on + " WHERE coalesce(k.count, 0) <> coalesce(r.count, 0)";
  if (kept.dated) sql += " OR k.last_updated_at IS DISTINCT FROM r.last_updated_at";
  return sql + " LIMIT 1";
}

// Internal naming the table and key of the first kept count (or latest update) that a recount
// of the articles and their links contradicts.
Status CheckKeptCounts(Connection& connection) {
  for (const KeptCounts& kept : AllKeptCounts()) {
    auto check = connection.Query(MismatchSql(kept));
    if (!check) return base::Unexpected(check.error());
    if (check->empty()) continue;
    const std::string where =
        connection.where() + ": " + std::string(kept.table) + " (" + check->Text(0, 0) + ")";
    if (check->Int(0, 1) != check->Int(0, 2)) {
      return base::InternalError(where + " counts " + std::to_string(check->Int(0, 1)) +
                                 " articles, but there are " + std::to_string(check->Int(0, 2)));
    }
    return base::InternalError(where + " dates the latest update " +
                               std::to_string(check->Int(0, 3)) + ", but it is " +
                               std::to_string(check->Int(0, 4)));
  }
  return base::Ok();
}

// Internal when an article has no body row (0009): the store writes one with every article, and
// without it the article reads with empty bodies and is missing from the search index.
Status CheckBodies(Connection& connection) {
  auto check = connection.Query(
      "SELECT count(*), min(a.id) FROM articles a "
      "WHERE NOT EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = a.id)");
  if (!check) return base::Unexpected(check.error());
  if (const int64_t missing = check->Int(0, 0); missing > 0) {
    return base::InternalError(connection.where() + ": " + std::to_string(missing) +
                               " articles have no body row, the first with id " +
                               std::to_string(check->Int(0, 1)));
  }
  return base::Ok();
}

}  // namespace

// Pages and references are PostgreSQL's to keep (checksums, foreign keys on every reference);
// what the store checks is the schema version and the data it derives itself.
Status PostgresStore::CheckIntegrity() {
  return Read([](Connection& connection) -> Status {
    Status checked = CheckVersion(connection);
    if (checked) checked = CheckBodies(connection);
    if (checked) checked = CheckLinkCopies(connection);
    if (checked) checked = CheckKeptCounts(connection);
    return checked;
  });
}

}  // namespace postgres
}  // namespace gazette::store
