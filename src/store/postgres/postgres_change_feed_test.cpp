// The change feed between nodes (postgres_change_feed.h): how tags are packed into NOTIFY payloads,
// and, against the test server, two feeds on one database as two nodes would use them: what one
// announces the other hears, nobody hears itself, and a lost connection comes back with a gap.
#include "store/postgres/postgres_change_feed.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/change_tags.h"
#include "store/postgres/pg_connection.h"
#include "store/testing/postgres_harness.h"
#include "store/testing/result_assertions.h"

namespace gazette::store {
namespace {

using postgres::Connection;

// Long enough for a notification or a reconnection (the feed waits a second before one) on a
// loaded machine; the waits end as soon as what they wait for has come.
constexpr std::chrono::seconds kPatience{15};

std::vector<std::string> Joined(const std::vector<std::string>& payloads) {
  std::vector<std::string> tags;
  for (const std::string& payload : payloads) {
    for (std::string& tag : TagsOfChangePayload(payload)) tags.push_back(std::move(tag));
  }
  return tags;
}

TEST(ChangePayloadsTest, ManyTagsSplitUnderTheLimitAndParseBackInOrder) {
  std::vector<std::string> tags;
  for (int i = 0; i < 3000; ++i) tags.push_back(ArticleTag(1'000'000 + i));
  tags.push_back(std::string(7000, 'x'));  // long, but fits a payload alone
  tags.push_back(AllListTag());
  const auto payloads = ChangePayloads(tags, 7999);
  ASSERT_GT(payloads.size(), 5u);
  for (const std::string& payload : payloads) {
    EXPECT_LE(payload.size(), 7999u);
    EXPECT_FALSE(payload.empty());
  }
  EXPECT_EQ(Joined(payloads), tags);
}

TEST(ChangePayloadsTest, ATagOverTheLimitBecomesTheSiteTag) {
  const auto payloads = ChangePayloads({"article:1", std::string(30, 'y'), "list:all"}, 20);
  EXPECT_EQ(Joined(payloads), (std::vector<std::string>{"article:1", SiteTag(), "list:all"}));
  for (const std::string& payload : payloads) EXPECT_LE(payload.size(), 20u);
}

TEST(ChangePayloadsTest, ATagOfExactlyTheLimitFillsOnePayload) {
  const std::string full(20, 'z');
  EXPECT_EQ(ChangePayloads({"a", full, "b"}, 20), (std::vector<std::string>{"a", full, "b"}));
}

TEST(ChangePayloadsTest, RepeatedAndEmptyTagsAreAnnouncedOnce) {
  EXPECT_EQ(ChangePayloads({"list:all", "", "article:2", "list:all", "article:2"}, 7999),
            std::vector<std::string>{"list:all\narticle:2"});
  EXPECT_TRUE(ChangePayloads({}, 7999).empty());
}

TEST(ChangePayloadsTest, PayloadsWithEmptyLinesParseToTheirTags) {
  EXPECT_EQ(TagsOfChangePayload("\na\n\nb\n"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(TagsOfChangePayload("").empty());
}

// What one node's feed delivered, waited for from the test's thread.
class Heard {
 public:
  ChangeFeedHandlers Handlers() {
    return {.on_tags =
                [this](const std::vector<std::string>& tags) {
                  std::lock_guard lock(mutex_);
                  tags_.insert(tags_.end(), tags.begin(), tags.end());
                  changed_.notify_all();
                },
            .on_gap =
                [this] {
                  std::lock_guard lock(mutex_);
                  ++gaps_;
                  changed_.notify_all();
                }};
  }

  // Whether `tag` was heard within kPatience.
  bool AwaitTag(const std::string& tag) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(
        lock, kPatience, [&] { return std::find(tags_.begin(), tags_.end(), tag) != tags_.end(); });
  }

  // Whether `count` gaps were heard within kPatience.
  bool AwaitGaps(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kPatience, [&] { return gaps_ >= count; });
  }

  std::vector<std::string> tags() {
    std::lock_guard lock(mutex_);
    return tags_;
  }
  int gaps() {
    std::lock_guard lock(mutex_);
    return gaps_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> tags_;  // GUARDED_BY(mutex_)
  int gaps_ = 0;                   // GUARDED_BY(mutex_)
};

class PostgresChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = PostgresTestServer();
    if (!server) GTEST_SKIP() << kPostgresSkipped;
    harness_ = PostgresHarness::Create(*server);
    ASSERT_NE(harness_, nullptr);
    auto raw = Connection::Open(harness_->url());
    ASSERT_TRUE(Succeeds(raw));
    raw_ = std::move(*raw);
  }

