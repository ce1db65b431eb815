#include "content/model.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(ModelTest, SectionKindRoundTrips) {
  for (auto kind : {SectionKind::kRegion, SectionKind::kTopic}) {
    auto parsed = ParseSectionKind(SectionKindName(kind));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_EQ(SectionKindName(SectionKind::kRegion), "region");
  EXPECT_EQ(SectionKindName(SectionKind::kTopic), "topic");
}

TEST(ModelTest, ArticleStatusRoundTrips) {
  const std::pair<ArticleStatus, std::string_view> names[] = {
      {ArticleStatus::kDraft, "draft"},         {ArticleStatus::kReview, "review"},
      {ArticleStatus::kScheduled, "scheduled"}, {ArticleStatus::kPublished, "published"},
      {ArticleStatus::kArchived, "archived"},
  };
  for (const auto& [status, name] : names) {
    EXPECT_EQ(ArticleStatusName(status), name);
    auto parsed = ParseArticleStatus(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, status);
  }
}

TEST(ModelTest, PartnerCreditRoundTrips) {
  EXPECT_EQ(PartnerCreditName(PartnerCredit::kCanonical), "canonical");
  EXPECT_EQ(PartnerCreditName(PartnerCredit::kNoindex), "noindex");
  for (auto credit : {PartnerCredit::kCanonical, PartnerCredit::kNoindex}) {
    auto parsed = ParsePartnerCredit(PartnerCreditName(credit));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, credit);
  }
}

TEST(ModelTest, UnknownNamesAreInvalidArguments) {
  for (std::string_view bad : {"", "Region", "regions", " topic"}) {
    auto parsed = ParseSectionKind(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code(), base::ErrorCode::kInvalidArgument);
  }
  for (std::string_view bad : {"", "Published", "deleted"}) {
    auto parsed = ParseArticleStatus(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code(), base::ErrorCode::kInvalidArgument);
    EXPECT_NE(parsed.error().message().find(std::string(bad)), std::string::npos);
  }
  for (std::string_view bad : {"", "nofollow", "CANONICAL"}) {
    auto parsed = ParsePartnerCredit(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code(), base::ErrorCode::kInvalidArgument);
  }
}

TEST(ModelTest, DefaultsAreSafe) {
  const Article article;
  EXPECT_EQ(article.status, ArticleStatus::kDraft);
  EXPECT_FALSE(article.partner_id.has_value());
  const Partner partner;
  EXPECT_EQ(partner.credit, PartnerCredit::kCanonical);
}

TEST(ModelTest, SectionSlugsMustNotShadowTheSitesOwnPaths) {
  EXPECT_TRUE(CheckSectionSlugIsFree("east-asia").has_value());
  EXPECT_TRUE(CheckSectionSlugIsFree("authors").has_value());
  for (std::string_view taken : {"author", "tag", "partner", "assets", "admin", "api", "search"}) {
    auto status = CheckSectionSlugIsFree(taken);
    ASSERT_FALSE(status.has_value()) << taken;
    EXPECT_EQ(status.error().code(), base::ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace gazette::content
