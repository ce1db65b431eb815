// The Store contract run against SQLite files, plus what only the SQLite backend does: opening,
// refusing unusable files, migrating, and checking the file's integrity.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_db.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using sqlite::Db;

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest, ::testing::Values(SqliteBackend()),
                         StoreBackendName);

// A temporary directory and a database path in it, with a raw connection for looking behind
// the store's back.
class SqliteStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Create() {
    auto store = OpenSqliteStore(path_, {.create_if_missing = true});
    EXPECT_TRUE(Succeeds(store));
    return store ? std::move(*store) : nullptr;
  }

  std::unique_ptr<Db> Raw() {
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE);
    EXPECT_TRUE(Succeeds(db));
    return db ? std::move(*db) : nullptr;
  }

  int64_t Count(Db& db, std::string_view sql) {
    auto query = db.Prepare(sql);
    EXPECT_TRUE(Succeeds(query));
    if (!query) return -1;
    auto row = query->Step();
    EXPECT_TRUE(Succeeds(row));
    return row && *row ? query->Int(0) : -1;
  }

  void WriteFile(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }

  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "gazette.db").string();
};

TEST_F(SqliteStoreTest, MissingFileIsNotFoundAndNotCreated) {
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(FailsWith(store, ErrorCode::kNotFound));
  EXPECT_EQ(store.error().message(), "database not found: " + path_);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(SqliteStoreTest, FileThatIsNotADatabaseIsInternalAndUntouched) {
  const std::string text = "Gazette notes, not a database.\nJust some lines of text.\n";
  WriteFile(text);
  auto store = OpenSqliteStore(path_, {.create_if_missing = true});
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInternal));
  EXPECT_EQ(store.error().message(), path_ + ": file is not a database");
  std::ifstream in(path_, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);
}

TEST_F(SqliteStoreTest, CorruptSchemaPageIsInternalNamingThePath) {
  ASSERT_NE(Create(), nullptr);
  {
    // Keep SQLite's 100-byte file header, scribble over the rest of the first page (the schema).
    std::fstream file(path_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(100);
    file << std::string(1000, 'x');
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInternal));
  EXPECT_EQ(store.error().message().find(path_ + ": "), 0u) << store.error().message();
}

TEST_F(SqliteStoreTest, DatabaseOfAnotherProgramIsRefused) {
  {
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(db));
    ASSERT_TRUE(Succeeds((*db)->Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)")));
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInternal));
  EXPECT_EQ(store.error().message().find(path_ + ": not a Gazette database"), 0u)
      << store.error().message();
}

