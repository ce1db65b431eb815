// What only the SQLite backend's batch write does: it writes with the triggers off when it knows
// them all, with them on otherwise, and leaves the same exact counts and search rows either way.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_bulk_derived.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using content::Article;
using sqlite::Db;

// How many rows `sql` (one count) finds.
int64_t Count(Db& db, std::string_view sql) {
  auto query = db.Prepare(sql);
  EXPECT_TRUE(Succeeds(query));
  if (!query) return -1;
  auto row = query->Step();
  EXPECT_TRUE(Succeeds(row));
  return row && *row ? query->Int(0) : -1;
}

class SqliteBulkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(path_, {.create_if_missing = true});
    ASSERT_TRUE(Succeeds(store));
    store_ = std::move(*store);
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(Succeeds(db));
    raw_ = std::move(*db);
  }

  // Two published pieces, one from a partner, and a draft, sharing an author and a tag; and two
  // more published pieces without byline or tags on either side of the start of their month.
  std::vector<Article> Batch() {
    const int64_t asia = Must(store_->CreateSection({.slug = "east-asia", .name = "East Asia"}));
    const int64_t ann = Must(store_->CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}));
    const int64_t bo = Must(store_->CreateAuthor({.slug = "bo-park", .name = "Bo Park"}));
    const int64_t ports = Must(store_->UpsertTag({.slug = "ports", .name = "Ports"}));
    const int64_t grain = Must(store_->UpsertTag({.slug = "grain", .name = "Grain"}));
    const int64_t institute = Must(store_->CreatePartner(
        {.slug = "institute", .name = "An Institute", .url = "https://institute.example"}));
    Article port = StoreContractTest::NewArticle("port-talks", asia, 1'700'000'000);
    port.title = "Port talks";
    port.author_ids = {bo, ann};
    port.tag_ids = {ports, grain};
    Article grain_deal = StoreContractTest::NewArticle("grain-deal", asia, 1'700'100'000);
    grain_deal.title = "A grain deal";
    grain_deal.author_ids = {ann};
    grain_deal.tag_ids = {grain};
    grain_deal.partner_id = institute;
    grain_deal.original_url = "https://institute.example/grain";
    Article draft = StoreContractTest::NewArticle("draft", asia, 0);
    draft.status = content::ArticleStatus::kDraft;
    draft.author_ids = {ann};
    draft.tag_ids = {ports};
    // Published at the first second of November 2023 and the last of October, UTC.
    Article november = StoreContractTest::NewArticle("november", asia, 1'698'796'800);
    Article october = StoreContractTest::NewArticle("october", asia, 1'698'796'799);
    return {port, grain_deal, draft, november, october};
  }

  // Every count row agrees with the rows it counts, and none is zero, as after CreateArticle.
  void ExpectExactCounts() {
    EXPECT_EQ(Count(*raw_,
                    "SELECT count(*) FROM article_counts c WHERE c.count <> (SELECT count(*) FROM "
                    "articles a WHERE a.section_id = c.section_id AND a.status = c.status) "
                    "OR c.count = 0"),
              0);
    EXPECT_EQ(Count(*raw_,
                    "SELECT count(*) FROM partner_counts c WHERE c.count <> (SELECT count(*) FROM "
                    "articles a WHERE a.partner_id = c.partner_id AND a.status = c.status) "
                    "OR c.count = 0"),
              0);
    EXPECT_EQ(Count(*raw_,
                    "SELECT count(*) FROM author_counts c WHERE c.count <> (SELECT count(*) FROM "
                    "article_authors l WHERE l.author_id = c.author_id AND l.status = c.status) "
                    "OR c.count = 0"),
              0);
    EXPECT_EQ(Count(*raw_,
                    "SELECT count(*) FROM tag_counts c WHERE c.count <> (SELECT count(*) FROM "
                    "article_tags l WHERE l.tag_id = c.tag_id AND l.status = c.status) "
                    "OR c.count = 0"),
              0);
    EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM author_counts"), 3);  // ann twice, bo
    EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM tag_counts WHERE status = 'draft'"), 1);
    EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM partner_counts"), 1);
  }

  // The rows of published_months (0008) for the batch: the site's own pieces of November 2023
  // (port talks and November) dated by port talks' update, the partner's piece apart, and
  // October's piece in its own month.
  void ExpectPublishedMonths() {
    auto rows = raw_->Prepare(
        "SELECT group_concat(month || ':' || partner_id || ':' || has_original_url || ':' || "
        "count || ':' || last_updated_at, ' ') FROM (SELECT * FROM published_months "
        "ORDER BY month, partner_id, has_original_url)");
    ASSERT_TRUE(Succeeds(rows));
    ASSERT_TRUE(Must(rows->Step()));
    const int64_t institute = Count(*raw_, "SELECT id FROM partners WHERE slug = 'institute'");
    EXPECT_EQ(rows->Text(0),
              "1696118400:0:0:1:1698796859 1698796800:0:0:2:1700000060 "
              "1698796800:" +
                  std::to_string(institute) + ":1:1:1700100060");
  }

  // The batch's published pieces are indexed with their byline and tags, the draft not, beside
  // `others` articles stored otherwise.
  void ExpectIndexed(int64_t others = 0) {
    EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM article_search"), 4 + others);
    EXPECT_EQ(Count(*raw_,
                    "SELECT count(*) FROM article_search s JOIN articles a ON a.id = s.rowid "
                    "WHERE a.slug = 'port-talks' AND s.authors = 'Ann Lee Bo Park' "
                    "AND s.tags IN ('Ports Grain', 'Grain Ports') AND s.title = 'Port talks'"),
              1);
    EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM article_search WHERE article_search MATCH 'park'"),
              1);
  }

  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "gazette.db").string();
  std::unique_ptr<Store> store_;
  std::unique_ptr<Db> raw_;
};

