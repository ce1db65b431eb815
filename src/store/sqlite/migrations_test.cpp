#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

#include <string>

#include "base/testing/temp_dir.h"
#include "store/testing/result_assertions.h"

namespace gazette::store::sqlite {
namespace {

using base::ErrorCode;

TEST(EmbeddedMigrationsTest, AreNumberedFromOneWithoutGaps) {
  const auto migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    const Migration& migration = migrations[i];
    EXPECT_EQ(migration.version, static_cast<int>(i + 1));
    char prefix[6];
    std::snprintf(prefix, sizeof prefix, "%04d_", migration.version);
    EXPECT_EQ(migration.name.substr(0, 5), prefix);
    EXPECT_NE(migration.sql.find("CREATE"), std::string_view::npos);
  }
  EXPECT_EQ(LatestSchemaVersion(), migrations.back().version);
}

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db =
        Db::Open((dir_.path() / "test.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(db));
    db_ = std::move(*db);
  }

  int64_t CountTables() {
    auto count = db_->Prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    EXPECT_TRUE(Succeeds(count));
    EXPECT_TRUE(Succeeds(count->Step()));
    return count->Int(0);
  }

  base::testing::TempDir dir_;
  std::unique_ptr<Db> db_;
};

TEST_F(MigrationsTest, BringAnEmptyDatabaseUpToDateOnce) {
  EXPECT_EQ(CurrentSchemaVersion(*db_).value_or(-1), 0);
  ASSERT_TRUE(Succeeds(ApplyMigrations(*db_)));
  EXPECT_EQ(CurrentSchemaVersion(*db_).value_or(-1), LatestSchemaVersion());
  const int64_t tables = CountTables();
  ASSERT_TRUE(Succeeds(ApplyMigrations(*db_)));
  EXPECT_EQ(CountTables(), tables);
  EXPECT_EQ(CurrentSchemaVersion(*db_).value_or(-1), LatestSchemaVersion());
}

TEST_F(MigrationsTest, RefuseADatabaseWithoutSchemaVersionButWithTables) {
  ASSERT_TRUE(Succeeds(db_->Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)")));
  EXPECT_TRUE(FailsWith(ApplyMigrations(*db_), ErrorCode::kInternal));
  EXPECT_EQ(CountTables(), 1);
}

TEST_F(MigrationsTest, RefuseANewerDatabase) {
  ASSERT_TRUE(Succeeds(ApplyMigrations(*db_)));
  ASSERT_TRUE(Succeeds(db_->Exec(
      "INSERT INTO schema_version (version, name, applied_at) VALUES (4242, '4242_later', 0)")));
  auto applied = ApplyMigrations(*db_);
  ASSERT_TRUE(FailsWith(applied, ErrorCode::kInvalidArgument));
  EXPECT_EQ(applied.error().message(), "database schema version 4242 is newer than this gazette (" +
                                           std::to_string(LatestSchemaVersion()) + ")");
}

// The first migration meets a table it wants to create: it fails as a whole, and leaves no
// table of its own nor a version record behind.
TEST_F(MigrationsTest, AFailingMigrationLeavesNothingOfItself) {
  ASSERT_TRUE(Succeeds(
      db_->Exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at INTEGER NOT NULL) STRICT;"
                "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);")));
  auto applied = ApplyMigrations(*db_);
  ASSERT_TRUE(FailsWith(applied, ErrorCode::kInternal));
  EXPECT_NE(applied.error().message().find("migration 0001_initial failed"), std::string::npos)
      << applied.error().message();
  EXPECT_EQ(CountTables(), 2);
  EXPECT_EQ(CurrentSchemaVersion(*db_).value_or(-1), 0);
}

}  // namespace
}  // namespace gazette::store::sqlite
