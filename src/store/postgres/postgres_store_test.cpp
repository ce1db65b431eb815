// The Store contract run against PostgreSQL, plus what only the PostgreSQL backend does: opening
// by URL, the error when the server is unreachable, migrating once when nodes start together,
// refusing databases it does not know, and its migrations and integrity check.
#include "store/postgres/postgres_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_rows.h"
#include "store/testing/postgres_harness.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using postgres::Connection;

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContractTest, ::testing::Values(PostgresBackend()),
                         StoreBackendName);

// A fresh database for one test, with a raw connection for looking behind the store's back.
class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = PostgresTestServer();
    if (!server) GTEST_SKIP() << kPostgresSkipped;
    harness_ = PostgresHarness::Create(*server);
    ASSERT_NE(harness_, nullptr);
  }

  std::unique_ptr<Connection> Raw() {
    auto connection = Connection::Open(harness_->url());
    EXPECT_TRUE(Succeeds(connection));
    return connection ? std::move(*connection) : nullptr;
  }

  int64_t Count(Connection& connection, std::string_view sql) {
    auto rows = connection.Query(sql);
    EXPECT_TRUE(Succeeds(rows));
    return rows && !rows->empty() ? rows->Int(0, 0) : -1;
  }

  std::unique_ptr<PostgresHarness> harness_;
};

TEST(PostgresOpenTest, UnreachableServerIsUnavailableNamingHostAndPort) {
  // Port 1 on loopback: nothing listens there, and connecting is refused at once.
  auto store = OpenPostgresStore("postgresql://gazette@127.0.0.1:1/gazette?connect_timeout=5");
  ASSERT_TRUE(FailsWith(store, ErrorCode::kUnavailable));
  EXPECT_TRUE(store.error().message().starts_with("cannot reach the database at 127.0.0.1:1: "))
      << store.error().message();
}

TEST(PostgresOpenTest, UrlOfAnotherSchemeIsInvalidArgument) {
  EXPECT_TRUE(FailsWith(OpenPostgresStore("sqlite:gazette.db"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(OpenPostgresStore("postgresql://127.0.0.1/x", {.connections = 0}),
                        ErrorCode::kInvalidArgument));
}

TEST_F(PostgresStoreTest, NewDatabaseGetsEveryMigrationRecordedOnce) {
  ASSERT_TRUE(Succeeds(harness_->Open()));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw, "SELECT max(version) FROM schema_version"),
            postgres::LatestSchemaVersion());
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM schema_version"), postgres::LatestSchemaVersion());
  auto names = raw->Query("SELECT name FROM schema_version ORDER BY version");
  ASSERT_TRUE(Succeeds(names));
  const auto migrations = postgres::EmbeddedMigrations();
  ASSERT_EQ(names->size(), static_cast<int>(migrations.size()));
  for (int i = 0; i < names->size(); ++i) EXPECT_EQ(names->Text(i, 0), migrations[i].name);
}

TEST_F(PostgresStoreTest, NodesStartingTogetherMigrateOnce) {
  constexpr int kNodes = 4;
  std::vector<base::Result<std::unique_ptr<Store>>> stores;
  for (int i = 0; i < kNodes; ++i) stores.emplace_back(nullptr);
  std::vector<std::thread> nodes;
  for (int i = 0; i < kNodes; ++i) {
    nodes.emplace_back([&, i] { stores[i] = harness_->Open(); });
  }
  for (std::thread& node : nodes) node.join();
  for (auto& store : stores) EXPECT_TRUE(Succeeds(store));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM schema_version"), postgres::LatestSchemaVersion());
}

TEST_F(PostgresStoreTest, DatabaseOfAnotherProgramIsRefusedAndUntouched) {
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(raw->Exec("CREATE TABLE invoices (id bigint)")));
  auto store = harness_->Open();
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInternal));
  EXPECT_NE(store.error().message().find("not a Gazette database"), std::string::npos);
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 1);
}