TEST_F(SqliteStoreTest, BadOptionsAreInvalidArguments) {
  EXPECT_TRUE(FailsWith(OpenSqliteStore(path_, {.create_if_missing = true, .read_connections = 0}),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(OpenSqliteStore(":memory:", {.create_if_missing = true}),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(OpenSqliteStore(path_, {.create_if_missing = true, .read_cache_bytes = -1}),
                        ErrorCode::kInvalidArgument));
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(SqliteStoreTest, ReadsWorkWithTheSmallestReadCache) {
  auto store = OpenSqliteStore(path_, {.create_if_missing = true, .read_cache_bytes = 0});
  ASSERT_TRUE(Succeeds(store));
  ASSERT_TRUE(Succeeds((*store)->SetSetting("site.title", "Small")));
  EXPECT_EQ((*store)->GetSetting("site.title").value_or(""), "Small");
}

TEST_F(SqliteStoreTest, CreatesAWalDatabaseWithEveryMigrationAppliedOnce) {
  ASSERT_NE(Create(), nullptr);
  ASSERT_NE(Create(), nullptr);  // opening again applies nothing twice
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM schema_version"), sqlite::LatestSchemaVersion());
  EXPECT_EQ(Count(*raw, "SELECT max(version) FROM schema_version"), sqlite::LatestSchemaVersion());
  auto mode = raw->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(Succeeds(mode));
  ASSERT_TRUE(Succeeds(mode->Step()));
  EXPECT_EQ(mode->Text(0), "wal");
}

TEST_F(SqliteStoreTest, NewerSchemaIsRefused) {
  ASSERT_NE(Create(), nullptr);
  {
    auto raw = Raw();
    ASSERT_NE(raw, nullptr);
    ASSERT_TRUE(Succeeds(raw->Exec(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future', 0)")));
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInvalidArgument));
  EXPECT_EQ(store.error().message(), "database schema version 999 is newer than this gazette (" +
                                         std::to_string(sqlite::LatestSchemaVersion()) + ")");
}

TEST_F(SqliteStoreTest, IntegrityCheckFindsBrokenReferences) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  {
    // A connection without foreign_keys = ON lets a dangling reference in.
    auto raw = Raw();
    ASSERT_NE(raw, nullptr);
    ASSERT_TRUE(Succeeds(raw->Exec(
        "INSERT INTO articles (slug, title, status, section_id) VALUES ('x', 'X', 'draft', 42)")));
  }
  auto checked = store->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find("foreign keys"), std::string::npos)
      << checked.error().message();
  EXPECT_NE(checked.error().message().find(path_), std::string::npos);
}

// A lead image and an author's user have no foreign key (their columns predate the tables they
// name): the integrity check looks for them itself.
TEST_F(SqliteStoreTest, IntegrityCheckFindsAMissingLeadImageOrAuthorUser) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  const int64_t section = store->CreateSection({.slug = "east-asia", .name = "East Asia"}).value();
  content::Article article;
  article.slug = "piece";
  article.title = "Piece";
  article.section_id = section;
  ASSERT_TRUE(Succeeds(store->CreateArticle(article)));
  ASSERT_TRUE(Succeeds(store->CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"})));
  ASSERT_TRUE(Succeeds(store->CheckIntegrity()));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);

  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE articles SET lead_image_id = 77")));
  auto checked = store->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find("lead image"), std::string::npos)
      << checked.error().message();

  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE articles SET lead_image_id = NULL")));
  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE authors SET user_id = 88")));
  checked = store->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find("authors belong to a user"), std::string::npos)
      << checked.error().message();
}

TEST_F(SqliteStoreTest, IntegrityCheckFindsAMissingMigration) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  {
    auto raw = Raw();
    ASSERT_NE(raw, nullptr);
    ASSERT_TRUE(Succeeds(raw->Exec("DELETE FROM schema_version")));
  }
  EXPECT_TRUE(FailsWith(store->CheckIntegrity(), ErrorCode::kInvalidArgument));
}

TEST_F(SqliteStoreTest, LinkCopiesFollowTheArticleAndAreChecked) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  content::Article article;
  article.slug = "korea-talks";
  article.title = "Korea talks";
  article.status = content::ArticleStatus::kPublished;
  article.section_id = store->CreateSection({.slug = "east-asia", .name = "East Asia"}).value();
  const int64_t ann = store->CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}).value();
  const int64_t energy = store->UpsertTag({.slug = "energy", .name = "Energy"}).value();
  article.author_ids = {ann};
  article.tag_ids = {energy};
  ASSERT_TRUE(Succeeds(store->CreateArticle(article)));
  EXPECT_EQ(store->CountPublished({.author_id = ann}).value_or(-1), 1);

  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  // A change made behind the store's back still reaches the links' copies.
  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE articles SET status = 'archived'")));
  EXPECT_EQ(store->CountPublished({.author_id = ann}).value_or(-1), 0);
  EXPECT_EQ(store->CountPublished({.tag_id = energy}).value_or(-1), 0);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));

  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE article_tags SET published_at = 1")));
  auto checked = store->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find("1 author or tag links disagree"), std::string::npos)
      << checked.error().message();
}

