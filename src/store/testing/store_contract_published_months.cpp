// The Store contract for ListPublishedMonths, what a sitemap index is dated from: each month's
// published articles counted and dated by their latest update, right after every insert, edit,
// unpublish, scheduled publish and move to another month or partner.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using content::Article;
using content::ArticleStatus;

// First seconds of three months of 2023, UTC.
constexpr int64_t kOctober = 1'696'118'400;
constexpr int64_t kNovember = 1'698'796'800;
constexpr int64_t kDecember = 1'701'388'800;

// One group as a line, so that a whole listing compares (and prints) at once.
std::string Line(const PublishedMonth& group) {
  return std::to_string(group.month.time_since_epoch().count()) + " partner " +
         (group.partner_id ? std::to_string(*group.partner_id) : "-") +
         (group.has_original_url ? " original" : " own-page") + " count " +
         std::to_string(group.count) + " last " +
         std::to_string(group.last_updated_at.time_since_epoch().count());
}

std::string Line(int64_t month, const std::string& partner, bool original, int64_t count,
                 int64_t last) {
  return std::to_string(month) + " partner " + partner + (original ? " original" : " own-page") +
         " count " + std::to_string(count) + " last " + std::to_string(last);
}

std::vector<std::string> Months(Store& store) {
  std::vector<std::string> lines;
  for (const PublishedMonth& group : Must(store.ListPublishedMonths())) {
    lines.push_back(Line(group));
  }
  return lines;
}

// An article published at `published_at` and last updated at `updated_at`.
Article Dated(const std::string& slug, int64_t section, int64_t published_at, int64_t updated_at) {
  Article article = StoreContractTest::NewArticle(slug, section, published_at);
  article.updated_at = At(updated_at);
  return article;
}

