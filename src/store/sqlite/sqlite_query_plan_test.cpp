// The plans of the statements the SQLite store prepares for reader requests, checked with
// EXPLAIN QUERY PLAN: none may walk all the articles (or all their links, views or the whole
// search index), and none may sort a listing of them. Without sqlite_stat1 (the store never
// runs ANALYZE), SQLite plans a query the same on a small file as on a million articles, so a
// small file shows what a large one would do.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"
#include "store/sqlite/search_rank.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"
#include "store/testing/result_assertions.h"

namespace gazette::store {
namespace {

using sqlite::Db;

// One row of EXPLAIN QUERY PLAN.
struct PlanRow {
  int id = 0;
  int parent = 0;
  std::string detail;
};

// The tables a reader request must never read whole, and the aliases `sql` gives them.
std::set<std::string> LargeTableNames(const std::string& sql) {
  static const std::regex kTable(
      R"(\b(articles|article_tags|article_authors|views_daily|article_search)\b(?:\s+(?:AS\s+)?(\w+))?)",
      std::regex::icase);
  static const std::set<std::string> kKeywords = {"on",    "where", "cross", "join",  "indexed",
                                                  "group", "order", "limit", "using", "left",
                                                  "inner", "match", "set",   "as",    "natural"};
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kTable); it != std::sregex_iterator();
       ++it) {
    names.insert((*it)[1].str());
    std::string alias = (*it)[2].str();
    std::string lower = alias;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!alias.empty() && !kKeywords.contains(lower)) names.insert(alias);
  }
  return names;
}

// "SCAN x ..." or "SEARCH x ...": the table or alias a loop reads; "" for other rows.
std::string LoopTable(const std::string& detail) {
  for (const char* verb : {"SCAN ", "SEARCH "}) {
    if (detail.starts_with(verb)) {
      const std::string rest = detail.substr(std::string(verb).size());
      return rest.substr(0, rest.find(' '));
    }
  }
  return "";
}

// What is wrong with the plan of `sql`, one line per problem; empty when nothing is.
std::vector<std::string> PlanProblems(const std::string& sql, const std::vector<PlanRow>& plan) {
  const std::set<std::string> large = LargeTableNames(sql);
  std::vector<std::string> problems;
  for (const PlanRow& row : plan) {
    const std::string table = LoopTable(row.detail);
    // A full-text table read through MATCH reads the matches only.
    static const std::regex kMatchIndex(R"(VIRTUAL TABLE INDEX \d+:\S*M)");
    const bool matched = std::regex_search(row.detail, kMatchIndex);
    if (row.detail.starts_with("SCAN ") && large.contains(table) && !matched) {
      problems.push_back("reads all of " + table + ": " + row.detail);
    }
    if (row.detail.starts_with("USE TEMP B-TREE FOR") &&
        row.detail.find("ORDER BY") != std::string::npos) {
      // The sort's input is the first loop beside it: a listing of articles when that loop is
      // over a large table, unless it looks up one row, or one article's few links.
      for (const PlanRow& loop : plan) {
        if (loop.parent != row.parent || LoopTable(loop.detail).empty()) continue;
        const bool one_row = loop.detail.find("(rowid=?)") != std::string::npos ||
                             loop.detail.find("PRIMARY KEY (article_id=?)") != std::string::npos;
        if (large.contains(LoopTable(loop.detail)) && !one_row) {
          problems.push_back("sorts what " + loop.detail + " reads");
        }
        break;
      }
    }
  }
  return problems;
}

std::vector<PlanRow> Explain(Db& db, const std::string& sql) {
  auto explain = db.Prepare("EXPLAIN QUERY PLAN " + sql);
  EXPECT_TRUE(Succeeds(explain)) << sql;
  std::vector<PlanRow> plan;
  if (!explain) return plan;
  while (true) {
    auto step = explain->Step();
    EXPECT_TRUE(Succeeds(step)) << sql;
    if (!step || !*step) break;
    plan.push_back(
        {static_cast<int>(explain->Int(0)), static_cast<int>(explain->Int(1)), explain->Text(3)});
  }
  return plan;
}

std::string Describe(const std::vector<PlanRow>& plan) {
  std::string text;
  for (const PlanRow& row : plan) text += "  " + row.detail + "\n";
  return text;
}

class QueryPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenSqliteStore(path_, {.create_if_missing = true, .read_connections = 1});
    ASSERT_TRUE(Succeeds(opened));
    store_ = std::move(*opened);
    auto raw = Db::Open(path_, SQLITE_OPEN_READONLY);
    ASSERT_TRUE(Succeeds(raw));
    raw_ = std::move(*raw);
    // The store's own connections have it; the search statements name it.
    ASSERT_TRUE(Succeeds(sqlite::RegisterSearchRank(raw_->handle())));
  }

  void TearDown() override { sqlite::SetPrepareObserverForTesting(nullptr); }

  // Every problem of every statement `sql`, with the statement and its plan.
  std::string ProblemsOf(const std::set<std::string>& statements) {
    std::string report;
    for (const std::string& sql : statements) {
      const std::vector<PlanRow> plan = Explain(*raw_, sql);
      const std::vector<std::string> problems = PlanProblems(sql, plan);
      if (problems.empty()) continue;
      report += sql + "\n" + Describe(plan);
      for (const std::string& problem : problems) report += "  => " + problem + "\n";
    }
    return report;
  }

  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "gazette.db").string();
  std::unique_ptr<Store> store_;
  std::unique_ptr<Db> raw_;
};

TEST_F(QueryPlanTest, NoReaderQueryWalksOrSortsAllArticles) {
  Store& store = *store_;
  const int64_t section =
      store.CreateSection({.slug = "east-asia", .name = "East Asia", .kind = {}}).value();
  const int64_t author = store.CreateAuthor({.slug = "ann", .name = "Ann Lee"}).value();
  const int64_t tag = store.UpsertTag({.slug = "trade", .name = "Trade"}).value();
  const int64_t partner = store.CreatePartner({.slug = "riac", .name = "RIAC"}).value();
  int64_t article = 0;
  for (int i = 1; i <= 3; ++i) {
    content::Article a;
    a.slug = "piece-" + std::to_string(i);
    a.title = "Trade talks " + std::to_string(i);
    a.body_md = "Ministers met about trade and tariffs.";
    a.status = content::ArticleStatus::kPublished;
    a.section_id = section;
    a.partner_id = i == 3 ? std::optional<int64_t>(partner) : std::nullopt;
    a.published_at = base::Seconds(std::chrono::seconds(1'700'000'000 + i));
    a.author_ids = {author};
    a.tag_ids = {tag};
    article = store.CreateArticle(a).value();
  }
  const std::vector<ViewCount> views = {{article, 100, 5}};
  ASSERT_TRUE(Succeeds(store.AddViews(views)));

  // What the reader connections prepare from here on is what reader requests run.
  std::set<std::string> statements;
  std::mutex mutex;
  sqlite::SetPrepareObserverForTesting([&](std::string_view sql) {
    std::lock_guard lock(mutex);
    statements.emplace(sql);
  });
  const ListingCursor cursor{.published_at = base::Seconds(std::chrono::seconds(1'700'000'003)),
                             .id = article};
  for (int mask = 0; mask < 32; ++mask) {
    ArticleQuery query;
    if (mask & 1) query.section_id = section;
    if (mask & 2) query.author_id = author;
    if (mask & 4) query.tag_id = tag;
    if (mask & 8) query.partner_id = partner;
    if (mask & 16) query.before = cursor;
    query.offset = 1;
    EXPECT_TRUE(Succeeds(store.ListPublished(query)));
    EXPECT_TRUE(Succeeds(store.CountPublished(query)));
    SearchQuery search{.terms = {{.words = {"trade", "talks"}}}};
    if (mask & 1) search.section_id = section;
    if (mask & 2) search.author_id = author;
    if (mask & 4) search.from = base::Seconds(std::chrono::seconds(1));
    if (mask & 8) search.to = base::Seconds(std::chrono::seconds(2'000'000'000));
    EXPECT_TRUE(Succeeds(store.SearchArticles(search)));
  }
  EXPECT_TRUE(Succeeds(store.MostViewed(90, 6)));
  EXPECT_TRUE(Succeeds(store.ListPublishedMonths()));
  EXPECT_TRUE(Succeeds(store.ListRelated(article, 4)));
  EXPECT_TRUE(Succeeds(store.GetArticle(article)));
  EXPECT_TRUE(Succeeds(store.GetPublishedArticle(section, "piece-1")));
  EXPECT_TRUE(FailsWith(store.FindMovedArticle(section, "gone"), base::ErrorCode::kNotFound));
  EXPECT_TRUE(Succeeds(store.ListSections()));
  EXPECT_TRUE(Succeeds(store.GetSectionBySlug("east-asia")));
  EXPECT_TRUE(Succeeds(store.GetAuthorBySlug("ann")));
  EXPECT_TRUE(Succeeds(store.GetTagBySlug("trade")));
  EXPECT_TRUE(Succeeds(store.GetPartnerBySlug("riac")));
  const std::vector<int64_t> ids = {author};
  EXPECT_TRUE(Succeeds(store.GetAuthors(ids)));
  EXPECT_TRUE(Succeeds(store.GetTags(std::vector<int64_t>{tag})));
  EXPECT_TRUE(Succeeds(store.ListAuthors()));
  EXPECT_TRUE(Succeeds(store.ListTags()));
  EXPECT_TRUE(Succeeds(store.ListPartners()));
  EXPECT_TRUE(FailsWith(store.FindRedirect("/?p=1"), base::ErrorCode::kNotFound));
  sqlite::SetPrepareObserverForTesting(nullptr);

  std::erase_if(statements, [](const std::string& sql) {
    return sql.starts_with("BEGIN") || sql == "COMMIT" || sql == "ROLLBACK";
  });
  ASSERT_GT(statements.size(), 40u);  // the observer saw the listings, counts and searches
  EXPECT_EQ(ProblemsOf(statements), "");
}

// The sitemap index is dated from the kept month counts alone (0008), in their key's order: it
// reads neither articles nor a sort, however large the archive.
TEST_F(QueryPlanTest, TheSitemapMonthsReadOnlyTheKeptCounts) {
  std::set<std::string> statements;
  std::mutex mutex;
  sqlite::SetPrepareObserverForTesting([&](std::string_view sql) {
    std::lock_guard lock(mutex);
    statements.emplace(sql);
  });
  EXPECT_TRUE(Succeeds(store_->ListPublishedMonths()));
  sqlite::SetPrepareObserverForTesting(nullptr);
  std::erase_if(statements, [](const std::string& sql) {
    return sql.starts_with("BEGIN") || sql == "COMMIT" || sql == "ROLLBACK";
  });
  ASSERT_EQ(statements.size(), 1u);
  const std::vector<PlanRow> plan = Explain(*raw_, *statements.begin());
  ASSERT_FALSE(plan.empty());
  for (const PlanRow& row : plan) {
    EXPECT_EQ(LoopTable(row.detail), "published_months") << Describe(plan);
    EXPECT_FALSE(row.detail.starts_with("USE TEMP B-TREE")) << Describe(plan);
  }
}

// The check finds what the store's queries did before they were bounded: reading every row of
// views_daily for "most read", ranking every match of a search, and a sort of a listing.
TEST_F(QueryPlanTest, TheCheckCatchesUnboundedQueries) {
  const std::set<std::string> old_most_viewed = {
      "SELECT a.id FROM (SELECT article_id, sum(count) AS total FROM views_daily WHERE day >= ? "
      "GROUP BY article_id) v JOIN articles a ON a.id = v.article_id "
      "WHERE a.status = 'published' AND v.total > 0 "
      "ORDER BY v.total DESC, a.published_at DESC, a.id DESC LIMIT ?"};
  EXPECT_NE(ProblemsOf(old_most_viewed).find("reads all of views_daily"), std::string::npos);

  const std::set<std::string> old_search = {
      "SELECT a.id AS id, bm25(article_search) AS score, a.published_at AS at"
      " FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid"
      " WHERE article_search MATCH :match AND a.status = 'published'"
      " ORDER BY score, at DESC, id DESC LIMIT :limit OFFSET :offset"};
  EXPECT_NE(ProblemsOf(old_search).find("sorts what SCAN article_search"), std::string::npos);

  const std::set<std::string> sorted_listing = {
      "SELECT a.id FROM articles a WHERE a.status = 'published' ORDER BY a.title LIMIT 10"};
  EXPECT_NE(ProblemsOf(sorted_listing).find("sorts what SEARCH a"), std::string::npos);

  const std::set<std::string> walk = {"SELECT count(*) FROM article_tags WHERE position = 0"};
  EXPECT_NE(ProblemsOf(walk).find("reads all of article_tags"), std::string::npos);
}

}  // namespace
}  // namespace gazette::store