// A migration that adds a trigger to a table the batch writes makes this fail: teach
// sqlite_bulk_derived.cpp what the trigger does, or the batch write falls back to the slow path.
TEST_F(SqliteBulkTest, KnowsEveryTriggerOfTheTablesItWrites) {
  EXPECT_TRUE(Must(sqlite::DerivedRowsCoverTriggers(*raw_)));
  ASSERT_TRUE(
      Succeeds(raw_->Exec("CREATE TRIGGER extra AFTER INSERT ON article_tags BEGIN "
                          "SELECT 1; END")));
  EXPECT_FALSE(Must(sqlite::DerivedRowsCoverTriggers(*raw_)));
}

TEST_F(SqliteBulkTest, WritesExactCountsAndSearchRowsWithTheTriggersOff) {
  Must(store_->CreateArticles(Batch()));
  ExpectExactCounts();
  ExpectIndexed();
  ExpectPublishedMonths();
  EXPECT_TRUE(Succeeds(store_->CheckIntegrity()));
  // A second batch adds to a month's row that is there: one more, dated by the newer update.
  Article again = StoreContractTest::NewArticle(
      "again", Must(store_->CreateSection({.slug = "europe", .name = "Europe"})), 1'699'000'000);
  again.updated_at = base::Seconds(std::chrono::seconds(1'700'200'000));
  Must(store_->CreateArticles(std::vector<Article>{again}));
  EXPECT_EQ(Count(*raw_,
                  "SELECT count * 10000000000 + last_updated_at FROM published_months "
                  "WHERE month = 1698796800 AND partner_id = 0"),
            3 * 10'000'000'000 + 1'700'200'000);
  EXPECT_TRUE(Succeeds(store_->CheckIntegrity()));
  // The triggers are on again for the writes that follow.
  Article late = StoreContractTest::NewArticle(
      "late", Must(store_->CreateSection({.slug = "africa", .name = "Africa"})), 1'700'300'000);
  late.title = "Late news from Mombasa";
  Must(store_->CreateArticle(late));
  EXPECT_EQ(Count(*raw_,
                  "SELECT count(*) FROM article_search WHERE article_search MATCH "
                  "'mombasa'"),
            1);
  EXPECT_EQ(Count(*raw_,
                  "SELECT count FROM article_counts WHERE status = 'published' AND "
                  "section_id = (SELECT id FROM sections WHERE slug = 'africa')"),
            1);
  EXPECT_TRUE(Succeeds(store_->CheckIntegrity()));
}

TEST_F(SqliteBulkTest, WritesTheSameWithTriggersItDoesNotKnow) {
  ASSERT_TRUE(
      Succeeds(raw_->Exec("CREATE TRIGGER extra AFTER INSERT ON article_tags BEGIN "
                          "SELECT 1; END")));
  Must(store_->CreateArticles(Batch()));
  ExpectExactCounts();
  ExpectIndexed();
  ExpectPublishedMonths();
  EXPECT_TRUE(Succeeds(store_->CheckIntegrity()));
}

// A bulk load into a database whose index is empty indexes its batches in a side file, which
// FinishBulkLoad moves in: merged, with FTS5's default settings back.
class SqliteBulkLoadTest : public SqliteBulkTest {
 protected:
  void SetUp() override {
    SqliteBulkTest::SetUp();
    store_.reset();
    ASSERT_TRUE(Succeeds(OpenBulk()));
  }

  base::Status OpenBulk() {
    auto bulk = OpenSqliteStore(path_, {.bulk_load = true});
    if (!bulk) return base::Unexpected(bulk.error());
    store_ = std::move(*bulk);
    return base::Ok();
  }
  // Closes the bulk store and finishes the load.
  base::Status Finish() {
    store_.reset();
    return FinishBulkLoad(path_);
  }
  bool SideFileExists() const { return std::filesystem::exists(path_ + "-bulk-search"); }
  int64_t Matches(std::string_view query) {
    auto search = raw_->Prepare("SELECT count(*) FROM article_search WHERE article_search MATCH ?");
    EXPECT_TRUE(Succeeds(search));
    if (!search) return -1;
    search->BindAll(query);
    auto row = search->Step();
    EXPECT_TRUE(Succeeds(row));
    return row && *row ? search->Int(0) : -1;
  }
  void ExpectSoundIndex() {
    EXPECT_TRUE(Succeeds(
        raw_->Exec("INSERT INTO article_search (article_search) VALUES ('integrity-check')")));
  }
  Article Mombasa() {
    Article late = StoreContractTest::NewArticle(
        "late", Must(store_->CreateSection({.slug = "africa", .name = "Africa"})), 1'700'300'000);
    late.title = "Late news from Mombasa";
    return late;
  }
};

TEST_F(SqliteBulkLoadTest, IndexesBesideTheDatabaseUntilFinished) {
  Must(store_->CreateArticles(Batch()));
  EXPECT_TRUE(SideFileExists());
  EXPECT_EQ(Matches("park"), 0);
  EXPECT_EQ(Count(*raw_, "SELECT v FROM article_search_config WHERE k = 'automerge'"), 0);

  ASSERT_TRUE(Succeeds(Finish()));
  EXPECT_FALSE(SideFileExists());
  EXPECT_EQ(Count(*raw_, "SELECT v FROM article_search_config WHERE k = 'automerge'"), 4);
  EXPECT_EQ(Count(*raw_, "SELECT v FROM article_search_config WHERE k = 'crisismerge'"), 16);
  ExpectIndexed();
  ExpectSoundIndex();
  // The index takes the edits that follow as any other.
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(Succeeds(store));
  store_ = std::move(*store);
  Must(store_->CreateArticle(Mombasa()));
  EXPECT_EQ(Matches("mombasa"), 1);
  EXPECT_EQ(Matches("park"), 1);
  ExpectSoundIndex();
  EXPECT_TRUE(
      FailsWith(FinishBulkLoad((dir_.path() / "missing.db").string()), base::ErrorCode::kNotFound));
}

// An article the triggers indexed in the database meanwhile stays: the side rows are added to it.
TEST_F(SqliteBulkLoadTest, FinishingKeepsWhatWasIndexedInTheDatabaseMeanwhile) {
  Must(store_->CreateArticles(Batch()));
  Must(store_->CreateArticle(Mombasa()));
  EXPECT_EQ(Matches("mombasa"), 1);
  ASSERT_TRUE(Succeeds(Finish()));
  EXPECT_EQ(Matches("mombasa"), 1);
  ExpectIndexed(1);
  ExpectSoundIndex();
}

// A load that was not finished leaves its side file, which the next load adds to.
TEST_F(SqliteBulkLoadTest, TheNextLoadAddsToASideFileLeftBehind) {
  Must(store_->CreateArticles(Batch()));
  store_.reset();
  ASSERT_TRUE(Succeeds(OpenBulk()));
  Must(store_->CreateArticles(std::vector<Article>{Mombasa()}));
  ASSERT_TRUE(Succeeds(Finish()));
  EXPECT_EQ(Matches("mombasa"), 1);
  ExpectIndexed(1);
  ExpectSoundIndex();
}

// A database whose index holds articles is indexed in place: no side file.
TEST_F(SqliteBulkLoadTest, IndexesInPlaceWhenTheIndexHoldsArticles) {
  Must(store_->CreateArticle(Mombasa()));
  store_.reset();
  ASSERT_TRUE(Succeeds(FinishBulkLoad(path_)));
  ASSERT_TRUE(Succeeds(OpenBulk()));
  Must(store_->CreateArticles(Batch()));
  EXPECT_FALSE(SideFileExists());
  ExpectIndexed(1);
  ASSERT_TRUE(Succeeds(Finish()));
  ExpectIndexed(1);
  ExpectSoundIndex();
}

// A side file that is not a database fails the load's finish, naming the file; the database's
// articles and index are as they were, and the file stays for a look.
TEST_F(SqliteBulkLoadTest, ASideFileThatIsNotADatabaseFailsTheFinish) {
  Must(store_->CreateArticle(Mombasa()));
  store_.reset();
  {
    std::ofstream(path_ + "-bulk-search", std::ios::trunc)
        << "not an index, but long enough to be read as a header of one and rejected";
  }
  auto finished = FinishBulkLoad(path_);
  ASSERT_TRUE(FailsWith(finished, base::ErrorCode::kInternal));
  EXPECT_NE(finished.error().message().find(path_ + "-bulk-search"), std::string::npos)
      << finished.error().message();
  EXPECT_TRUE(SideFileExists());
  EXPECT_EQ(Matches("mombasa"), 1);
  EXPECT_EQ(Count(*raw_, "SELECT count(*) FROM articles"), 1);
  ExpectSoundIndex();
}

}  // namespace
}  // namespace gazette::store
