// ChangeNotifyingStore: the whole Store contract through the decorator over SQLite and over
// PostgreSQL, and the tags each write names.
#include "store/change_notifying_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_store.h"
#include "store/testing/postgres_harness.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using content::Article;
using content::ArticleStatus;

// A backend's harness whose stores are decorated, so that the whole contract runs through the
// decorator over that backend.
class NotifyingHarness final : public StoreHarness {
 public:
  explicit NotifyingHarness(std::unique_ptr<StoreHarness> inner) : inner_(std::move(inner)) {}

  base::Result<std::unique_ptr<Store>> Open() override {
    auto inner = inner_->Open();
    if (!inner) return base::Unexpected(inner.error());
    return std::make_unique<ChangeNotifyingStore>(std::move(*inner),
                                                  [](const std::vector<std::string>&) {});
  }

 private:
  std::unique_ptr<StoreHarness> inner_;
};

// `inner` decorated; without a harness of its own (no server), none either.
StoreBackend Notifying(StoreBackend inner) {
  return StoreBackend{
      .name = "Notifying" + inner.name,
      .make_harness = [make = inner.make_harness]() -> std::unique_ptr<StoreHarness> {
        auto harness = make();
        if (harness == nullptr) return nullptr;
        return std::make_unique<NotifyingHarness>(std::move(harness));
      },
      .unavailable = inner.unavailable};
}

INSTANTIATE_TEST_SUITE_P(Notifying, StoreContractTest,
                         ::testing::Values(Notifying(SqliteBackend()),
                                           Notifying(PostgresBackend())),
                         StoreBackendName);

// A decorated SQLite store that records what it names, one list of tags per notification.
class ChangeNotifyingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto inner = OpenSqliteStore((dir_.path() / "gazette.db").string(),
                                 {.create_if_missing = true, .read_connections = 1});
    ASSERT_TRUE(Succeeds(inner));
    store_ = std::make_unique<ChangeNotifyingStore>(std::move(*inner),
                                                    [this](const std::vector<std::string>& tags) {
                                                      std::lock_guard lock(mutex_);
                                                      notified_.push_back(tags);
                                                    });
    section_ = Must(store_->CreateSection({.slug = "east-asia", .name = "East Asia"}));
    other_section_ = Must(store_->CreateSection({.slug = "europe", .name = "Europe"}));
    author_ = Must(store_->CreateAuthor({.slug = "ann", .name = "Ann"}));
    korea_ = Must(store_->UpsertTag({.slug = "korea", .name = "Korea"}));
    Take();
  }

  // Everything named since the last call, each tag once, sorted.
  std::vector<std::string> Take() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> all;
    for (const auto& tags : notified_) {
      EXPECT_FALSE(tags.empty());
      all.insert(all.end(), tags.begin(), tags.end());
    }
    notified_.clear();
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }

  Article Piece(const std::string& slug, ArticleStatus status) const {
    Article article;
    article.slug = slug;
    article.title = "Sanctions squeeze Pyongyang " + slug;
    article.body_md = "Pyongyang answers sanctions with missile launches.";
    article.status = status;
    article.section_id = section_;
    article.author_ids = {author_};
    article.tag_ids = {korea_};
    article.published_at = base::Seconds(std::chrono::seconds(1'700'000'000));
    return article;
  }

  static bool Has(const std::vector<std::string>& tags, const std::string& tag) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
  }

  base::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::mutex mutex_;
  std::vector<std::vector<std::string>> notified_;  // GUARDED_BY(mutex_)
  int64_t section_ = 0, other_section_ = 0, author_ = 0, korea_ = 0;
};

TEST_F(ChangeNotifyingStoreTest, SectionsAuthorsPartnersAndSettingsNameTheSite) {
  ASSERT_TRUE(Succeeds(store_->UpdateSection(
      {.id = section_, .slug = "east-asia", .name = "Far East", .description = ""})));
  EXPECT_EQ(Take(), std::vector<std::string>{"site"});
  ASSERT_TRUE(Succeeds(store_->CreatePartner({.slug = "riac", .name = "RIAC"})));
  EXPECT_EQ(Take(), std::vector<std::string>{"site"});
  ASSERT_TRUE(Succeeds(store_->UpdateAuthor({.id = author_, .slug = "ann", .name = "Ann Lee"})));
  EXPECT_EQ(Take(), std::vector<std::string>{"site"});
  ASSERT_TRUE(Succeeds(store_->SetSetting("site.name", "The Sextant")));
  EXPECT_EQ(Take(), std::vector<std::string>{"site"});
}

TEST_F(ChangeNotifyingStoreTest, AFailedWriteNamesNothing) {
  EXPECT_FALSE(store_->CreateSection({.slug = "east-asia", .name = "Again"}));
  Article stale = Piece("stale", ArticleStatus::kPublished);
  stale.id = 999;
  EXPECT_FALSE(store_->UpdateArticle(stale));
  EXPECT_TRUE(Take().empty());
}

TEST_F(ChangeNotifyingStoreTest, DraftsThatStayUnpublishedNameNothing) {
  Article draft = Piece("draft", ArticleStatus::kDraft);
  draft.id = Must(store_->CreateArticle(draft));
  draft.title = "Still a draft";
  ASSERT_TRUE(Succeeds(store_->UpdateArticle(draft)));
  EXPECT_TRUE(Take().empty());
}

