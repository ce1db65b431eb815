#include "store/postgres/migrations.h"

#include <string>

#include "base/clock.h"
#include "content/plain_text.h"

namespace gazette::store::postgres {
namespace {

// The advisory lock that migrating nodes queue on: any fixed number, the same in every build.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_lock(7160616481337200006)";
constexpr std::string_view kUnlockMigrations = "SELECT pg_advisory_unlock(7160616481337200006)";

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    "version bigint PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)";

// Holds the migration lock for its lifetime. The lock belongs to the session, so it is also
// released if the connection drops.
class MigrationLock {
 public:
  static Result<MigrationLock> Take(Connection& connection) {
    if (auto locked = connection.Query(kLockMigrations); !locked) {
      return base::Unexpected(locked.error());
    }
    return MigrationLock(connection);
  }
  MigrationLock(MigrationLock&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  MigrationLock& operator=(MigrationLock&&) = delete;
  ~MigrationLock() {
    if (connection_ != nullptr) (void)connection_->Query(kUnlockMigrations);
  }

 private:
  explicit MigrationLock(Connection& connection) : connection_(&connection) {}
  Connection* connection_;
};

Result<bool> HasVersionTable(Connection& connection) {
  auto exists = connection.Query("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists) return base::Unexpected(exists.error());
  return exists->Bool(0, 0);
}

// Whether the schema the connection works in holds any table.
Result<bool> HasTables(Connection& connection) {
  auto any = connection.Query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema()");
  if (!any) return base::Unexpected(any.error());
  return !any->empty();
}

// Makes the schema_version table in a new database; refuses a database of some other program.
Status PrepareVersionTable(Connection& connection) {
  auto versioned = HasVersionTable(connection);
  if (!versioned) return base::Unexpected(versioned.error());
  if (*versioned) return base::Ok();
  auto tables = HasTables(connection);
  if (!tables) return base::Unexpected(tables.error());
  if (*tables) {
    return base::InternalError(connection.where() +
                               ": not a Gazette database (it has tables but no schema_version)");
  }
  return connection.Exec(kCreateVersionTable);
}

Status RefuseNewer(int current) {
  if (current <= LatestSchemaVersion()) return base::Ok();
  return base::InvalidArgumentError("database schema version " + std::to_string(current) +
                                    " is newer than this gazette (" +
                                    std::to_string(LatestSchemaVersion()) + ")");
}

// After 0006: body_text of every article stored before it, which SQL cannot make (see there).
Status FillPlainText(Connection& connection) {
  auto articles = connection.Query("SELECT id, body_md FROM articles ORDER BY id");
  if (!articles) return base::Unexpected(articles.error());
  for (int row = 0; row < articles->size(); ++row) {
    auto filled =
        connection.Query("UPDATE articles SET body_text = $2 WHERE id = $1", articles->Int(row, 0),
                         content::MarkdownToPlainText(articles->Text(row, 1)));
    if (!filled) return base::Unexpected(filled.error());
  }
  return base::Ok();
}

// The steps of one migration, inside its transaction.
Status Run(Connection& connection, const Migration& migration) {
  if (auto ran = connection.Exec(migration.sql); !ran) return ran;
  if (migration.version == 6) {
    if (auto filled = FillPlainText(connection); !filled) return filled;
  }
  auto recorded =
      connection.Query("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)",
                       int64_t{migration.version}, migration.name,
                       int64_t{base::SystemClock().Now().time_since_epoch().count()});
  if (!recorded) return base::Unexpected(recorded.error());
  return base::Ok();
}

Status Apply(Connection& connection, const Migration& migration) {
  if (auto began = connection.Exec("BEGIN"); !began) return began;
  if (auto ran = Run(connection, migration); !ran) {
    (void)connection.Exec("ROLLBACK");
    return base::InternalError(connection.where() + ": migration " + std::string(migration.name) +
                               " failed: " + ran.error().message());
  }
  return connection.Exec("COMMIT");
}

}  // namespace

int LatestSchemaVersion() { return EmbeddedMigrations().back().version; }

Result<int> CurrentSchemaVersion(Connection& connection) {
  auto exists = HasVersionTable(connection);
  if (!exists) return base::Unexpected(exists.error());
  if (!*exists) return 0;
  auto version = connection.Query("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version) return base::Unexpected(version.error());
  return static_cast<int>(version->Int(0, 0));
}

Status ApplyMigrations(Connection& connection) {
  auto lock = MigrationLock::Take(connection);
  if (!lock) return base::Unexpected(lock.error());
  if (auto prepared = PrepareVersionTable(connection); !prepared) return prepared;
  auto current = CurrentSchemaVersion(connection);
  if (!current) return base::Unexpected(current.error());
  if (auto newer = RefuseNewer(*current); !newer) return newer;
  for (const Migration& migration : EmbeddedMigrations()) {
    if (migration.version <= *current) continue;
    if (auto applied = Apply(connection, migration); !applied) return applied;
  }
  return base::Ok();
}

}  // namespace gazette::store::postgres