  // A feed as node `node` would open it; its connections carry the node's name as their
  // application_name, for finding them in pg_stat_activity.
  std::unique_ptr<ChangeFeed> Open(const std::string& node, Heard& heard) {
    auto feed =
        OpenPostgresChangeFeed(harness_->url() + "?application_name=" + node, heard.Handlers());
    EXPECT_TRUE(Succeeds(feed));
    return feed ? std::move(*feed) : nullptr;
  }

  // Ends the server processes of `node`'s connections whose last statement starts with
  // `statement`, as an administrator or a failover would, and waits until they are gone; how
  // many it ended.
  int64_t Terminate(const std::string& node, const std::string& statement) {
    static const std::string kWhere =
        " FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 "
        "AND starts_with(query, $2)";
    auto ended = raw_->Query("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))" + kWhere,
                             node, statement);
    EXPECT_TRUE(Succeeds(ended));
    const auto give_up = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < give_up) {
      auto left = raw_->Query("SELECT count(*)" + kWhere, node, statement);
      if (!left || left->Int(0, 0) == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ended ? ended->Int(0, 0) : -1;
  }

  std::unique_ptr<PostgresHarness> harness_;
  std::unique_ptr<Connection> raw_;
};

TEST_F(PostgresChangeFeedTest, WhatOneNodeAnnouncesTheOtherHearsAndItselfDoesNot) {
  Heard heard_a, heard_b;
  auto a = Open("node-a", heard_a);
  auto b = Open("node-b", heard_b);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);

  std::vector<std::string> many;
  for (int i = 0; i < 2000; ++i) many.push_back(ArticleTag(i));  // several payloads
  a->Announce(many);
  ASSERT_TRUE(heard_b.AwaitTag(ArticleTag(1999)));
  EXPECT_EQ(heard_b.tags(), many);

  // Notifications reach each listener in the order they were sent: once A hears what B sent
  // after A's announcement arrived, A's own would have come before it, had A heard itself.
  b->Announce({AllListTag()});
  ASSERT_TRUE(heard_a.AwaitTag(AllListTag()));
  EXPECT_EQ(heard_a.tags(), std::vector<std::string>{AllListTag()});
  EXPECT_EQ(heard_a.gaps() + heard_b.gaps(), 0);
}

TEST_F(PostgresChangeFeedTest, AListenerWhoseConnectionIsKilledComesBackAndReportsAGap) {
  Heard heard_a, heard_b;
  auto a = Open("node-a", heard_a);
  auto b = Open("node-b", heard_b);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);

  ASSERT_EQ(Terminate("node-b", "LISTEN"), 1);
  ASSERT_TRUE(heard_b.AwaitGaps(1)) << "no gap after the listening connection was lost";
  // It listens again: what A announces now reaches B.
  a->Announce({ArticleTag(7)});
  EXPECT_TRUE(heard_b.AwaitTag(ArticleTag(7)));
  EXPECT_EQ(heard_b.gaps(), 1);
  EXPECT_EQ(heard_a.gaps(), 0);
}

TEST_F(PostgresChangeFeedTest, AnAnnouncerWhoseConnectionIsKilledConnectsAgainAndIsHeard) {
  Heard heard_a, heard_b;
  auto a = Open("node-a", heard_a);
  auto b = Open("node-b", heard_b);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  a->Announce({ArticleTag(1)});
  ASSERT_TRUE(heard_b.AwaitTag(ArticleTag(1)));

  ASSERT_EQ(Terminate("node-a", "SELECT pg_notify"), 1);
  a->Announce({ArticleTag(2)});
  EXPECT_TRUE(heard_b.AwaitTag(ArticleTag(2)));
  // A's new connection is still A's: it does not hear what it announced through it.
  b->Announce({ArticleTag(3)});
  ASSERT_TRUE(heard_a.AwaitTag(ArticleTag(3)));
  EXPECT_EQ(heard_a.tags(), std::vector<std::string>{ArticleTag(3)});
}

TEST(PostgresChangeFeedOpenTest, AnUnreachableDatabaseIsUnavailable) {
  Heard heard;
  auto feed = OpenPostgresChangeFeed("postgresql://gazette@127.0.0.1:1/gazette", heard.Handlers());
  EXPECT_TRUE(FailsWith(feed, base::ErrorCode::kUnavailable));
}

}  // namespace
}  // namespace gazette::store