TEST_F(ChangeNotifyingStoreTest, PublishEditMoveAndUnpublishNameWhatTheyChange) {
  Article article = Piece("first", ArticleStatus::kDraft);
  article.id = Must(store_->CreateArticle(article));
  Take();
  const std::string tag = "article:" + std::to_string(article.id);
  const std::string section_list = "list:section:" + std::to_string(section_);

  article.status = ArticleStatus::kPublished;
  ASSERT_TRUE(Succeeds(store_->UpdateArticle(article)));
  ++article.version;
  std::vector<std::string> published = Take();
  EXPECT_TRUE(Has(published, tag));
  EXPECT_TRUE(Has(published, "list:all"));
  EXPECT_TRUE(Has(published, section_list));
  EXPECT_TRUE(Has(published, "list:author:" + std::to_string(author_)));
  EXPECT_TRUE(Has(published, "list:tag:" + std::to_string(korea_)));
  EXPECT_FALSE(Has(published, "site"));

  article.title = "A better title";
  ASSERT_TRUE(Succeeds(store_->UpdateArticle(article)));
  ++article.version;
  EXPECT_EQ(Take(), (std::vector<std::string>{tag, "article:any"}));

  article.section_id = other_section_;
  ASSERT_TRUE(Succeeds(store_->UpdateArticle(article)));
  ++article.version;
  std::vector<std::string> moved = Take();
  EXPECT_TRUE(Has(moved, section_list));
  EXPECT_TRUE(Has(moved, "list:section:" + std::to_string(other_section_)));

  article.status = ArticleStatus::kDraft;
  ASSERT_TRUE(Succeeds(store_->UpdateArticle(article)));
  std::vector<std::string> unpublished = Take();
  EXPECT_TRUE(Has(unpublished, tag));
  EXPECT_TRUE(Has(unpublished, "list:all"));
  EXPECT_TRUE(Has(unpublished, "list:section:" + std::to_string(other_section_)));
}

TEST_F(ChangeNotifyingStoreTest, PublishingNamesTheRelatedBlocksItJoins) {
  const int64_t older = Must(store_->CreateArticle(Piece("older", ArticleStatus::kPublished)));
  Take();
  Article newer = Piece("newer", ArticleStatus::kPublished);
  newer.published_at += std::chrono::hours(24);
  const int64_t newer_id = Must(store_->CreateArticle(newer));
  ASSERT_FALSE(Must(store_->ListRelated(newer_id, 4)).empty());
  std::vector<std::string> tags = Take();
  EXPECT_TRUE(Has(tags, "article:" + std::to_string(newer_id)));
  // The older piece's page gets a new related card.
  EXPECT_TRUE(Has(tags, "related:" + std::to_string(older)));
}

TEST_F(ChangeNotifyingStoreTest, ABatchNamesTheListsOfItsPublishedArticlesOnly) {
  const int64_t older = Must(store_->CreateArticle(Piece("older", ArticleStatus::kPublished)));
  Take();
  Article moved = Piece("elsewhere", ArticleStatus::kPublished);
  moved.section_id = other_section_;
  const Article batch[] = {Piece("batch-draft", ArticleStatus::kDraft), moved};
  const auto ids = Must(store_->CreateArticles(batch));
  ASSERT_EQ(ids.size(), 2u);
  const std::vector<std::string> tags = Take();
  EXPECT_TRUE(Has(tags, "article:" + std::to_string(ids[1])));
  EXPECT_TRUE(Has(tags, "list:section:" + std::to_string(other_section_)));
  EXPECT_TRUE(Has(tags, "list:all"));
  EXPECT_FALSE(Has(tags, "article:" + std::to_string(ids[0])));
  EXPECT_FALSE(Has(tags, "list:section:" + std::to_string(section_)));
  EXPECT_FALSE(Has(tags, "related:" + std::to_string(older)));
  EXPECT_FALSE(store_->CreateArticles(batch));  // the slugs are taken now
  EXPECT_TRUE(Take().empty());
}

TEST_F(ChangeNotifyingStoreTest, DueArticlesNameWhatTheirPublishingChanges) {
  Article scheduled = Piece("scheduled", ArticleStatus::kScheduled);
  const int64_t id = Must(store_->CreateArticle(scheduled));
  EXPECT_TRUE(Take().empty());
  auto due = Must(store_->PublishDueArticles(scheduled.published_at));
  ASSERT_EQ(due, std::vector<int64_t>{id});
  std::vector<std::string> tags = Take();
  EXPECT_TRUE(Has(tags, "article:" + std::to_string(id)));
  EXPECT_TRUE(Has(tags, "list:all"));
}

TEST_F(ChangeNotifyingStoreTest, AccountsViewsAndTagsNameNothing) {
  const int64_t user =
      Must(store_->CreateUser({.email = "a@example.org", .name = "A", .password_hash = "x"}));
  EXPECT_GT(user, 0);
  ASSERT_TRUE(Succeeds(store_->UpsertTag({.slug = "energy", .name = "Energy"})));
  const int64_t article = Must(store_->CreateArticle(Piece("read", ArticleStatus::kPublished)));
  Take();
  const ViewCount views[] = {{.article_id = article, .day = 19000, .count = 3}};
  ASSERT_TRUE(Succeeds(store_->AddViews(views)));
  EXPECT_TRUE(Take().empty());
}

}  // namespace
}  // namespace gazette::store
