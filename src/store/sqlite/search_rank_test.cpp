#include "store/sqlite/search_rank.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_db.h"
#include "store/testing/result_assertions.h"

namespace gazette::store::sqlite {
namespace {

// Rows of three columns whose words occur at different rates, so that the phrases of a query
// weigh differently and rows differ in length.
class SearchRankTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(Succeeds(db));
    db_ = std::move(*db);
    ASSERT_TRUE(Succeeds(RegisterSearchRank(db_->handle())));
    ASSERT_TRUE(Succeeds(db_->Exec("CREATE VIRTUAL TABLE docs USING fts5(title, dek, body)")));
  }

  void AddRows(int from, int to, std::string_view extra = "") {
    ASSERT_TRUE(Succeeds(db_->Exec("BEGIN")));
    for (int i = from; i < to; ++i) {
      std::string title = i % 3 == 0 ? "alpha report" : "report";
      std::string dek = i % 5 == 0 ? "beta notes" : "notes";
      std::string body;
      for (int word = 0; word < 3 + i % 11; ++word)
        body += "w" + std::to_string((i + word) % 17) + " ";
      body += i % 7 == 0 ? "alpha beta gamma" : "gamma";
      body += extra;
      auto insert = db_->Prepare("INSERT INTO docs (title, dek, body) VALUES (?, ?, ?)");
      ASSERT_TRUE(Succeeds(insert));
      insert->BindAll(title, dek, body);
      ASSERT_TRUE(Succeeds(insert->Run()));
    }
    ASSERT_TRUE(Succeeds(db_->Exec("COMMIT")));
  }

  // How many rows match `match`, and how many of them gazette_rank ranks otherwise than bm25().
  std::pair<int64_t, int64_t> MatchesAndDifferences(const std::string& match) {
    auto query = db_->Prepare(
        "WITH ranks AS MATERIALIZED (SELECT gazette_rank(docs, ?1, 10.0, 4.0, 1.0) AS ours,"
        " bm25(docs, 10.0, 4.0, 1.0) AS theirs FROM docs WHERE docs MATCH ?1)"
        " SELECT count(*), coalesce(sum(abs(ours - theirs) > 1e-9), 0) FROM ranks");
    EXPECT_TRUE(Succeeds(query));
    query->BindAll(match);
    auto row = query->Step();
    EXPECT_TRUE(Succeeds(row));
    return {query->Int(0), query->Int(1)};
  }

  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "rank.db").string();
  std::unique_ptr<Db> db_;
};

TEST_F(SearchRankTest, RanksAsBm25DoesOnASmallTable) {
  AddRows(0, 300);
  for (const std::string match :
       {"alpha", "\"alpha\" \"beta\"", "\"alpha beta\"", "gamma", "w1* \"beta\"", "\"notes\""}) {
    auto [matches, differences] = MatchesAndDifferences(match);
    EXPECT_GT(matches, 0) << match;
    EXPECT_EQ(differences, 0) << match;
  }
}

TEST_F(SearchRankTest, OnALargeTableCountsAreKeptUntilItGrowsByAHundredth) {
  AddRows(0, 10000);
  const std::string match = "\"alpha\" \"beta\"";
  EXPECT_EQ(MatchesAndDifferences(match).second, 0);

  // 50 more rows holding both words: bm25() sees them at once, the kept counts do not.
  AddRows(10000, 10050, " alpha beta");
  EXPECT_GT(MatchesAndDifferences(match).second, 0);

  // Past a hundredth more rows than when they were counted, they are counted again.
  AddRows(10050, 10101);
  EXPECT_EQ(MatchesAndDifferences(match).second, 0);
}

TEST_F(SearchRankTest, WithoutTheMatchExpressionItIsAnError) {
  AddRows(0, 10);
  auto query = db_->Prepare("SELECT gazette_rank(docs) FROM docs WHERE docs MATCH 'gamma'");
  ASSERT_TRUE(Succeeds(query));
  EXPECT_FALSE(query->Step());
}

}  // namespace
}  // namespace gazette::store::sqlite