TEST_P(StoreContractTest, PublishedMonthsCountEachMonthsPublishedArticles) {
  EXPECT_TRUE(Months(store()).empty());
  const int64_t section = AddSection("east-asia");
  const int64_t partner = AddPartner("riac");
  AddArticle(Dated("late-october", section, kNovember - 1, kNovember + 500));
  AddArticle(Dated("first-of-november", section, kNovember, kNovember + 100));
  AddArticle(Dated("mid-november", section, kNovember + 86'400, kNovember + 90'000));
  Article draft = Dated("draft", section, kNovember + 5, kDecember + 5);
  draft.status = ArticleStatus::kDraft;
  AddArticle(draft);
  Article scheduled = Dated("scheduled", section, kDecember + 5, kDecember + 5);
  scheduled.status = ArticleStatus::kScheduled;
  AddArticle(scheduled);
  Article republished = Dated("republished", section, kNovember + 10, kNovember + 95'000);
  republished.partner_id = partner;
  republished.original_url = "https://riac.example/piece";
  AddArticle(republished);
  Article partner_own = Dated("partner-own", section, kNovember + 20, kNovember + 20);
  partner_own.partner_id = partner;
  AddArticle(partner_own);

  const std::string p = std::to_string(partner);
  EXPECT_EQ(Months(store()), (std::vector<std::string>{
                                 Line(kNovember, "-", false, 2, kNovember + 90'000),
                                 Line(kNovember, p, false, 1, kNovember + 20),
                                 Line(kNovember, p, true, 1, kNovember + 95'000),
                                 Line(kOctober, "-", false, 1, kNovember + 500),
                             }));

  // The scheduled piece counts once it is published.
  EXPECT_EQ(Must(store().PublishDueArticles(At(kDecember + 10))).size(), 1u);
  EXPECT_EQ(Months(store()).front(), Line(kDecember, "-", false, 1, kDecember + 5));
  Reopen();
  EXPECT_EQ(Months(store()).size(), 5u);
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

TEST_P(StoreContractTest, PublishedMonthsFollowAnEdit) {
  const int64_t section = AddSection("east-asia");
  Article older = Dated("older", section, kNovember + 10, kNovember + 1'000);
  older.id = AddArticle(older);
  Article newer = Dated("newer", section, kNovember + 20, kNovember + 2'000);
  newer.id = AddArticle(newer);
  EXPECT_EQ(Months(store()),
            std::vector<std::string>{Line(kNovember, "-", false, 2, kNovember + 2'000)});

  // An edit dates the month by itself, whichever article it is.
  older.updated_at = At(kDecember + 7);
  ASSERT_TRUE(Succeeds(Save(older)));
  EXPECT_EQ(Months(store()),
            std::vector<std::string>{Line(kNovember, "-", false, 2, kDecember + 7)});
  // An edit that leaves the date alone changes nothing.
  older.title = "Retitled";
  ASSERT_TRUE(Succeeds(Save(older)));
  EXPECT_EQ(Months(store()),
            std::vector<std::string>{Line(kNovember, "-", false, 2, kDecember + 7)});
  // The latest update set back (a correction of a wrong date): the month's latest is the other's.
  older.updated_at = At(kNovember + 1'500);
  ASSERT_TRUE(Succeeds(Save(older)));
  EXPECT_EQ(Months(store()),
            std::vector<std::string>{Line(kNovember, "-", false, 2, kNovember + 2'000)});
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

TEST_P(StoreContractTest, PublishedMonthsFollowAnUnpublish) {
  const int64_t section = AddSection("east-asia");
  Article older = Dated("older", section, kNovember + 10, kNovember + 1'000);
  older.id = AddArticle(older);
  Article newer = Dated("newer", section, kNovember + 20, kNovember + 2'000);
  newer.id = AddArticle(newer);

  // Unpublishing the latest update dates the month by the one left, whatever the edit's time.
  newer.status = ArticleStatus::kArchived;
  newer.updated_at = At(kDecember);
  ASSERT_TRUE(Succeeds(Save(newer)));
  EXPECT_EQ(Months(store()),
            std::vector<std::string>{Line(kNovember, "-", false, 1, kNovember + 1'000)});
  // A month whose articles are all unpublished is not listed.
  older.status = ArticleStatus::kDraft;
  ASSERT_TRUE(Succeeds(Save(older)));
  EXPECT_TRUE(Months(store()).empty());
  // Published again, it is back.
  newer.status = ArticleStatus::kPublished;
  ASSERT_TRUE(Succeeds(Save(newer)));
  EXPECT_EQ(Months(store()), std::vector<std::string>{Line(kNovember, "-", false, 1, kDecember)});
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

TEST_P(StoreContractTest, PublishedMonthsFollowAMoveToAnotherMonthOrPartner) {
  const int64_t section = AddSection("east-asia");
  const int64_t partner = AddPartner("riac");
  Article stays = Dated("stays", section, kNovember + 10, kNovember + 1'000);
  stays.id = AddArticle(stays);
  Article moves = Dated("moves", section, kNovember + 20, kNovember + 2'000);
  moves.id = AddArticle(moves);

  // Moved back to October, the latest update takes its date along.
  moves.published_at = At(kOctober + 30);
  ASSERT_TRUE(Succeeds(Save(moves)));
  EXPECT_EQ(Months(store()), (std::vector<std::string>{
                                 Line(kNovember, "-", false, 1, kNovember + 1'000),
                                 Line(kOctober, "-", false, 1, kNovember + 2'000),
                             }));
  // Moved on to December, October has no article left and is not listed.
  moves.published_at = At(kDecember + 30);
  ASSERT_TRUE(Succeeds(Save(moves)));
  EXPECT_EQ(Months(store()), (std::vector<std::string>{
                                 Line(kDecember, "-", false, 1, kNovember + 2'000),
                                 Line(kNovember, "-", false, 1, kNovember + 1'000),
                             }));
  // A partner and an original address move it to their own group of the month.
  moves.partner_id = partner;
  ASSERT_TRUE(Succeeds(Save(moves)));
  moves.original_url = "https://riac.example/moves";
  ASSERT_TRUE(Succeeds(Save(moves)));
  EXPECT_EQ(Months(store()),
            (std::vector<std::string>{
                Line(kDecember, std::to_string(partner), true, 1, kNovember + 2'000),
                Line(kNovember, "-", false, 1, kNovember + 1'000),
            }));
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

}  // namespace
}  // namespace gazette::store