TEST_F(SqliteStoreTest, CountsFollowTheArticlesAndAreChecked) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  const int64_t east = store->CreateSection({.slug = "east-asia", .name = "East Asia"}).value();
  const int64_t south = store->CreateSection({.slug = "south-asia", .name = "South Asia"}).value();
  content::Article article;
  article.title = "Piece";
  article.status = content::ArticleStatus::kPublished;
  article.section_id = east;
  for (const char* slug : {"one", "two", "three"}) {
    article.slug = slug;
    ASSERT_TRUE(Succeeds(store->CreateArticle(article)));
  }
  article.slug = "three";
  article.id = store->GetPublishedArticle(east, "three").value().id;
  article.section_id = south;
  ASSERT_TRUE(Succeeds(store->UpdateArticle(article)));
  EXPECT_EQ(store->CountPublished({}).value_or(-1), 3);
  EXPECT_EQ(store->CountPublished({.section_id = east}).value_or(-1), 2);
  EXPECT_EQ(store->CountPublished({.section_id = south}).value_or(-1), 1);

  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE articles SET status = 'draft' WHERE slug = 'one'")));
  ASSERT_TRUE(
      Succeeds(raw->Exec("PRAGMA foreign_keys = ON; DELETE FROM articles WHERE slug = 'three'")));
  EXPECT_EQ(store->CountPublished({}).value_or(-1), 1);
  EXPECT_EQ(store->CountPublished({.section_id = east}).value_or(-1), 1);
  EXPECT_EQ(store->CountPublished({.section_id = south}).value_or(-1), 0);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));

  ASSERT_TRUE(
      Succeeds(raw->Exec("UPDATE article_counts SET count = count + 1 WHERE section_id = 2 AND "
                         "status = 'published'")));
  auto checked = store->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find(
                "article_counts (section_id=2, status='published') counts 1 articles, but there "
                "are 0"),
            std::string::npos)
      << checked.error().message();
}

// Each table of counts that triggers keep is recounted by the check, which names the table and
// the key of a row that is off: a wrong count, a missing row, a row too many, a wrong date.
TEST_F(SqliteStoreTest, TheCheckRecountsEveryKeptCountAndNamesTheRowThatIsOff) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  content::Article article;
  article.slug = "korea-talks";
  article.title = "Korea talks";
  article.status = content::ArticleStatus::kPublished;
  article.section_id = store->CreateSection({.slug = "east-asia", .name = "East Asia"}).value();
  article.partner_id = store->CreatePartner({.slug = "riac", .name = "RIAC"}).value();
  article.author_ids = {store->CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}).value()};
  article.tag_ids = {store->UpsertTag({.slug = "energy", .name = "Energy"}).value()};
  article.published_at = base::Seconds(std::chrono::seconds(1'700'000'000));  // November 2023
  article.updated_at = base::Seconds(std::chrono::seconds(1'700'000'100));
  ASSERT_TRUE(Succeeds(store->CreateArticle(article)));
  ASSERT_TRUE(Succeeds(store->CheckIntegrity()));

  struct Corruption {
    std::string break_it;
    std::string repair;
    std::string said;
  };
  const std::vector<Corruption> corruptions = {
      {"UPDATE article_counts SET count = 5", "UPDATE article_counts SET count = 1",
       "article_counts (section_id=1, status='published') counts 5 articles, but there are 1"},
      {"UPDATE author_counts SET count = 0", "UPDATE author_counts SET count = 1",
       "author_counts (author_id=1, status='published') counts 0 articles, but there are 1"},
      {"DELETE FROM tag_counts", "INSERT INTO tag_counts VALUES (1, 'published', 1)",
       "tag_counts (tag_id=1, status='published') counts 0 articles, but there are 1"},
      {"INSERT INTO partner_counts VALUES (1, 'review', 2)",
       "DELETE FROM partner_counts WHERE status = 'review'",
       "partner_counts (partner_id=1, status='review') counts 2 articles, but there are 0"},
      {"UPDATE published_months SET count = 3", "UPDATE published_months SET count = 1",
       "published_months (month=1698796800, partner_id=1, has_original_url=0) counts 3 articles, "
       "but there are 1"},
      {"UPDATE published_months SET last_updated_at = 5",
       "UPDATE published_months SET last_updated_at = 1700000100",
       "published_months (month=1698796800, partner_id=1, has_original_url=0) dates the latest "
       "update 5, but it is 1700000100"},
      {"CREATE TEMP TABLE kept_bodies AS SELECT * FROM article_bodies; DELETE FROM article_bodies",
       "INSERT INTO article_bodies SELECT * FROM kept_bodies; DROP TABLE kept_bodies",
       "1 articles have no body row, the first with id 1"},
  };
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  for (const Corruption& corruption : corruptions) {
    ASSERT_TRUE(Succeeds(raw->Exec(corruption.break_it))) << corruption.break_it;
    auto checked = store->CheckIntegrity();
    ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal)) << corruption.break_it;
    EXPECT_EQ(checked.error().message(), path_ + ": " + corruption.said);
    ASSERT_TRUE(Succeeds(raw->Exec(corruption.repair))) << corruption.repair;
    EXPECT_TRUE(Succeeds(store->CheckIntegrity())) << corruption.repair;
  }
}

// A database of schema version 7 with articles in it: opening it counts each month's published
// articles into published_months (0008), dated by their latest update.
TEST_F(SqliteStoreTest, OpeningAVersionSevenDatabaseCountsItsMonths) {
  {
    auto raw = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(raw));
    ASSERT_TRUE(Succeeds(sqlite::ApplyMigrationsUpTo(**raw, 7)));
    ASSERT_EQ(sqlite::CurrentSchemaVersion(**raw).value_or(-1), 7);
    // November 2023 begins at 1698796800; the partner piece has its own row.
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "INSERT INTO sections (slug, name, kind) VALUES ('east-asia', 'East Asia', 'region');"
        "INSERT INTO partners (slug, name) VALUES ('riac', 'RIAC');"
        "INSERT INTO articles (slug, title, status, section_id, partner_id, original_url, "
        "published_at, updated_at) VALUES "
        "('a', 'A', 'published', 1, NULL, '', 1698796799, 1698796900),"
        "('b', 'B', 'published', 1, NULL, '', 1698796800, 1699000000),"
        "('c', 'C', 'published', 1, NULL, '', 1699999999, 1699500000),"
        "('d', 'D', 'draft', 1, NULL, '', 1699000000, 1800000000),"
        "('e', 'E', 'published', 1, 1, 'https://riac.example/e', 1699000000, 1699000001);")));
  }
  auto store = Create();
  ASSERT_NE(store, nullptr);
  auto months = store->ListPublishedMonths();
  ASSERT_TRUE(Succeeds(months));
  ASSERT_EQ(months->size(), 3u);
  const auto at = [](int64_t seconds) { return base::Seconds(std::chrono::seconds(seconds)); };
  EXPECT_EQ((*months)[0].month, at(1698796800));
  EXPECT_EQ((*months)[0].partner_id, std::nullopt);
  EXPECT_EQ((*months)[0].count, 2);
  EXPECT_EQ((*months)[0].last_updated_at, at(1699500000));
  EXPECT_EQ((*months)[1].month, at(1698796800));
  EXPECT_EQ((*months)[1].partner_id, std::optional<int64_t>(1));
  EXPECT_TRUE((*months)[1].has_original_url);
  EXPECT_EQ((*months)[1].count, 1);
  EXPECT_EQ((*months)[2].month, at(1696118400));  // October
  EXPECT_EQ((*months)[2].count, 1);
  EXPECT_EQ((*months)[2].last_updated_at, at(1698796900));
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

