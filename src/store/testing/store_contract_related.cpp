// The Store contract for related reading: shared tags and words rank first, unrelated and
// unpublished articles never appear, and the lists follow publishing, edits and unpublishing.
#include <algorithm>
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;

std::vector<std::string> SlugsOf(const std::vector<Article>& articles) {
  std::vector<std::string> slugs;
  for (const Article& article : articles) slugs.push_back(article.slug);
  return slugs;
}

bool Lists(const std::vector<Article>& articles, const std::string& slug) {
  return std::any_of(articles.begin(), articles.end(),
                     [&](const Article& article) { return article.slug == slug; });
}

Article Piece(const std::string& slug, int64_t section, int64_t published_at, std::string title,
              std::string body, std::vector<int64_t> tags) {
  Article article;
  article.slug = slug;
  article.title = std::move(title);
  article.body_md = std::move(body);
  article.status = ArticleStatus::kPublished;
  article.section_id = section;
  article.published_at = At(published_at);
  article.updated_at = At(published_at + 60);
  article.tag_ids = std::move(tags);
  return article;
}

// A small fixed corpus. "sanctions" (the first) shares its two tags and its words with
// "missiles", one tag with "kpop", its words but no tag with "envoys"; "pipeline" shares
// nothing with them, and "secret" is a draft.
struct Corpus {
  int64_t asia = 0, europe = 0, korea = 0, sanctions_tag = 0, energy = 0;
  int64_t sanctions = 0, missiles = 0, kpop = 0, envoys = 0, pipeline = 0, secret = 0;
};

