#include "support/site_database.h"

#include <toml++/toml.h>

#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::support {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";

bool IsPostgres(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// The SQLite file a sqlite: URL names, relative to the site folder unless absolute.
std::string SqlitePath(const std::string& site_dir, const std::string& url) {
  const std::string path = url.substr(kSqliteScheme.size());
  return path.starts_with("/") ? path : site_dir + "/" + path;
}

}  // namespace

base::Result<std::string> SiteDatabaseUrl(const std::string& site_dir) {
  const std::string file = site_dir + "/gazette.toml";
  try {
    const toml::table root = toml::parse_file(file);
    auto url = root["database"]["url"].value<std::string>();
    if (!url) return base::NotFoundError(file + " has no database.url");
    return *url;
  } catch (const toml::parse_error& error) {
    return base::InvalidArgumentError(file + ": " + std::string(error.description()));
  }
}

base::Result<std::unique_ptr<store::Store>> OpenSiteDatabase(const std::string& site_dir) {
  auto url = SiteDatabaseUrl(site_dir);
  if (!url) return base::Unexpected(url.error());
  if (IsPostgres(*url)) return store::OpenPostgresStore(*url, {.connections = 1});
  return store::OpenSqliteStore(SqlitePath(site_dir, *url), {});
}

base::Status ExecOnSiteDatabase(const std::string& site_dir, const std::string& sql) {
  auto url = SiteDatabaseUrl(site_dir);
  if (!url) return base::Unexpected(url.error());
  if (IsPostgres(*url)) {
    auto connection = store::postgres::Connection::Open(*url);
    if (!connection) return base::Unexpected(connection.error());
    return (*connection)->Exec(sql);
  }
  auto db = store::sqlite::Db::Open(SqlitePath(site_dir, *url), SQLITE_OPEN_READWRITE);
  if (!db) return base::Unexpected(db.error());
  return (*db)->Exec(sql);
}

}  // namespace gazette::support