TEST_F(PostgresStoreTest, NewerSchemaIsInvalidArgument) {
  ASSERT_TRUE(Succeeds(harness_->Open()));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(raw->Exec(
      "INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future', 0)")));
  auto store = harness_->Open();
  ASSERT_TRUE(FailsWith(store, ErrorCode::kInvalidArgument));
  EXPECT_EQ(store.error().message(), "database schema version 999 is newer than this gazette (" +
                                         std::to_string(postgres::LatestSchemaVersion()) + ")");
}

TEST_F(PostgresStoreTest, MigrationSixFillsThePlainTextOfEarlierArticles) {
  // A database at version 5 with one published article, as an older gazette left it.
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(
      raw->Exec("CREATE TABLE schema_version (version bigint PRIMARY KEY, name text NOT NULL, "
                "applied_at bigint NOT NULL)")));
  for (const postgres::Migration& migration : postgres::EmbeddedMigrations()) {
    if (migration.version > 5) break;
    ASSERT_TRUE(Succeeds(raw->Exec(migration.sql))) << migration.name;
    ASSERT_TRUE(Succeeds(raw->Query("INSERT INTO schema_version VALUES ($1, $2, 0)",
                                    int64_t{migration.version}, migration.name)));
  }
  ASSERT_TRUE(Succeeds(raw->Exec(
      "INSERT INTO sections (slug, name, kind) VALUES ('world', 'World', 'topic');"
      "INSERT INTO articles (slug, title, status, section_id, body_md) "
      "VALUES ('a', 'Title', 'published', 1, 'A *marked* [link](https://x.example/zebra)')")));

  ASSERT_TRUE(Succeeds(harness_->Open()));
  auto text = raw->Query(
      "SELECT b.body_text FROM articles a JOIN article_bodies b ON b.article_id = a.id "
      "WHERE a.slug = 'a'");
  ASSERT_TRUE(Succeeds(text));
  EXPECT_EQ(text->Text(0, 0).find('*'), std::string::npos) << text->Text(0, 0);
  EXPECT_NE(text->Text(0, 0).find("marked"), std::string::npos) << text->Text(0, 0);
  // The index holds the plain text: the link's target is no word of it.
  EXPECT_EQ(Count(*raw,
                  "SELECT count(*) FROM article_search "
                  "WHERE document @@ to_tsquery('gazette_search', 'zebra')"),
            0);
  EXPECT_EQ(Count(*raw,
                  "SELECT count(*) FROM article_search "
                  "WHERE document @@ to_tsquery('gazette_search', 'marked')"),
            1);
}

