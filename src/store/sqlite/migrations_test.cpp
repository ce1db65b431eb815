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

// A version-8 database, with the bodies in articles: 0009 moves them to article_bodies, drops
// them from articles, and the search index still finds a body word and follows body edits.
TEST_F(MigrationsTest, MoveTheBodiesOfAVersionEightDatabaseToTheirOwnTable) {
  ASSERT_TRUE(Succeeds(ApplyMigrationsUpTo(*db_, 8)));
  ASSERT_EQ(CurrentSchemaVersion(*db_).value_or(-1), 8);
  ASSERT_TRUE(Succeeds(db_->Exec(
      "PRAGMA foreign_keys = ON;"
      "INSERT INTO sections (slug, name, kind) VALUES ('east-asia', 'East Asia', 'region');"
      "INSERT INTO articles (slug, title, body_md, body_html, body_text, status, section_id) "
      "VALUES ('one', 'One', '*quokka*', '<p><em>quokka</em></p>', 'quokka', 'published', 1),"
      "('two', 'Two', 'wombat', '<p>wombat</p>', 'wombat', 'draft', 1);")));
  ASSERT_TRUE(Succeeds(ApplyMigrations(*db_)));
  EXPECT_EQ(CurrentSchemaVersion(*db_).value_or(-1), LatestSchemaVersion());

  const auto count = [this](std::string_view sql) {
    auto query = db_->Prepare(sql);
    EXPECT_TRUE(Succeeds(query));
    EXPECT_TRUE(Succeeds(query->Step()));
    return query->Int(0);
  };
  EXPECT_EQ(count("SELECT count(*) FROM pragma_table_info('articles') WHERE name LIKE 'body%'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM article_bodies b JOIN articles a ON a.id = b.article_id "
                  "WHERE (a.slug, b.body_md, b.body_html, b.body_text) IN (VALUES "
                  "('one', '*quokka*', '<p><em>quokka</em></p>', 'quokka'), "
                  "('two', 'wombat', '<p>wombat</p>', 'wombat'))"),
            2);
  const std::string_view find_quokka =
      "SELECT count(*) FROM article_search WHERE article_search MATCH 'quokka'";
  EXPECT_EQ(count(find_quokka), 1);
  ASSERT_TRUE(
      Succeeds(db_->Exec("UPDATE article_bodies SET body_text = 'numbat' "
                         "WHERE article_id = (SELECT id FROM articles WHERE slug = 'one')")));
  EXPECT_EQ(count(find_quokka), 0);
  EXPECT_EQ(count("SELECT count(*) FROM article_search WHERE article_search MATCH 'numbat'"), 1);
  // A draft is not indexed until it is published, with its body.
  ASSERT_TRUE(Succeeds(db_->Exec("UPDATE articles SET status = 'published' WHERE slug = 'two'")));
  EXPECT_EQ(count("SELECT count(*) FROM article_search WHERE article_search MATCH 'wombat'"), 1);
  ASSERT_TRUE(Succeeds(db_->Exec("DELETE FROM articles WHERE slug = 'two'")));
  EXPECT_EQ(count("SELECT count(*) FROM article_bodies"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM article_search"), 1);
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