Corpus Seed(Store& store) {
  Corpus c;
  c.asia = Must(store.CreateSection({.slug = "east-asia", .name = "East Asia"}));
  c.europe = Must(store.CreateSection({.slug = "eastern-europe", .name = "Eastern Europe"}));
  c.korea = Must(store.UpsertTag({.slug = "korea", .name = "Korea"}));
  c.sanctions_tag = Must(store.UpsertTag({.slug = "sanctions", .name = "Sanctions"}));
  c.energy = Must(store.UpsertTag({.slug = "energy", .name = "Energy"}));
  c.sanctions = Must(store.CreateArticle(
      Piece("sanctions", c.asia, 1'700'000'000, "Sanctions squeeze Pyongyang",
            "Pyongyang answers **sanctions** with missile launches.", {c.korea, c.sanctions_tag})));
  c.missiles = Must(store.CreateArticle(
      Piece("missiles", c.asia, 1'700'100'000, "Missile launches defy sanctions",
            "Another Pyongyang missile flew as sanctions tightened.", {c.korea, c.sanctions_tag})));
  c.kpop = Must(store.CreateArticle(
      Piece("kpop", c.asia, 1'700'200'000, "Seoul sings", "Boy bands fill stadiums.", {c.korea})));
  c.envoys =
      Must(store.CreateArticle(Piece("envoys", c.asia, 1'700'300'000, "Envoys discuss Pyongyang",
                                     "Diplomats weigh sanctions relief for Pyongyang.", {})));
  c.pipeline =
      Must(store.CreateArticle(Piece("pipeline", c.europe, 1'700'400'000, "Baltic gas pipeline",
                                     "Gas flows westward through Baltic waters.", {c.energy})));
  Article secret = Piece("secret", c.asia, 1'700'500'000, "Pyongyang sanctions secret",
                         "Sanctions on Pyongyang missile launches.", {c.korea, c.sanctions_tag});
  secret.status = ArticleStatus::kDraft;
  c.secret = Must(store.CreateArticle(secret));
  return c;
}

std::vector<Article> Related(Store& store, int64_t id) {
  return Must(store.ListRelated(id, kRelatedKept));
}

TEST_P(StoreContractTest, RelatedSharedTagsAndWordsComeFirstAndUnrelatedAreAbsent) {
  const Corpus c = Seed(store());
  const std::vector<Article> related = Related(store(), c.sanctions);
  ASSERT_FALSE(related.empty());
  EXPECT_EQ(related.front().slug, "missiles");
  EXPECT_TRUE(Lists(related, "kpop")) << testing::PrintToString(SlugsOf(related));
  EXPECT_TRUE(Lists(related, "envoys")) << testing::PrintToString(SlugsOf(related));
  EXPECT_FALSE(Lists(related, "pipeline")) << testing::PrintToString(SlugsOf(related));
  EXPECT_FALSE(Lists(related, "secret"));
  EXPECT_FALSE(Lists(related, "sanctions"));
  EXPECT_EQ(related.front().tag_ids, (std::vector<int64_t>{c.korea, c.sanctions_tag}));
  EXPECT_TRUE(related.front().body_md.empty());
  EXPECT_TRUE(Related(store(), c.pipeline).empty());
  EXPECT_TRUE(Related(store(), c.secret).empty());
}

TEST_P(StoreContractTest, RelatedOlderPiecesListANewerOne) {
  const Corpus c = Seed(store());
  // kpop came after sanctions and shares a tag: sanctions' list, made before, has it.
  EXPECT_TRUE(Lists(Related(store(), c.sanctions), "kpop"));
  EXPECT_TRUE(Lists(Related(store(), c.kpop), "sanctions"));

  Article scheduled =
      Piece("tightened", c.asia, 1'700'600'000, "Sanctions tightened again",
            "Pyongyang missile trade meets new sanctions.", {c.korea, c.sanctions_tag});
  scheduled.status = ArticleStatus::kScheduled;
  AddArticle(scheduled);
  EXPECT_FALSE(Lists(Related(store(), c.sanctions), "tightened"));
  ASSERT_EQ(Must(store().PublishDueArticles(At(1'700'600'000))).size(), 1u);
  EXPECT_EQ(SlugsOf(Related(store(), c.missiles)).front(), "tightened");
  EXPECT_TRUE(Lists(Related(store(), c.sanctions), "tightened"));
}

TEST_P(StoreContractTest, RelatedAnUnpublishedArticleLeavesEveryList) {
  const Corpus c = Seed(store());
  ASSERT_TRUE(Lists(Related(store(), c.sanctions), "missiles"));
  Article missiles = Must(store().GetArticle(c.missiles));
  missiles.status = ArticleStatus::kArchived;
  ASSERT_TRUE(Succeeds(Save(missiles)));
  EXPECT_FALSE(Lists(Related(store(), c.sanctions), "missiles"));
  EXPECT_FALSE(Lists(Related(store(), c.kpop), "missiles"));
  EXPECT_TRUE(Related(store(), c.missiles).empty());

  missiles.status = ArticleStatus::kPublished;
  ASSERT_TRUE(Succeeds(Save(missiles)));
  EXPECT_EQ(SlugsOf(Related(store(), c.sanctions)).front(), "missiles");
}

TEST_P(StoreContractTest, RelatedAnEditThatChangesTagsChangesTheList) {
  const Corpus c = Seed(store());
  ASSERT_TRUE(Lists(Related(store(), c.sanctions), "kpop"));
  Article kpop = Must(store().GetArticle(c.kpop));
  kpop.title = "Seoul buys gas";
  kpop.body_md = "A Baltic pipeline deal.";
  kpop.tag_ids = {c.energy};
  ASSERT_TRUE(Succeeds(Save(kpop)));
  EXPECT_EQ(SlugsOf(Related(store(), c.kpop)), std::vector<std::string>{"pipeline"});
  EXPECT_FALSE(Lists(Related(store(), c.sanctions), "kpop"));
  EXPECT_FALSE(Lists(Related(store(), c.missiles), "kpop"));
  EXPECT_EQ(SlugsOf(Related(store(), c.pipeline)), std::vector<std::string>{"kpop"});

  Article pipeline = Must(store().GetArticle(c.pipeline));
  pipeline.tag_ids = {c.korea, c.sanctions_tag, c.energy};
  ASSERT_TRUE(Succeeds(Save(pipeline)));
  EXPECT_TRUE(Lists(Related(store(), c.pipeline), "sanctions"));
  EXPECT_TRUE(Lists(Related(store(), c.sanctions), "pipeline"));
}

TEST_P(StoreContractTest, RelatedHonoursTheLimitAndRefusesABadOne) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Must(store().ListRelated(c.sanctions, 1))),
            std::vector<std::string>{"missiles"});
  EXPECT_TRUE(FailsWith(store().ListRelated(c.sanctions, 0), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListRelated(c.sanctions, 1001), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().ListRelated(987654, 5)).empty());
}

TEST_P(StoreContractTest, RelatedListsSurviveReopening) {
  const Corpus c = Seed(store());
  const std::vector<std::string> before = SlugsOf(Related(store(), c.sanctions));
  Reopen();
  EXPECT_EQ(SlugsOf(Related(store(), c.sanctions)), before);
}

}  // namespace
}  // namespace gazette::store