// A trigger makes the last statement of a write fail, after the article row, its authors and
// its first tag are written: the transaction must take all of them back.
TEST_F(SqliteStoreTest, AWriteFailingHalfwayLeavesNoRows) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  const int64_t section = store->CreateSection({.slug = "east-asia", .name = "East Asia"}).value();
  const int64_t ann = store->CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}).value();
  const int64_t good = store->UpsertTag({.slug = "good", .name = "Good"}).value();
  const int64_t cursed = store->UpsertTag({.slug = "cursed", .name = "Cursed"}).value();
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(
      Succeeds(raw->Exec("CREATE TRIGGER fail_cursed BEFORE INSERT ON article_tags "
                         "WHEN NEW.tag_id = (SELECT id FROM tags WHERE slug = 'cursed') "
                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));

  content::Article article;
  article.slug = "korea-talks";
  article.title = "Korea talks";
  article.status = content::ArticleStatus::kPublished;
  article.section_id = section;
  article.author_ids = {ann};
  article.tag_ids = {good, cursed};
  EXPECT_FALSE(store->CreateArticle(article).has_value());
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM articles"), 0);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_authors"), 0);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_tags"), 0);

  article.tag_ids = {good};
  auto id = store->CreateArticle(article);
  ASSERT_TRUE(Succeeds(id));
  article.id = *id;
  article.slug = "korea-talks-resume";
  article.title = "Changed";
  article.tag_ids = {cursed};
  EXPECT_FALSE(store->UpdateArticle(article).has_value());
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_slug_history"), 0);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM articles WHERE slug = 'korea-talks'"), 1);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_tags"), 1);
  EXPECT_EQ(Count(*raw, "SELECT tag_id FROM article_tags"), good);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_authors"), 1);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

