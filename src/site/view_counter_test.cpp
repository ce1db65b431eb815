#include "site/view_counter.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::site {
namespace {

class ViewCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ =
        store::OpenSqliteStore((dir_.path() / "views.db").string(), {.create_if_missing = true})
            .value();
    content::Section section{.id = 0, .slug = "asia", .name = "Asia"};
    section_id_ = store_->CreateSection(section).value();
    author_id_ = store_->CreateAuthor({.id = 0, .slug = "a", .name = "A", .bio = ""}).value();
    first_ = AddArticle("first", 1);
    second_ = AddArticle("second", 2);
  }

  int64_t AddArticle(const std::string& slug, int hour) {
    content::Article article;
    article.slug = slug;
    article.title = slug;
    article.status = content::ArticleStatus::kPublished;
    article.section_id = section_id_;
    article.published_at = now_ - std::chrono::hours(hour);
    article.updated_at = article.published_at;
    article.author_ids = {author_id_};
    return store_->CreateArticle(article).value();
  }

  std::vector<int64_t> MostViewedIds() {
    std::vector<int64_t> ids;
    auto articles = store_->MostViewed(DayOf(now_) - 6, 10).value();
    for (const auto& a : articles) ids.push_back(a.id);
    return ids;
  }

  base::Seconds now_ = base::ParseIso8601("2026-11-28T12:00:00Z").value();
  base::testing::TempDir dir_{"gazette-views-"};
  std::unique_ptr<store::Store> store_;
  int64_t section_id_ = 0, author_id_ = 0, first_ = 0, second_ = 0;
};

TEST_F(ViewCounterTest, NothingReachesTheStoreBeforeAFlush) {
  ViewCounter counter;
  counter.Count(first_);
  EXPECT_TRUE(MostViewedIds().empty());
  ASSERT_TRUE(counter.Flush(*store_, DayOf(now_)).has_value());
  EXPECT_EQ(MostViewedIds(), std::vector<int64_t>{first_});
}

TEST_F(ViewCounterTest, CountsFromManyThreadsAddUp) {
  ViewCounter counter;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) counter.Count(t % 2 == 0 ? second_ : first_);
      if (t % 2 == 0) counter.Count(second_);
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_TRUE(counter.Flush(*store_, DayOf(now_)).has_value());
  // 4 threads gave `second` 1001 views each, 4 gave `first` 1000 each.
  EXPECT_EQ(MostViewedIds(), (std::vector<int64_t>{second_, first_}));
  // A second flush with nothing counted writes nothing and succeeds.
  ASSERT_TRUE(counter.Flush(*store_, DayOf(now_)).has_value());
  counter.Count(first_);
  counter.Count(first_);
  counter.Count(first_);
  counter.Count(first_);
  counter.Count(first_);
  ASSERT_TRUE(counter.Flush(*store_, DayOf(now_)).has_value());
  EXPECT_EQ(MostViewedIds(), (std::vector<int64_t>{first_, second_}));
}

TEST_F(ViewCounterTest, ViewsOfAnUnknownArticleAreDroppedNotRetriedForever) {
  ViewCounter counter;
  counter.Count(999999);
  EXPECT_FALSE(counter.Flush(*store_, DayOf(now_)).has_value());
  counter.Count(first_);
  ASSERT_TRUE(counter.Flush(*store_, DayOf(now_)).has_value());
  EXPECT_EQ(MostViewedIds(), std::vector<int64_t>{first_});
}

}  // namespace
}  // namespace gazette::site
