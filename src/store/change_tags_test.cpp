#include "store/change_tags.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace gazette::store {
namespace {

using content::Article;
using content::ArticleStatus;

Article Published() {
  Article article;
  article.id = 7;
  article.status = ArticleStatus::kPublished;
  article.section_id = 2;
  article.author_ids = {3, 4};
  article.tag_ids = {5};
  article.partner_id = 6;
  article.published_at = base::Seconds(std::chrono::seconds(1'700'000'000));
  return article;
}

std::vector<std::string> Sorted(std::vector<std::string> tags) {
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

TEST(ChangeTagsTest, TagsAreNamedByKindAndId) {
  EXPECT_EQ(SiteTag(), "site");
  EXPECT_EQ(ArticleTag(12), "article:12");
  EXPECT_EQ(AllListTag(), "list:all");
  EXPECT_EQ(AnyArticleTag(), "article:any");
  EXPECT_EQ(SectionListTag(1), "list:section:1");
  EXPECT_EQ(AuthorListTag(2), "list:author:2");
  EXPECT_EQ(TermListTag(3), "list:tag:3");
  EXPECT_EQ(PartnerListTag(4), "list:partner:4");
  EXPECT_EQ(RelatedTag(5), "related:5");
}

TEST(ChangeTagsTest, ADraftThatStaysUnpublishedChangesNothing) {
  Article draft = Published();
  draft.status = ArticleStatus::kDraft;
  Article scheduled = draft;
  scheduled.status = ArticleStatus::kScheduled;
  EXPECT_TRUE(TagsOfArticleChange(nullptr, &draft).empty());
  EXPECT_TRUE(TagsOfArticleChange(&draft, &scheduled).empty());
}

TEST(ChangeTagsTest, PublishingNamesTheArticleAndEveryListItJoins) {
  Article draft = Published();
  draft.status = ArticleStatus::kDraft;
  const Article published = Published();
  const std::vector<std::string> expected = {"article:7",      "article:any",   "list:all",
                                             "list:author:3",  "list:author:4", "list:partner:6",
                                             "list:section:2", "list:tag:5"};
  EXPECT_EQ(Sorted(TagsOfArticleChange(&draft, &published)), expected);
  EXPECT_EQ(Sorted(TagsOfArticleChange(nullptr, &published)), expected);
  // Unpublishing leaves the same lists.
  EXPECT_EQ(Sorted(TagsOfArticleChange(&published, &draft)), expected);
}

TEST(ChangeTagsTest, AnEditOfTheTextAloneNamesOnlyThePagesShowingIt) {
  const Article before = Published();
  Article after = before;
  after.title = "A new title";
  after.body_md = "New words.";
  EXPECT_EQ(Sorted(TagsOfArticleChange(&before, &after)),
            (std::vector<std::string>{"article:7", "article:any"}));
}

TEST(ChangeTagsTest, AMoveNamesTheListsOfBothPlaces) {
  const Article before = Published();
  Article after = before;
  after.section_id = 9;
  after.tag_ids = {10};
  after.partner_id.reset();
  const std::vector<std::string> tags = Sorted(TagsOfArticleChange(&before, &after));
  for (const char* tag : {"list:section:2", "list:section:9", "list:tag:5", "list:tag:10",
                          "list:partner:6", "list:all", "article:7"}) {
    EXPECT_NE(std::find(tags.begin(), tags.end(), tag), tags.end()) << tag;
  }
  Article redated = before;
  redated.published_at += std::chrono::seconds(1);
  EXPECT_EQ(Sorted(TagsOfArticleChange(&before, &redated)).size(), 8u);
}

}  // namespace
}  // namespace gazette::store
