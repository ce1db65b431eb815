#include "ingest/synthetic_content.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

namespace gazette::ingest {
namespace {

const base::Seconds kNewest{std::chrono::seconds(1'750'000'000)};

// Ids for the cast as a store would give them: 1, 2, 3, ... per kind.
SyntheticCastIds IdsFor(const SyntheticCast& cast) {
  SyntheticCastIds ids;
  for (size_t i = 0; i < cast.sections.size(); ++i) ids.sections.push_back(int64_t(i) + 1);
  for (size_t i = 0; i < cast.authors.size(); ++i) ids.authors.push_back(int64_t(i) + 1);
  for (size_t i = 0; i < cast.partners.size(); ++i) ids.partners.push_back(int64_t(i) + 1);
  for (size_t i = 0; i < cast.tags.size(); ++i) ids.tags.push_back(int64_t(i) + 1);
  return ids;
}

TEST(SyntheticContent, TheCastIsAMagazinesWithUniqueSlugs) {
  const SyntheticContent content(1, kNewest);
  const SyntheticCast& cast = content.cast();
  EXPECT_EQ(cast.sections.size(), 12u);
  EXPECT_GE(cast.authors.size(), 200u);
  EXPECT_GE(cast.tags.size(), 1500u);
  EXPECT_FALSE(cast.partners.empty());
  std::set<std::string> slugs;
  for (const auto& tag : cast.tags) EXPECT_TRUE(slugs.insert(tag.slug).second) << tag.slug;
  slugs.clear();
  for (const auto& author : cast.authors) {
    EXPECT_TRUE(slugs.insert(author.slug).second) << author.slug;
    EXPECT_NE(author.name.find(' '), std::string::npos) << author.name;
  }
}

TEST(SyntheticContent, TheSameSeedMakesTheSameArticles) {
  const SyntheticContent one(7, kNewest);
  const SyntheticContent two(7, kNewest);
  const SyntheticContent other(8, kNewest);
  const SyntheticCastIds ids = IdsFor(one.cast());
  for (int64_t index : {0, 1, 999, 123456}) {
    const content::Article a = one.MakeArticle(index, ids);
    const content::Article b = two.MakeArticle(index, ids);
    EXPECT_EQ(a.slug, b.slug);
    EXPECT_EQ(a.body_md, b.body_md);
    EXPECT_EQ(a.tag_ids, b.tag_ids);
    EXPECT_EQ(a.published_at, b.published_at);
    EXPECT_NE(a.body_md, other.MakeArticle(index, ids).body_md);
  }
  // Made in another order, an article is still the same.
  EXPECT_EQ(two.MakeArticle(5, ids).body_md, one.MakeArticle(5, ids).body_md);
  EXPECT_NE(one.MakeArticle(5, ids).body_md, one.MakeArticle(6, ids).body_md);
}

TEST(SyntheticContent, ArticlesAreCompleteAndInRange) {
  const SyntheticContent content(42, kNewest);
  const SyntheticCastIds ids = IdsFor(content.cast());
  const base::Seconds oldest = kNewest - std::chrono::hours(24 * 366 * 20);
  constexpr int kCount = 1500;
  double words = 0;
  int shortest = 1 << 30, longest = 0, with_footnotes = 0, with_partner = 0;
  std::set<std::string> slugs;
  std::set<int64_t> sections;
  for (int i = 0; i < kCount; ++i) {
    const content::Article article = content.MakeArticle(i, ids);
    ASSERT_FALSE(article.title.empty());
    ASSERT_FALSE(article.dek.empty());
    EXPECT_TRUE(slugs.insert(article.slug).second) << article.slug;
    EXPECT_EQ(article.status, content::ArticleStatus::kPublished);
    EXPECT_GE(article.section_id, 1);
    EXPECT_LE(article.section_id, 12);
    sections.insert(article.section_id);
    EXPECT_GE(article.author_ids.size(), 1u);
    EXPECT_GE(article.tag_ids.size(), 2u);
    EXPECT_LE(article.published_at, kNewest);
    EXPECT_GE(article.published_at, oldest);
    EXPECT_GE(article.updated_at, article.published_at);
    EXPECT_NE(article.body_md.find("\n## "), std::string::npos) << article.slug;
    if (article.body_md.find("[^1]") != std::string::npos) {
      ++with_footnotes;
      // A reference and its definition: cmark-gfm renders both as linked footnotes.
      EXPECT_NE(article.body_html.find("class=\"footnotes\""), std::string::npos) << article.slug;
      EXPECT_NE(article.body_html.find("href=\"#fn-1\""), std::string::npos) << article.slug;
    }
    if (article.partner_id) {
      ++with_partner;
      EXPECT_FALSE(article.original_url.empty());
    }
    words += article.word_count;
    shortest = std::min(shortest, article.word_count);
    longest = std::max(longest, article.word_count);
  }
  EXPECT_NEAR(words / kCount, 900, 60);
  EXPECT_GE(shortest, 300);
  EXPECT_LE(longest, 2500);
  EXPECT_GT(longest, 1800);  // lengths vary
  EXPECT_LT(shortest, 450);
  EXPECT_EQ(sections.size(), 12u);
  EXPECT_GT(with_footnotes, kCount / 2);
  EXPECT_LT(with_footnotes, kCount);
  EXPECT_GT(with_partner, 0);
}

TEST(SyntheticContent, DatesSpanTwentyYears) {
  const SyntheticContent content(3, kNewest);
  const SyntheticCastIds ids = IdsFor(content.cast());
  base::Seconds earliest = kNewest;
  for (int i = 0; i < 2000; ++i)
    earliest = std::min(earliest, content.MakeArticle(i, ids).published_at);
  EXPECT_LT(earliest, kNewest - std::chrono::hours(24 * 365 * 18));
}

TEST(SyntheticContent, PopularTagsAreUsedMuchMoreThanRareOnes) {
  const SyntheticContent content(9, kNewest);
  const SyntheticCastIds ids = IdsFor(content.cast());
  std::vector<int> uses(ids.tags.size() + 1, 0);
  for (int i = 0; i < 3000; ++i) {
    for (int64_t tag : content.MakeArticle(i, ids).tag_ids) ++uses[static_cast<size_t>(tag)];
  }
  int tail = 0;
  for (size_t tag = 1000; tag < uses.size(); ++tag) tail += uses[tag];
  EXPECT_GT(uses[1], 20 * (tail / 1000 + 1));
}

}  // namespace
}  // namespace gazette::ingest
