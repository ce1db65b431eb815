// The Store contract for finding articles by slug and for redirects from imported addresses.
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::ArticleStatus;

TEST_P(StoreContractTest, ArticlesAreFoundBySlugWhateverTheirStatus) {
  const int64_t section = AddSection("east-asia");
  content::Article draft = NewArticle("a-draft", section, 1'700'000'000);
  draft.status = ArticleStatus::kDraft;
  draft.tag_ids = {AddTag("trade")};
  const int64_t id = AddArticle(draft);

  auto found = store().GetArticleBySlug("a-draft");
  ASSERT_TRUE(Succeeds(found));
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->status, ArticleStatus::kDraft);
  EXPECT_EQ(found->body_md, draft.body_md);
  EXPECT_EQ(found->tag_ids, draft.tag_ids);
  EXPECT_TRUE(FailsWith(store().GetArticleBySlug("no-such-article"), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, ARedirectLeadsToItsArticleAndCanBePointedElsewhere) {
  const int64_t section = AddSection("east-asia");
  const int64_t first = AddArticle(NewArticle("first", section, 1'700'000'000));
  const int64_t second = AddArticle(NewArticle("second", section, 1'700'000'100));

  ASSERT_TRUE(Succeeds(store().AddRedirect("/?p=12", first)));
  ASSERT_TRUE(Succeeds(store().AddRedirect("/2019/05/01/first/", first)));
  EXPECT_EQ(store().FindRedirect("/?p=12"), first);
  EXPECT_EQ(store().FindRedirect("/2019/05/01/first/"), first);
  EXPECT_TRUE(FailsWith(store().FindRedirect("/?p=13"), ErrorCode::kNotFound));

  ASSERT_TRUE(Succeeds(store().AddRedirect("/?p=12", second)));
  EXPECT_EQ(store().FindRedirect("/?p=12"), second);
  ASSERT_TRUE(Succeeds(store().AddRedirect("/?p=12", second))) << "adding it again is no error";
}

TEST_P(StoreContractTest, BadRedirectsAreRefusedAndChangeNothing) {
  const int64_t section = AddSection("east-asia");
  const int64_t id = AddArticle(NewArticle("first", section, 1'700'000'000));
  ASSERT_TRUE(Succeeds(store().AddRedirect("/old/", id)));

  EXPECT_TRUE(FailsWith(store().AddRedirect("old/", id), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().AddRedirect("", id), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().AddRedirect("/" + std::string(2048, 'x'), id),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().AddRedirect("/old/", id + 100), ErrorCode::kInvalidArgument));
  EXPECT_EQ(store().FindRedirect("/old/"), id);
}

TEST_P(StoreContractTest, ListedRedirectsIncludeWhereArticlesMovedFrom) {
  const int64_t asia = AddSection("east-asia");
  const int64_t europe = AddSection("europe");
  content::Article article = NewArticle("summit", asia, 1'700'000'000);
  article.id = AddArticle(article);
  ASSERT_TRUE(Succeeds(store().AddRedirect("/?p=7", article.id)));
  article.section_id = europe;
  article.slug = "summit-talks";
  ASSERT_TRUE(Succeeds(Save(article)));

  auto listed = store().ListRedirects();
  ASSERT_TRUE(Succeeds(listed));
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].path, "/?p=7");
  EXPECT_EQ((*listed)[0].article_id, article.id);
  EXPECT_EQ((*listed)[1].path, "/east-asia/summit/");
  EXPECT_EQ((*listed)[1].article_id, article.id);
}

}  // namespace
}  // namespace gazette::store