TEST_F(SqliteStoreTest, TwoStoresOnOneFileSeeEachOthersWrites) {
  auto first = Create();
  auto second = Create();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(Succeeds(first->SetSetting("site.title", "One")));
  EXPECT_EQ(second->GetSetting("site.title").value_or(""), "One");
  ASSERT_TRUE(Succeeds(second->SetSetting("site.title", "Two")));
  EXPECT_EQ(first->GetSetting("site.title").value_or(""), "Two");
  // A hold keeps only the reads of its own store.
  const auto hold = first->HoldReads();
  EXPECT_EQ(first->GetSetting("site.title").value_or(""), "Two");
  ASSERT_TRUE(Succeeds(second->SetSetting("site.title", "Three")));
  EXPECT_EQ(second->GetSetting("site.title").value_or(""), "Three");
  EXPECT_EQ(first->GetSetting("site.title").value_or(""), "Two");
}

// No Store method deletes a user yet; the schema already ends a deleted user's sessions with it.
TEST_F(SqliteStoreTest, DeletingAUserEndsItsSessions) {
  auto store = Create();
  ASSERT_NE(store, nullptr);
  auto user = [](const std::string& email) {
    return content::User{.email = email, .name = email, .password_hash = "$argon2id$x"};
  };
  const int64_t ann = store->CreateUser(user("ann@example.com")).value();
  const int64_t bob = store->CreateUser(user("bob@example.com")).value();
  for (const auto& [hash, owner] : {std::pair{"a1", ann}, {"a2", ann}, {"b1", bob}}) {
    ASSERT_TRUE(Succeeds(store->CreateSession(
        {.token_hash = hash, .user_id = owner, .expires_at = base::Seconds::max()})));
  }
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(raw->Exec("PRAGMA foreign_keys = ON")));
  ASSERT_TRUE(Succeeds(raw->Exec("DELETE FROM users WHERE email = 'ann@example.com'")));
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM sessions"), 1);
  EXPECT_EQ(Count(*raw, "SELECT user_id FROM sessions"), bob);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

// A database made before the accounts existed gains their tables when it is opened.
TEST_F(SqliteStoreTest, OpeningAnOlderDatabaseAddsTheAccounts) {
  {
    auto raw = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(raw));
    const sqlite::Migration& first = sqlite::EmbeddedMigrations().front();
    ASSERT_EQ(first.name, "0001_initial");
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL) STRICT;"
        "INSERT INTO schema_version VALUES (1, '0001_initial', 0);")));
    ASSERT_TRUE(Succeeds((*raw)->Exec(first.sql)));
  }
  auto store = Create();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(Succeeds(store->CreateUser(
      {.email = "ann@example.com", .name = "Ann", .password_hash = "$argon2id$x"})));
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

// A database of schema version 2 with an article in it: opening it adds the newsroom's columns
// and tables, and the article starts at version 1 with no lead image and no creator.
TEST_F(SqliteStoreTest, OpeningAVersionTwoDatabaseKeepsItsArticles) {
  {
    auto raw = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(raw));
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL) STRICT;")));
    for (const sqlite::Migration& migration : sqlite::EmbeddedMigrations()) {
      if (migration.version > 2) break;
      ASSERT_TRUE(Succeeds((*raw)->Exec(migration.sql)));
      ASSERT_TRUE(Succeeds((*raw)->Exec("INSERT INTO schema_version VALUES (" +
                                        std::to_string(migration.version) + ", 'old', 0)")));
    }
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "INSERT INTO sections (slug, name, kind) VALUES ('east-asia', 'East Asia', 'region');"
        "INSERT INTO articles (slug, title, status, section_id, published_at) "
        "VALUES ('old-piece', 'Old piece', 'published', 1, 100);")));
  }
  auto store = Create();
  ASSERT_NE(store, nullptr);
  auto listed = store->ListArticles({});
  ASSERT_TRUE(Succeeds(listed));
  ASSERT_EQ(listed->size(), 1u);
  content::Article article = listed->front();
  EXPECT_EQ(article.slug, "old-piece");
  EXPECT_EQ(article.version, 1);
  EXPECT_EQ(article.created_by, std::nullopt);
  EXPECT_EQ(article.lead_image_alt, "");
  article.title = "Old piece, edited";
  EXPECT_TRUE(Succeeds(store->UpdateArticle(article)));
  EXPECT_TRUE(FailsWith(store->UpdateArticle(article), ErrorCode::kConflict));
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

