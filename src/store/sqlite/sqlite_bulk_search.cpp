#include "store/sqlite/sqlite_bulk_search.h"

#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

namespace gazette::store::sqlite {
namespace {

// The side file is written as the database is during a bulk load (kBulkLoadPragmas).
constexpr std::string_view kSidePragmas =
    "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144";

// Replaces main's index by the side index, table by table. The definitions are the same (checked
// by SameDefinition), so are the tables' columns; main's own settings (article_search_config)
// stay.
constexpr std::string_view kCopyIndexSql =
    "DELETE FROM main.article_search_data; DELETE FROM main.article_search_idx; "
    "DELETE FROM main.article_search_content; DELETE FROM main.article_search_docsize; "
    "INSERT INTO main.article_search_data SELECT * FROM bulk_search.article_search_data; "
    "INSERT INTO main.article_search_idx SELECT * FROM bulk_search.article_search_idx; "
    "INSERT INTO main.article_search_content SELECT * FROM bulk_search.article_search_content; "
    "INSERT INTO main.article_search_docsize SELECT * FROM bulk_search.article_search_docsize";
// Adds the side index's rows to main's index, which tokenizes them again.
constexpr std::string_view kAddRowsSql =
    "INSERT INTO main.article_search (rowid, title, dek, body, authors, tags) "
    "SELECT rowid, title, dek, body, authors, tags FROM bulk_search.article_search";

// Whether `sql`, a query of one number, answers other than 0.
Result<bool> IsTrue(Db& db, std::string_view sql) {
  auto query = db.Prepare(sql);
  if (!query) return base::Unexpected(query.error());
  auto row = query->Step();
  if (!row) return base::Unexpected(row.error());
  return query->Int(0) != 0;
}

// Whether the article_search index of the connection's main database holds any article.
Result<bool> HasArticles(Db& db) {
  return IsTrue(db, "SELECT EXISTS (SELECT 1 FROM main.article_search_docsize)");
}

// Whether main's article_search is defined as the attached side file's.
Result<bool> SameDefinition(Db& main) {
  return IsTrue(main,
                "SELECT (SELECT sql FROM main.sqlite_schema WHERE name = 'article_search') IS "
                "(SELECT sql FROM bulk_search.sqlite_schema WHERE name = 'article_search')");
}

// The CREATE statement of the connection's article_search table, if it has one.
Result<std::optional<std::string>> IndexDefinition(Db& db) {
  auto query =
      db.Prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'article_search'");
  if (!query) return base::Unexpected(query.error());
  auto row = query->Step();
  if (!row) return base::Unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(query->Text(0));
}

Result<bool> Exists(const std::string& path) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  if (error) return base::UnavailableError(path + ": " + error.message());
  return exists;
}

Result<std::unique_ptr<Db>> OpenSide(const std::string& path, int create) {
  auto db = Db::Open(path, SQLITE_OPEN_READWRITE | create | SQLITE_OPEN_NOMUTEX);
  if (!db) return db;
  if (auto set = (*db)->Exec(kSidePragmas); !set) return base::Unexpected(set.error());
  return db;
}

// The side file attached to a connection as bulk_search, for the life of the guard.
class Attached {
 public:
  static Result<Attached> Attach(Db& main, const std::string& path) {
    auto attach = main.Prepare("ATTACH DATABASE ? AS bulk_search");
    if (!attach) return base::Unexpected(attach.error());
    attach->BindAll(path);
    if (auto attached = attach->Run(); !attached) return base::Unexpected(attached.error());
    return Attached(main);
  }
  Attached(Attached&& other) noexcept : main_(std::exchange(other.main_, nullptr)) {}
  Attached& operator=(Attached&&) = delete;
  // Detaching fails only inside a transaction, which the callers end before.
  ~Attached() {
    if (main_ != nullptr) (void)main_->Exec("DETACH DATABASE bulk_search");
  }

 private:
  explicit Attached(Db& main) : main_(&main) {}
  Db* main_;
};

}  // namespace

std::string BulkSearchPath(const std::string& path) { return path + "-bulk-search"; }

Status SetUpSearchForBulkLoad(Db& db) {
  // The index stops merging its segments four at a time as it grows, which at a million
  // articles rewrites each entry some six times, and merges only when one level holds 64 of
  // them; FinishBulkLoad merges them all once. The settings are stored in the index.
  return db.Exec(
      "INSERT INTO article_search (article_search, rank) VALUES ('automerge', 0); "
      "INSERT INTO article_search (article_search, rank) VALUES ('crisismerge', 64)");
}

Result<std::unique_ptr<BulkSearchIndex>> BulkSearchIndex::Open(Db& main) {
  const std::string path = BulkSearchPath(main.path());
  auto left = Exists(path);
  if (!left) return base::Unexpected(left.error());
  if (!*left) {
    auto indexed = HasArticles(main);
    if (!indexed) return base::Unexpected(indexed.error());
    if (*indexed) return std::unique_ptr<BulkSearchIndex>();
  }
  auto definition = IndexDefinition(main);
  if (!definition) return base::Unexpected(definition.error());
  if (!*definition) return base::InternalError(main.path() + ": no article_search table");
  auto side = OpenSide(path, SQLITE_OPEN_CREATE);
  if (!side) return base::Unexpected(side.error());
  auto existing = IndexDefinition(**side);
  if (!existing) return base::Unexpected(existing.error());
  if (!*existing) {
    if (auto created = (*side)->Exec(**definition); !created) {
      return base::Unexpected(created.error());
    }
    if (auto set = SetUpSearchForBulkLoad(**side); !set) return base::Unexpected(set.error());
  }
  return std::unique_ptr<BulkSearchIndex>(new BulkSearchIndex(std::move(*side)));
}

Status BulkSearchIndex::Add(std::span<const SearchRow> rows) {
  std::lock_guard lock(mutex_);
  auto transaction = Transaction::Begin(*db_, Transaction::Mode::kWrite);
  if (!transaction) return base::Unexpected(transaction.error());
  for (const SearchRow& row : rows) {
    if (auto inserted = InsertSearchRow(*db_, row); !inserted) return inserted;
  }
  return transaction->Commit();
}

Status MoveInBulkSearchIndex(Db& main) {
  const std::string path = BulkSearchPath(main.path());
  auto left = Exists(path);
  if (!left) return base::Unexpected(left.error());
  if (!*left) return base::Ok();
  {
    // Merged in the side file, before the copy: the merge reads and writes only the index.
    auto side = OpenSide(path, 0);
    if (!side) return base::Unexpected(side.error());
    auto merged = (*side)->Exec("INSERT INTO article_search (article_search) VALUES ('optimize')");
    if (!merged) return merged;
  }
  {
    auto attached = Attached::Attach(main, path);
    if (!attached) return base::Unexpected(attached.error());
    auto transaction = Transaction::Begin(main, Transaction::Mode::kWrite);
    if (!transaction) return base::Unexpected(transaction.error());
    auto indexed = HasArticles(main);
    if (!indexed) return base::Unexpected(indexed.error());
    auto same = SameDefinition(main);
    if (!same) return base::Unexpected(same.error());
    if (auto moved = main.Exec(!*indexed && *same ? kCopyIndexSql : kAddRowsSql); !moved) {
      return moved;
    }
    if (auto committed = transaction->Commit(); !committed) return committed;
  }
  std::error_code error;
  std::filesystem::remove(path, error);
  if (error) return base::UnavailableError(path + ": " + error.message());
  return base::Ok();
}

}  // namespace gazette::store::sqlite
