// Opening a PostgreSQL store (connecting, migrating, pooling its connections) and checking it.
#include "store/postgres/postgres_store.h"

#include <string>
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

// Internal unless the copies the schema keeps for fast listings agree with the articles: the
// status and published_at of author and tag links, and the counts in article_counts.
Status CheckDerivedData(Connection& connection) {
  auto check = connection.Query(
      "SELECT (SELECT count(*) FROM (SELECT article_id, status, published_at FROM article_authors "
      "  UNION ALL SELECT article_id, status, published_at FROM article_tags) l "
      "  JOIN articles a ON a.id = l.article_id "
      "  WHERE l.status IS DISTINCT FROM a.status "
      "  OR l.published_at IS DISTINCT FROM a.published_at), "
      "(SELECT count(*) FROM article_counts c WHERE c.count <> (SELECT count(*) FROM articles a "
      "  WHERE a.section_id = c.section_id AND a.status = c.status)) + "
      "(SELECT count(*) FROM (SELECT DISTINCT section_id, status FROM articles) t "
      "  WHERE NOT EXISTS (SELECT 1 FROM article_counts c "
      "  WHERE c.section_id = t.section_id AND c.status = t.status))");
  if (!check) return base::Unexpected(check.error());
  const int64_t bad_links = check->Int(0, 0);
  const int64_t bad_counts = check->Int(0, 1);
  if (bad_links > 0) {
    return base::InternalError(connection.where() + ": " + std::to_string(bad_links) +
                               " author or tag links disagree with their article's status or date");
  }
  if (bad_counts > 0) {
    return base::InternalError(connection.where() + ": " + std::to_string(bad_counts) +
                               " article counts by section and status are wrong");
  }
  return base::Ok();
}

}  // namespace

// Pages and references are PostgreSQL's to keep (checksums, foreign keys on every reference);
// what the store checks is the schema version and the data it derives itself.
Status PostgresStore::CheckIntegrity() {
  return Read([](Connection& connection) -> Status {
    Status checked = CheckVersion(connection);
    if (checked) checked = CheckDerivedData(connection);
    return checked;
  });
}

}  // namespace postgres
}  // namespace gazette::store