// Two nodes publishing articles with the same tags in opposite orders would lock the kept tag
// counts in opposite orders and deadlock, had the store not written links in order of id (and
// run a writer that PostgreSQL aborts again): every write succeeds, the counts agree.
TEST_F(PostgresStoreTest, ConcurrentWritersWithTagsInOppositeOrdersAllSucceed) {
  auto first = harness_->Open();
  auto second = harness_->Open();
  ASSERT_TRUE(Succeeds(first));
  ASSERT_TRUE(Succeeds(second));
  // A section each: the count of a shared one would put the writers in a queue at once.
  const int64_t sections[] = {
      Must((*first)->CreateSection({.slug = "world", .name = "World", .position = 0})),
      Must((*first)->CreateSection({.slug = "asia", .name = "Asia", .position = 1}))};
  std::vector<int64_t> tags;
  for (int i = 0; i < 6; ++i) {
    tags.push_back(Must((*first)->UpsertTag(
        {.slug = "tag-" + std::to_string(i), .name = "Tag " + std::to_string(i)})));
  }
  constexpr int kArticlesEach = 40;
  std::vector<base::Status> outcomes(2 * kArticlesEach);
  auto write = [&](Store& store, int node) {
    std::vector<int64_t> order = tags;
    if (node == 1) std::reverse(order.begin(), order.end());
    for (int i = 0; i < kArticlesEach; ++i) {
      content::Article article = StoreContractTest::NewArticle(
          "n" + std::to_string(node) + "-" + std::to_string(i), sections[node], 1'700'000'000 + i);
      article.tag_ids = order;
      auto created = store.CreateArticle(article);
      outcomes[node * kArticlesEach + i] =
          created ? base::Ok() : base::Status(base::Unexpected(created.error()));
    }
  };
  std::thread one([&] { write(**first, 0); });
  std::thread two([&] { write(**second, 1); });
  one.join();
  two.join();
  for (const base::Status& outcome : outcomes) EXPECT_TRUE(Succeeds(outcome));
  EXPECT_EQ(Must((*first)->CountPublished({.tag_id = tags.front()})), 2 * kArticlesEach);
  EXPECT_TRUE(Succeeds((*first)->CheckIntegrity()));
}

TEST_F(PostgresStoreTest, CheckIntegrityPassesOnAFreshDatabaseAndFindsWrongCounts) {
  auto store = harness_->Open();
  ASSERT_TRUE(Succeeds(store));
  EXPECT_TRUE(Succeeds((*store)->CheckIntegrity()));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(raw->Exec(
      "INSERT INTO sections (slug, name, kind) VALUES ('world', 'World', 'topic');"
      "INSERT INTO article_counts (section_id, status, count) VALUES (1, 'published', 3)")));
  EXPECT_TRUE(FailsWith((*store)->CheckIntegrity(), ErrorCode::kInternal));
}

// A database at version 7 with published articles in two months (one a partner's), and a draft,
// as an older gazette left it: migration 8 counts the published ones into published_months,
// dated by their latest update.
TEST_F(PostgresStoreTest, MigrationEightCountsTheMonthsOfEarlierArticles) {
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(
      raw->Exec("CREATE TABLE schema_version (version bigint PRIMARY KEY, name text NOT NULL, "
                "applied_at bigint NOT NULL)")));
  for (const postgres::Migration& migration : postgres::EmbeddedMigrations()) {
    if (migration.version > 7) break;
    ASSERT_TRUE(Succeeds(raw->Exec(migration.sql))) << migration.name;
    ASSERT_TRUE(Succeeds(raw->Query("INSERT INTO schema_version VALUES ($1, $2, 0)",
                                    int64_t{migration.version}, migration.name)));
  }
  // 1698796800 is 2023-11-01 and 1701388800 2023-12-01, both 00:00 UTC.
  ASSERT_TRUE(Succeeds(
      raw->Exec("INSERT INTO sections (slug, name, kind) VALUES ('world', 'World', 'topic');"
                "INSERT INTO partners (slug, name) VALUES ('wire', 'Wire');"
                "INSERT INTO articles (slug, title, status, section_id, partner_id, original_url, "
                "  published_at, updated_at) VALUES "
                "('a', 'A', 'published', 1, NULL, '', 1700000000, 1700000100),"
                "('b', 'B', 'published', 1, NULL, '', 1700500000, 1700600000),"
                "('c', 'C', 'published', 1, 1, 'https://wire.example/c', 1701400000, 1701400050),"
                "('d', 'D', 'draft', 1, NULL, '', 1700000000, 1709000000)")));

  auto store = harness_->Open();
  ASSERT_TRUE(Succeeds(store));
  auto months = (*store)->ListPublishedMonths();
  ASSERT_TRUE(Succeeds(months));
  ASSERT_EQ(months->size(), 2u);
  EXPECT_EQ(postgres::UnixSeconds((*months)[0].month), 1701388800);
  EXPECT_EQ((*months)[0].partner_id, std::optional<int64_t>(1));
  EXPECT_TRUE((*months)[0].has_original_url);
  EXPECT_EQ((*months)[0].count, 1);
  EXPECT_EQ(postgres::UnixSeconds((*months)[0].last_updated_at), 1701400050);
  EXPECT_EQ(postgres::UnixSeconds((*months)[1].month), 1698796800);
  EXPECT_EQ((*months)[1].partner_id, std::nullopt);
  EXPECT_FALSE((*months)[1].has_original_url);
  EXPECT_EQ((*months)[1].count, 2);
  EXPECT_EQ(postgres::UnixSeconds((*months)[1].last_updated_at), 1700600000);
  EXPECT_TRUE(Succeeds((*store)->CheckIntegrity()));
}

