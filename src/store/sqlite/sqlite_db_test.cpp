#include "store/sqlite/sqlite_db.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "base/testing/temp_dir.h"
#include "store/testing/result_assertions.h"

namespace gazette::store::sqlite {
namespace {

using base::ErrorCode;

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(db));
    db_ = std::move(*db);
    ASSERT_TRUE(Succeeds(
        db_->Exec("PRAGMA foreign_keys = ON;"
                  "CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
                  "CREATE TABLE children (id INTEGER PRIMARY KEY,"
                  "  parent_id INTEGER NOT NULL REFERENCES parents (id),"
                  "  age INTEGER NOT NULL CHECK (age >= 0));")));
  }

  Status InsertParent(std::string_view name) {
    auto insert = db_->Prepare("INSERT INTO parents (name) VALUES (?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(name);
    return insert->Run();
  }

  Status InsertChild(int64_t parent_id, int64_t age) {
    auto insert = db_->Prepare("INSERT INTO children (parent_id, age) VALUES (?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(parent_id, age);
    return insert->Run();
  }

  int64_t CountParents() {
    auto count = db_->Prepare("SELECT count(*) FROM parents");
    EXPECT_TRUE(Succeeds(count));
    EXPECT_TRUE(Succeeds(count->Step()));
    return count->Int(0);
  }

  int PreparedStatements() {
    int count = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db_->handle(), nullptr); s != nullptr;
         s = sqlite3_next_stmt(db_->handle(), s)) {
      ++count;
    }
    return count;
  }

  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "test.db").string();
  std::unique_ptr<Db> db_;
};

TEST_F(SqliteDbTest, ConstraintViolationsBecomeTheirErrorCodes) {
  ASSERT_TRUE(Succeeds(InsertParent("ann")));
  EXPECT_TRUE(FailsWith(InsertParent("ann"), ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(InsertChild(42, 1), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(InsertChild(1, -1), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Succeeds(InsertChild(1, 3)));
}

TEST_F(SqliteDbTest, ABusyDatabaseIsUnavailable) {
  auto other = Db::Open(path_, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(Succeeds(other));
  auto held = Transaction::Begin(*db_, Transaction::Mode::kWrite);
  ASSERT_TRUE(Succeeds(held));
  auto blocked = Transaction::Begin(**other, Transaction::Mode::kWrite);
  ASSERT_TRUE(FailsWith(blocked, ErrorCode::kUnavailable));
  EXPECT_EQ(blocked.error().message(), path_ + ": database is busy");
}

TEST_F(SqliteDbTest, AFileThatIsNotADatabaseIsInternalNamingThePath) {
  const std::string garbage = (dir_.path() / "notes.txt").string();
  std::ofstream(garbage) << "just text, long enough to have a header: " << std::string(200, 'x');
  auto db = Db::Open(garbage, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(Succeeds(db));  // SQLite reads lazily
  auto probe = (*db)->Prepare("PRAGMA schema_version");
  Status stepped = probe ? probe->Run() : Status(base::Unexpected(probe.error()));
  ASSERT_TRUE(FailsWith(stepped, ErrorCode::kInternal));
  EXPECT_EQ(stepped.error().message(), garbage + ": file is not a database");
}

TEST_F(SqliteDbTest, AMissingFileWithoutCreateIsUnavailable) {
  auto db = Db::Open((dir_.path() / "missing.db").string(), SQLITE_OPEN_READWRITE);
  EXPECT_TRUE(FailsWith(db, ErrorCode::kUnavailable));
}

TEST_F(SqliteDbTest, StatementsArePreparedOnceAndResetAfterUse) {
  ASSERT_TRUE(Succeeds(InsertParent("ann")));
  ASSERT_TRUE(Succeeds(InsertParent("bob")));
  const int before = PreparedStatements();
  for (int i = 0; i < 3; ++i) {
    auto names = db_->Prepare("SELECT name FROM parents ORDER BY id");
    ASSERT_TRUE(Succeeds(names));
    // Only the first row is read; the next use must still start from the top.
    ASSERT_TRUE(Succeeds(names->Step()));
    EXPECT_EQ(names->Text(0), "ann");
  }
  EXPECT_EQ(PreparedStatements(), before + 1);
}

TEST_F(SqliteDbTest, BindsEmptyStringsNullsAndNamedParameters) {
  auto query = db_->Prepare("SELECT :text IS NULL, length(:text), :number, :missing IS NULL");
  ASSERT_TRUE(Succeeds(query));
  query->Bind(":text", std::string_view());
  query->Bind(":number", std::optional<int64_t>(7));
  query->Bind(":missing", std::optional<std::string>());
  ASSERT_TRUE(Succeeds(query->Step()));
  EXPECT_EQ(query->Int(0), 0);
  EXPECT_EQ(query->Int(1), 0);
  EXPECT_EQ(query->OptionalInt(2), 7);
  EXPECT_EQ(query->Int(3), 1);
}

TEST_F(SqliteDbTest, AnUnknownParameterNameFailsTheStep) {
  auto query = db_->Prepare("SELECT :known");
  ASSERT_TRUE(Succeeds(query));
  query->Bind(":unknown", int64_t{1});
  EXPECT_TRUE(FailsWith(query->Step(), ErrorCode::kInternal));
}

TEST_F(SqliteDbTest, TransactionRollsBackUnlessCommitted) {
  {
    auto tx = Transaction::Begin(*db_, Transaction::Mode::kWrite);
    ASSERT_TRUE(Succeeds(tx));
    ASSERT_TRUE(Succeeds(InsertParent("ann")));
  }
  EXPECT_EQ(CountParents(), 0);
  {
    auto tx = Transaction::Begin(*db_, Transaction::Mode::kWrite);
    ASSERT_TRUE(Succeeds(tx));
    ASSERT_TRUE(Succeeds(InsertParent("bob")));
    ASSERT_TRUE(Succeeds(tx->Commit()));
  }
  EXPECT_EQ(CountParents(), 1);
}

TEST(WithContextTest, KeepsTheCodeAndPrefixesTheMessage) {
  const base::Error error =
      WithContext(base::Error(ErrorCode::kConflict, "already exists"), "section 'east-asia'");
  EXPECT_EQ(error.code(), ErrorCode::kConflict);
  EXPECT_EQ(error.message(), "section 'east-asia': already exists");
}

}  // namespace
}  // namespace gazette::store::sqlite
