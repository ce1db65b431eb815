// Opening an SQLite store (configuring, migrating, pooling its connections) and checking it.
#include "store/sqlite/sqlite_store.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "store/sqlite/migrations.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search_rank.h"
#include "store/sqlite/sqlite_bulk_search.h"
#include "store/sqlite/sqlite_related.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store {
namespace {

using sqlite::Db;

// Applied to every connection. busy_timeout makes a connection wait for a lock held by another
// process instead of failing at once.
constexpr std::string_view kConnectionPragmas = "PRAGMA busy_timeout = 5000";
// Applied to the writer; journal_mode is stored in the file, so the readers see WAL too.
constexpr std::string_view kWriterPragmas =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON";

// Applied to the writer as well for SqliteOptions::bulk_load, before the readers connect.
// The rollback journal is kept in memory instead of WAL, so that each page is written once, not
// to the log and again by the checkpoint; a rollback still works. Every later open goes back to
// WAL (kWriterPragmas).
constexpr std::string_view kBulkLoadPragmas =
    "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144";

// FTS5's defaults, back in force, and the segments merged into one.
constexpr std::string_view kFinishBulkLoadSql =
    "INSERT INTO article_search (article_search, rank) VALUES ('automerge', 4); "
    "INSERT INTO article_search (article_search, rank) VALUES ('crisismerge', 16); "
    "INSERT INTO article_search (article_search) VALUES ('optimize')";

// Opens and configures one connection. SQLite reads the file lazily, so a first query is made
// here: it is where a file that is not a database gets noticed.
Result<std::unique_ptr<Db>> Connect(const std::string& path, int flags, bool writer) {
  auto db = Db::Open(path, flags | SQLITE_OPEN_NOMUTEX);
  if (!db) return db;
  if (auto set = (*db)->Exec(kConnectionPragmas); !set) return base::Unexpected(set.error());
  if (auto registered = sqlite::RegisterSearchRank((*db)->handle()); !registered) {
    return base::Unexpected(registered.error());
  }
  {
    auto probe = (*db)->Prepare("PRAGMA schema_version");
    if (!probe) return base::Unexpected(probe.error());
    if (auto read = probe->Step(); !read) return base::Unexpected(read.error());
  }
  if (writer) {
    if (auto set = (*db)->Exec(kWriterPragmas); !set) return base::Unexpected(set.error());
  }
  return db;
}

// NotFound when the file is missing and may not be created.
Status CheckPresence(const std::string& path, bool create_if_missing) {
  std::error_code error;
  const auto type = std::filesystem::status(path, error).type();
  if (type == std::filesystem::file_type::not_found) {
    if (create_if_missing) return base::Ok();
    return base::NotFoundError("database not found: " + path);
  }
  if (error) return base::UnavailableError(path + ": " + error.message());
  return base::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options) {
  if (path.empty() || path == ":memory:") {
    return base::InvalidArgumentError("an SQLite store needs a file path, not '" + path + "'");
  }
  if (options.read_connections < 1) {
    return base::InvalidArgumentError("read_connections must be at least 1");
  }
  if (options.read_cache_bytes < 0) {
    return base::InvalidArgumentError("read_cache_bytes must not be negative");
  }
  if (auto present = CheckPresence(path, options.create_if_missing); !present) {
    return base::Unexpected(present.error());
  }
  const int create = options.create_if_missing ? SQLITE_OPEN_CREATE : 0;
  auto writer = Connect(path, SQLITE_OPEN_READWRITE | create, true);
  if (!writer) return base::Unexpected(writer.error());
  if (auto migrated = sqlite::ApplyMigrations(**writer); !migrated) {
    return base::Unexpected(migrated.error());
  }
  std::unique_ptr<sqlite::BulkSearchIndex> bulk_search;
  if (options.bulk_load) {
    if (auto set = (*writer)->Exec(kBulkLoadPragmas); !set) return base::Unexpected(set.error());
    if (auto set = sqlite::SetUpSearchForBulkLoad(**writer); !set) {
      return base::Unexpected(set.error());
    }
    auto side = sqlite::BulkSearchIndex::Open(**writer);
    if (!side) return base::Unexpected(side.error());
    bulk_search = std::move(*side);
  }
  // Lists that migration 0006 left to be worked out (see sqlite_related.h).
  if (auto related = sqlite::RefreshPendingRelated(**writer); !related) {
    return base::Unexpected(related.error());
  }
  // A negative cache_size is in KiB; SQLite keeps at least ten pages whatever it is set to.
  const std::string reader_cache =
      "PRAGMA cache_size = -" +
      std::to_string(options.read_cache_bytes / 1024 / options.read_connections);
  std::vector<std::unique_ptr<Db>> readers;
  for (int i = 0; i < options.read_connections; ++i) {
    auto reader = Connect(path, SQLITE_OPEN_READONLY, false);
    if (!reader) return base::Unexpected(reader.error());
    if (auto set = (*reader)->Exec(reader_cache); !set) return base::Unexpected(set.error());
    readers.push_back(std::move(*reader));
  }
  return std::make_unique<sqlite::SqliteStore>(std::move(*writer), std::move(readers),
                                               std::move(bulk_search));
}

Status FinishBulkLoad(const std::string& path) {
  if (auto present = CheckPresence(path, false); !present) return present;
  auto db = Connect(path, SQLITE_OPEN_READWRITE, true);
  if (!db) return base::Unexpected(db.error());
  // The merge rewrites the whole index: once, not to the log and again by the checkpoint.
  if (auto set = (*db)->Exec(kBulkLoadPragmas); !set) return set;
  if (auto moved = sqlite::MoveInBulkSearchIndex(**db); !moved) return moved;
  return (*db)->Exec(kFinishBulkLoadSql);
}

namespace sqlite {
namespace {

// Internal naming the first problems PRAGMA integrity_check reports, if any.
Status CheckPages(Db& db) {
  auto check = db.Prepare("PRAGMA integrity_check(5)");
  if (!check) return base::Unexpected(check.error());
  auto lines =
      ReadAll(*check, [](const Statement& row) -> Result<std::string> { return row.Text(0); });
  if (!lines) return base::Unexpected(lines.error());
  if (lines->size() == 1 && lines->front() == "ok") return base::Ok();
  std::string problems;
  for (const std::string& line : *lines) {
    if (!problems.empty()) problems += "; ";
    problems += line;
  }
  return base::InternalError(db.path() + ": integrity check failed: " + problems);
}

// Internal when some row refers to a row that does not exist.
Status CheckForeignKeys(Db& db) {
  auto check = db.Prepare("PRAGMA foreign_key_check");
  if (!check) return base::Unexpected(check.error());
  int64_t broken = 0;
  std::string first;
  while (true) {
    auto row = check->Step();
    if (!row) return base::Unexpected(row.error());
    if (!*row) break;
    if (broken++ == 0) first = check->Text(0) + " refers to a missing " + check->Text(2) + " row";
  }
  if (broken == 0) return base::Ok();
  return base::InternalError(db.path() + ": " + std::to_string(broken) +
                             " rows break foreign keys (first: " + first + ")");
}

// Internal unless the status and published_at that author and tag links copy from their article
// (for fast listings) agree with it.
Status CheckLinkCopies(Db& db) {
  auto check = db.Prepare(
      "SELECT count(*) FROM (SELECT article_id, status, published_at FROM article_authors "
      "  UNION ALL SELECT article_id, status, published_at FROM article_tags) l "
      "  JOIN articles a ON a.id = l.article_id "
      "  WHERE l.status IS NOT a.status OR l.published_at IS NOT a.published_at");
  if (!check) return base::Unexpected(check.error());
  auto row = check->Step();
  if (!row) return base::Unexpected(row.error());
  if (const int64_t bad_links = check->Int(0); bad_links > 0) {
    return base::InternalError(db.path() + ": " + std::to_string(bad_links) +
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
       "SELECT unixepoch(published_at, 'unixepoch', 'start of month') AS month, "
       "coalesce(partner_id, 0) AS partner_id, original_url <> '' AS has_original_url, "
       "count(*) AS count, max(updated_at) AS last_updated_at FROM articles "
       "WHERE status = 'published' GROUP BY 1, 2, 3",
       true},
  };
  return kAll;
}

// The first row of the kept table that disagrees with the recount, or that the recount has and
// the table lacks: its key ("section_id=3, status='published'"), the kept and the true count,
// and when dated the kept and the true latest update. A kept count of 0 matches no articles.
std::string MismatchSql(const KeptCounts& kept) {
  std::string key = "''";
  std::string on;
  for (std::string_view column : kept.key) {
    const std::string c(column);
    key += std::string(key == "''" ? " || '" : " || ', ") + c + "=' || quote(coalesce(k." + c +
           ", r." + c + "))";
    on += std::string(on.empty() ? "" : " AND ") + "r." + c + " = k." + c;
  }
  std::string sql = "SELECT " + key + ", coalesce(k.count, 0), coalesce(r.count, 0)";
  sql += kept.dated ? ", k.last_updated_at, r.last_updated_at" : ", NULL, NULL";
  sql += " FROM " + std::string(kept.table) + " k FULL JOIN (" + std::string(kept.recount) +
         ") r ON " + on + " WHERE coalesce(k.count, 0) <> coalesce(r.count, 0)";
  if (kept.dated) sql += " OR k.last_updated_at IS NOT r.last_updated_at";
  return sql + " LIMIT 1";
}

// Internal naming the table and key of the first kept count (or latest update) that a recount
// of the articles and their links contradicts.
Status CheckKeptCounts(Db& db) {
  for (const KeptCounts& kept : AllKeptCounts()) {
    auto check = db.Prepare(MismatchSql(kept));
    if (!check) return base::Unexpected(check.error());
    auto row = check->Step();
    if (!row) return base::Unexpected(row.error());
    if (!*row) continue;
    const std::string where =
        db.path() + ": " + std::string(kept.table) + " (" + check->Text(0) + ")";
    if (check->Int(1) != check->Int(2)) {
      return base::InternalError(where + " counts " + std::to_string(check->Int(1)) +
                                 " articles, but there are " + std::to_string(check->Int(2)));
    }
    return base::InternalError(where + " dates the latest update " + std::to_string(check->Int(3)) +
                               ", but it is " + std::to_string(check->Int(4)));
  }
  return base::Ok();
}

// Internal when a reference the schema cannot enforce with a foreign key (it was made before the
// table it names) is broken: an article's lead image, an author's user.
Status CheckUnenforcedReferences(Db& db) {
  auto check = db.Prepare(
      "SELECT (SELECT count(*) FROM articles a WHERE a.lead_image_id IS NOT NULL "
      "  AND NOT EXISTS (SELECT 1 FROM media m WHERE m.id = a.lead_image_id)), "
      "(SELECT count(*) FROM authors au WHERE au.user_id IS NOT NULL "
      "  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = au.user_id))");
  if (!check) return base::Unexpected(check.error());
  auto row = check->Step();
  if (!row) return base::Unexpected(row.error());
  const int64_t lead_images = check->Int(0);
  const int64_t authors = check->Int(1);
  if (lead_images > 0) {
    return base::InternalError(db.path() + ": " + std::to_string(lead_images) +
                               " articles have a lead image that is not stored");
  }
  if (authors > 0) {
    return base::InternalError(db.path() + ": " + std::to_string(authors) +
                               " authors belong to a user that does not exist");
  }
  return base::Ok();
}

// Internal when an article has no body row (0009): the store writes one with every article, and
// without it the article reads with empty bodies and is missing from the search index.
Status CheckBodies(Db& db) {
  auto check = db.Prepare(
      "SELECT count(*), min(a.id) FROM articles a "
      "WHERE NOT EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = a.id)");
  if (!check) return base::Unexpected(check.error());
  auto row = check->Step();
  if (!row) return base::Unexpected(row.error());
  if (const int64_t missing = check->Int(0); missing > 0) {
    return base::InternalError(db.path() + ": " + std::to_string(missing) +
                               " articles have no body row, the first with id " +
                               std::to_string(check->Int(1)));
  }
  return base::Ok();
}

Status CheckVersion(Db& db) {
  auto version = CurrentSchemaVersion(db);
  if (!version) return base::Unexpected(version.error());
  if (*version == LatestSchemaVersion()) return base::Ok();
  return base::InvalidArgumentError("database schema version " + std::to_string(*version) +
                                    ", but this gazette expects " +
                                    std::to_string(LatestSchemaVersion()));
}

}  // namespace

Status SqliteStore::CheckIntegrity() {
  return Read([](Db& db) -> Status {
    Status checked = CheckPages(db);
    if (checked) checked = CheckForeignKeys(db);
    if (checked) checked = CheckVersion(db);
    if (checked) checked = CheckUnenforcedReferences(db);
    if (checked) checked = CheckBodies(db);
    if (checked) checked = CheckLinkCopies(db);
    if (checked) checked = CheckKeptCounts(db);
    return checked;
  });
}

}  // namespace sqlite
}  // namespace gazette::store