// A version-8 database, with the bodies in articles: 0009 moves them to article_bodies, and the
// search index still finds a body word and follows body edits. An article whose body row is
// deleted behind the store's back is named by CheckIntegrity.
TEST_F(PostgresStoreTest, MigrationNineMovesTheBodiesToTheirOwnTable) {
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(
      raw->Exec("CREATE TABLE schema_version (version bigint PRIMARY KEY, name text NOT NULL, "
                "applied_at bigint NOT NULL)")));
  for (const postgres::Migration& migration : postgres::EmbeddedMigrations()) {
    if (migration.version > 8) break;
    ASSERT_TRUE(Succeeds(raw->Exec(migration.sql))) << migration.name;
    ASSERT_TRUE(Succeeds(raw->Query("INSERT INTO schema_version VALUES ($1, $2, 0)",
                                    int64_t{migration.version}, migration.name)));
  }
  ASSERT_TRUE(Succeeds(raw->Exec(
      "INSERT INTO sections (slug, name, kind) VALUES ('world', 'World', 'topic');"
      "INSERT INTO articles (slug, title, status, section_id, body_md, body_html, body_text) "
      "VALUES ('a', 'Title', 'published', 1, '*quokka*', '<p><em>quokka</em></p>', 'quokka')")));

  auto store = harness_->Open();
  ASSERT_TRUE(Succeeds(store));
  EXPECT_EQ(Count(*raw,
                  "SELECT count(*) FROM information_schema.columns "
                  "WHERE table_name = 'articles' AND column_name LIKE 'body%'"),
            0);
  auto article = (*store)->GetArticleBySlug("a");
  ASSERT_TRUE(Succeeds(article));
  EXPECT_EQ(article->body_md, "*quokka*");
  EXPECT_EQ(article->body_html, "<p><em>quokka</em></p>");
  const std::string find =
      "SELECT count(*) FROM article_search WHERE document @@ to_tsquery('gazette_search', ";
  EXPECT_EQ(Count(*raw, find + "'quokka')"), 1);
  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE article_bodies SET body_text = 'numbat'")));
  EXPECT_EQ(Count(*raw, find + "'quokka')"), 0);
  EXPECT_EQ(Count(*raw, find + "'numbat')"), 1);
  EXPECT_TRUE(Succeeds((*store)->CheckIntegrity()));

  ASSERT_TRUE(Succeeds(raw->Exec("DELETE FROM article_bodies")));
  EXPECT_EQ(Count(*raw, "SELECT count(*) FROM article_search"), 0);
  Status checked = (*store)->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find("1 articles have no body row, the first with id 1"),
            std::string::npos)
      << checked.error().message();
}

// A month's count or latest update changed behind the store's back is named, row and values.
TEST_F(PostgresStoreTest, CheckIntegrityNamesAWrongPublishedMonth) {
  auto store = harness_->Open();
  ASSERT_TRUE(Succeeds(store));
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  ASSERT_TRUE(Succeeds(
      raw->Exec("INSERT INTO sections (slug, name, kind) VALUES ('world', 'World', 'topic');"
                "INSERT INTO articles (slug, title, status, section_id, published_at, updated_at) "
                "VALUES ('a', 'A', 'published', 1, 1700000000, 1700000100);"
                "INSERT INTO article_bodies (article_id) VALUES (1)")));
  ASSERT_TRUE(Succeeds((*store)->CheckIntegrity()));
  const std::string row =
      "published_months (month=1698796800, partner_id=0, has_original_url=false)";

  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE published_months SET count = 3")));
  Status checked = (*store)->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(checked.error().message().find(row + " counts 3 articles, but there are 1"),
            std::string::npos)
      << checked.error().message();

  ASSERT_TRUE(Succeeds(raw->Exec("UPDATE published_months SET count = 1, last_updated_at = 5")));
  checked = (*store)->CheckIntegrity();
  ASSERT_TRUE(FailsWith(checked, ErrorCode::kInternal));
  EXPECT_NE(
      checked.error().message().find(row + " dates the latest update 5, but it is 1700000100"),
      std::string::npos)
      << checked.error().message();
}

