// The Store contract for CreateArticles, the batch write: it stores what CreateArticle stores
// (compared field by field on a second store), all or nothing, and related reading by shared tags.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;

// Two sections, two authors and three tags, written through the public Store interface.
struct Cast {
  int64_t asia = 0, europe = 0, ann = 0, bo = 0, energy = 0, ports = 0, rare = 0;
};

Cast AddCast(Store& store) {
  Cast c;
  c.asia = Must(store.CreateSection({.slug = "east-asia", .name = "East Asia"}));
  c.europe = Must(store.CreateSection({.slug = "eastern-europe", .name = "Eastern Europe"}));
  c.ann = Must(store.CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}));
  c.bo = Must(store.CreateAuthor({.slug = "bo-park", .name = "Bo Park"}));
  c.energy = Must(store.UpsertTag({.slug = "energy", .name = "Energy"}));
  c.ports = Must(store.UpsertTag({.slug = "ports", .name = "Ports"}));
  c.rare = Must(store.UpsertTag({.slug = "rare-earths", .name = "Rare earths"}));
  return c;
}

// Three published pieces and a draft, with links, a footnote and Markdown marks.
std::vector<Article> Batch(const Cast& c) {
  Article gas = StoreContractTest::NewArticle("gas-deal", c.asia, 1'700'000'000);
  gas.title = "A gas deal on the Amur";
  gas.body_md = "Pipelines *carry* gas north.[^1]\n\n[^1]: A ministry note.";
  gas.body_html = "<p>Pipelines <em>carry</em> gas north.</p>";
  gas.author_ids = {c.bo, c.ann};
  gas.tag_ids = {c.energy, c.rare};
  Article port = StoreContractTest::NewArticle("port-talks", c.europe, 1'700'100'000);
  port.title = "Port talks in Gdansk";
  port.author_ids = {c.ann};
  port.tag_ids = {c.ports, c.energy};
  Article mines = StoreContractTest::NewArticle("mine-output", c.asia, 1'700'200'000);
  mines.title = "Mine output of rare earths";
  mines.tag_ids = {c.rare, c.energy};
  Article draft = StoreContractTest::NewArticle("secret-draft", c.asia, 0);
  draft.status = ArticleStatus::kDraft;
  draft.title = "Draft about pipelines";
  draft.tag_ids = {c.energy};
  return {gas, port, mines, draft};
}

TEST_P(StoreContractTest, BulkStoresWhatCreateArticleStores) {
  const Cast c = AddCast(store());
  const std::vector<Article> batch = Batch(c);
  const std::vector<int64_t> ids = Must(store().CreateArticles(batch));
  ASSERT_EQ(ids.size(), batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    Article want = batch[i];
    // The same article written the ordinary way, under another slug, for the fields it gets.
    want.slug = "single-" + want.slug;
    const int64_t single = AddArticle(want);
    want.slug = batch[i].slug;
    ExpectSameArticle(Must(store().GetArticle(ids[i])), Must(store().GetArticle(single)));
    const Article stored = Must(store().GetArticle(ids[i]));
    EXPECT_EQ(stored.slug, want.slug);
    ExpectSameArticle(stored, want);
  }
  EXPECT_EQ(Must(store().CountPublished({})), 6);
  EXPECT_EQ(Must(store().CountPublished({.section_id = c.asia})), 4);
  EXPECT_EQ(Must(store().CountPublished({.tag_id = c.energy})), 6);
  EXPECT_EQ(Must(store().CountPublished({.tag_id = c.ports})), 2);
  EXPECT_EQ(Must(store().CountPublished({.author_id = c.ann})), 4);
  EXPECT_EQ(Must(store().CountPublished({.author_id = c.bo})), 2);
  EXPECT_EQ(Must(store().CountArticles({.status = ArticleStatus::kDraft})), 2);
  // The month's count and latest update, kept by triggers, take in the batch too: all six
  // published pieces are of November 2023, mine-output the last updated.
  const std::vector<PublishedMonth> months = Must(store().ListPublishedMonths());
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].month, At(1'698'796'800));
  EXPECT_EQ(months[0].partner_id, std::nullopt);
  EXPECT_FALSE(months[0].has_original_url);
  EXPECT_EQ(months[0].count, 6);
  EXPECT_EQ(months[0].last_updated_at, At(1'700'200'060));
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

TEST_P(StoreContractTest, BulkArticlesAreFoundBySearchWithAuthorAndTagNames) {
  const std::vector<int64_t> ids = Must(store().CreateArticles(Batch(AddCast(store()))));
  ASSERT_EQ(ids.size(), 4u);
  SearchPage page = Must(store().SearchArticles({.terms = {{.words = {"amur"}}}}));
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.hits[0].article.id, ids[0]);
  // The byline and the tags are indexed too; the draft is not.
  page = Must(store().SearchArticles({.terms = {{.words = {"park"}}}}));
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.hits[0].article.id, ids[0]);
  EXPECT_EQ(Must(store().SearchArticles({.terms = {{.words = {"ports"}}}})).total, 1);
  EXPECT_EQ(Must(store().SearchArticles({.terms = {{.words = {"pipelines"}}}})).total, 1);
  // Footnote text is searched as readers see it; Markdown marks are not.
  EXPECT_EQ(Must(store().SearchArticles({.terms = {{.words = {"ministry"}}}})).total, 1);
}

// Only the kSearchRanked newest matches are ranked and counted; one more says there are more.
// The page past the last hit still has the total.
TEST_P(StoreContractTest, SearchRanksTheNewestMatchesAndSaysWhenThereAreMore) {
  const Cast c = AddCast(store());
  std::vector<Article> batch;
  for (int i = 0; i <= kSearchRanked; ++i) {
    Article article =
        StoreContractTest::NewArticle("census-" + std::to_string(i), c.asia, 1'700'000'000 + i);
    article.title = "Census " + std::to_string(i);
    // The oldest matches best, so it would lead the page if it were ranked; the newest has no
    // "tally", which the other kSearchRanked have.
    article.body_md = i == 0               ? "census census census tally tally tally"
                      : i == kSearchRanked ? "a census"
                                           : "a census and a tally";
    article.body_html = "<p>" + article.body_md + "</p>";
    batch.push_back(std::move(article));
  }
  const std::vector<int64_t> ids = Must(store().CreateArticles(batch));
  SearchPage page = Must(store().SearchArticles({.terms = {{.words = {"census"}}}}));
  EXPECT_EQ(page.total, kSearchRanked);
  EXPECT_TRUE(page.more);
  ASSERT_FALSE(page.hits.empty());
  for (const SearchHit& hit : page.hits) EXPECT_NE(hit.article.id, ids.front());

  SearchPage past = Must(store().SearchArticles(
      {.terms = {{.words = {"census"}}}, .limit = 10, .offset = kSearchRanked}));
  EXPECT_TRUE(past.hits.empty());
  EXPECT_EQ(past.total, kSearchRanked);
  EXPECT_TRUE(past.more);

  page = Must(store().SearchArticles({.terms = {{.words = {"tally"}}}}));
  EXPECT_EQ(page.total, kSearchRanked);
  EXPECT_FALSE(page.more);
  ASSERT_FALSE(page.hits.empty());
  EXPECT_EQ(page.hits.front().article.id, ids.front());
}

TEST_P(StoreContractTest, BulkRelatedReadingComesFromSharedTags) {
  const std::vector<int64_t> ids = Must(store().CreateArticles(Batch(AddCast(store()))));
  ASSERT_EQ(ids.size(), 4u);
  // gas-deal shares energy and the rarer rare-earths with mine-output, only energy with
  // port-talks; the draft is in no list.
  std::vector<int64_t> related;
  for (const Article& article : Must(store().ListRelated(ids[0], 10))) {
    related.push_back(article.id);
  }
  EXPECT_EQ(related, (std::vector<int64_t>{ids[2], ids[1]}));
  EXPECT_TRUE(Must(store().ListRelated(ids[3], 10)).empty());
}

TEST_P(StoreContractTest, BulkWithABadArticleWritesNothingAndNamesIt) {
  const Cast c = AddCast(store());
  std::vector<Article> batch = Batch(c);
  batch[2].author_ids = {c.ann, 987654};
  auto created = store().CreateArticles(batch);
  ASSERT_TRUE(FailsWith(created, ErrorCode::kInvalidArgument));
  EXPECT_NE(created.error().message().find("mine-output"), std::string::npos)
      << created.error().ToString();
  EXPECT_EQ(Must(store().CountArticles({})), 0);

  batch = Batch(c);
  batch[3].slug = batch[0].slug;
  EXPECT_TRUE(FailsWith(store().CreateArticles(batch), ErrorCode::kConflict));
  EXPECT_EQ(Must(store().CountArticles({})), 0);
  EXPECT_TRUE(Must(store().CreateArticles({})).empty());
}

}  // namespace
}  // namespace gazette::store
