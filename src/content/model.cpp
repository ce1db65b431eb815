#include "content/model.h"

namespace gazette::content {

namespace {

// Top-level paths that the site answers itself, now or in the planned admin, API, search and
// feed routes.
constexpr std::string_view kReservedTopLevelPaths[] = {
    "admin",   "api",        "assets", "author",      "feed", "feeds",    "healthz",     "media",
    "partner", "robots.txt", "search", "sitemap.xml", "tag",  "wp-admin", "wp-login.php"};

}  // namespace

base::Status CheckSectionSlugIsFree(std::string_view slug) {
  for (std::string_view reserved : kReservedTopLevelPaths) {
    if (slug == reserved) {
      return base::InvalidArgumentError("section slug '" + std::string(slug) +
                                        "' is taken by the site's own pages");
    }
  }
  return base::Ok();
}

std::string_view SectionKindName(SectionKind kind) {
  return kind == SectionKind::kRegion ? "region" : "topic";
}

base::Result<SectionKind> ParseSectionKind(std::string_view name) {
  if (name == "region") return SectionKind::kRegion;
  if (name == "topic") return SectionKind::kTopic;
  return base::InvalidArgumentError("section kind must be 'region' or 'topic', not '" +
                                    std::string(name) + "'");
}

std::string_view ArticleStatusName(ArticleStatus status) {
  switch (status) {
    case ArticleStatus::kDraft:
      return "draft";
    case ArticleStatus::kReview:
      return "review";
    case ArticleStatus::kScheduled:
      return "scheduled";
    case ArticleStatus::kPublished:
      return "published";
    case ArticleStatus::kArchived:
      return "archived";
  }
  return "draft";
}

base::Result<ArticleStatus> ParseArticleStatus(std::string_view name) {
  for (auto status : {ArticleStatus::kDraft, ArticleStatus::kReview, ArticleStatus::kScheduled,
                      ArticleStatus::kPublished, ArticleStatus::kArchived}) {
    if (ArticleStatusName(status) == name) return status;
  }
  return base::InvalidArgumentError("unknown article status '" + std::string(name) + "'");
}

std::string_view PartnerCreditName(PartnerCredit credit) {
  return credit == PartnerCredit::kCanonical ? "canonical" : "noindex";
}

base::Result<PartnerCredit> ParsePartnerCredit(std::string_view name) {
  if (name == "canonical") return PartnerCredit::kCanonical;
  if (name == "noindex") return PartnerCredit::kNoindex;
  return base::InvalidArgumentError("partner credit must be 'canonical' or 'noindex', not '" +
                                    std::string(name) + "'");
}

}  // namespace gazette::content