// Every node runs the scheduler: when two find the same article due at the same moment, exactly
// one publishes it (the UPDATE's WHERE status = 'scheduled' is checked again against the row the
// other committed), so the article goes out once, with one version step and one set of counts.
TEST_F(PostgresStoreTest, TwoNodesPublishingDueArticlesTogetherPublishEachOnce) {
  auto first = harness_->Open();
  auto second = harness_->Open();
  ASSERT_TRUE(Succeeds(first));
  ASSERT_TRUE(Succeeds(second));
  Store* nodes[] = {first->get(), second->get()};
  const int64_t section =
      Must((*first)->CreateSection({.slug = "world", .name = "World", .position = 0}));
  constexpr int kRounds = 20;
  for (int round = 0; round < kRounds; ++round) {
    content::Article article =
        StoreContractTest::NewArticle("due-" + std::to_string(round), section, 1000 + round);
    article.status = content::ArticleStatus::kScheduled;
    const int64_t id = Must((*first)->CreateArticle(article));
    const int64_t version = Must((*first)->GetArticle(id)).version;

    std::latch start(2);
    std::vector<int64_t> published[2];
    std::vector<std::thread> threads;
    for (int node = 0; node < 2; ++node) {
      threads.emplace_back([&, node] {
        start.arrive_and_wait();
        published[node] = Must(nodes[node]->PublishDueArticles(At(5000)));
      });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(published[0].size() + published[1].size(), 1u) << "round " << round;
    std::vector<int64_t> both = published[0];
    both.insert(both.end(), published[1].begin(), published[1].end());
    EXPECT_EQ(both, std::vector<int64_t>{id}) << "round " << round;
    const content::Article stored = Must((*second)->GetArticle(id));
    EXPECT_EQ(stored.status, content::ArticleStatus::kPublished);
    EXPECT_EQ(stored.version, version + 1);
  }
  EXPECT_EQ(Must((*first)->CountPublished({.section_id = section})), kRounds);
  EXPECT_TRUE(Succeeds((*first)->CheckIntegrity()));
}

// Each node counts its own readers' views and flushes them: the flushes of two nodes for the same
// article and day add up, at the same moment too.
TEST_F(PostgresStoreTest, ViewsFlushedByTwoNodesAddUp) {
  auto first = harness_->Open();
  auto second = harness_->Open();
  ASSERT_TRUE(Succeeds(first));
  ASSERT_TRUE(Succeeds(second));
  const int64_t section =
      Must((*first)->CreateSection({.slug = "world", .name = "World", .position = 0}));
  const int64_t id =
      Must((*first)->CreateArticle(StoreContractTest::NewArticle("read", section, 1000)));
  constexpr int kFlushes = 50;
  std::latch start(2);
  auto flush = [&](Store& store, int64_t count) {
    start.arrive_and_wait();
    for (int i = 0; i < kFlushes; ++i) {
      const ViewCount views[] = {{.article_id = id, .day = 20000, .count = count}};
      EXPECT_TRUE(Succeeds(store.AddViews(views)));
    }
  };
  std::thread one([&] { flush(**first, 3); });
  std::thread two([&] { flush(**second, 4); });
  one.join();
  two.join();
  auto raw = Raw();
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(Count(*raw, "SELECT count FROM views_daily WHERE day = 20000"), kFlushes * (3 + 4));
}

}  // namespace
}  // namespace gazette::store