// A database of schema version 4 whose search index holds Markdown: opening it fills body_text
// and indexes that instead, so snippets lose the Markdown marks and link targets stop matching.
TEST_F(SqliteStoreTest, OpeningAVersionFourDatabaseIndexesPlainText) {
  {
    auto raw = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(raw));
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL) STRICT;")));
    for (const sqlite::Migration& migration : sqlite::EmbeddedMigrations()) {
      if (migration.version > 4) break;
      ASSERT_TRUE(Succeeds((*raw)->Exec(migration.sql)));
      ASSERT_TRUE(Succeeds((*raw)->Exec("INSERT INTO schema_version VALUES (" +
                                        std::to_string(migration.version) + ", 'old', 0)")));
    }
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "INSERT INTO sections (slug, name, kind) VALUES ('east-asia', 'East Asia', 'region');"
        "INSERT INTO articles (slug, title, body_md, status, section_id, published_at) "
        "VALUES ('old-piece', 'Old piece', 'A **quokka** census[^1] [here](https://wombat.example)."
        "\n\n[^1]: Counted.\n', 'published', 1, 100),"
        "('old-draft', 'Old draft', '*quokka*', 'draft', 1, 100);")));
    ASSERT_EQ(
        Count(**raw, "SELECT count(*) FROM article_search WHERE article_search MATCH 'wombat'"), 1);
  }
  auto store = Create();
  ASSERT_NE(store, nullptr);
  auto page = store->SearchArticles({.terms = {{.words = {"quokka"}}}});
  ASSERT_TRUE(Succeeds(page));
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_EQ(page->hits[0].snippet_html, "A <mark>quokka</mark> census here.\n\nCounted.");
  auto wombat = store->SearchArticles({.terms = {{.words = {"wombat"}}}});
  ASSERT_TRUE(Succeeds(wombat));
  EXPECT_EQ(wombat->total, 0);
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw,
                  "SELECT count(*) FROM articles a JOIN article_bodies b ON b.article_id = a.id "
                  "WHERE a.slug = 'old-draft' AND b.body_text = 'quokka'"),
            1);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

// The articles published before migration 0006 get their related lists when the store opens.
TEST_F(SqliteStoreTest, OpeningAVersionFourDatabaseWorksOutRelatedReading) {
  {
    auto raw = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(raw));
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL) STRICT;")));
    for (const sqlite::Migration& migration : sqlite::EmbeddedMigrations()) {
      if (migration.version > 4) break;
      ASSERT_TRUE(Succeeds((*raw)->Exec(migration.sql)));
      ASSERT_TRUE(Succeeds((*raw)->Exec("INSERT INTO schema_version VALUES (" +
                                        std::to_string(migration.version) + ", 'old', 0)")));
    }
    ASSERT_TRUE(Succeeds((*raw)->Exec(
        "PRAGMA foreign_keys = ON;"
        "INSERT INTO sections (slug, name, kind) VALUES ('east-asia', 'East Asia', 'region');"
        "INSERT INTO tags (slug, name) VALUES ('korea', 'Korea');"
        "INSERT INTO articles (slug, title, body_md, status, section_id, published_at) VALUES "
        "('first', 'Pyongyang talks', 'Envoys meet.', 'published', 1, 100),"
        "('second', 'Seoul votes', 'Ballots counted.', 'published', 1, 200),"
        "('third', 'Tokyo trade', 'Yen falls.', 'draft', 1, 300);"
        "INSERT INTO article_tags (article_id, tag_id, position, status, published_at) "
        "SELECT id, 1, 0, status, published_at FROM articles;")));
  }
  auto store = Create();
  ASSERT_NE(store, nullptr);
  auto related = store->ListRelated(1, 5);
  ASSERT_TRUE(Succeeds(related));
  ASSERT_EQ(related->size(), 1u);
  EXPECT_EQ(related->front().slug, "second");
  related = store->ListRelated(2, 5);
  ASSERT_TRUE(Succeeds(related));
  ASSERT_EQ(related->size(), 1u);
  EXPECT_EQ(related->front().slug, "first");
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM related_pending"), 0);
  EXPECT_TRUE(Succeeds(store->CheckIntegrity()));
}

}  // namespace
}  // namespace gazette::store
