// The magazine's domain values: sections, authors, partners, tags and articles. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"

namespace gazette::content {

// A section is either a region of the world or a topic that cuts across regions.
enum class SectionKind { kRegion, kTopic };
std::string_view SectionKindName(SectionKind kind);  // "region" | "topic"
base::Result<SectionKind> ParseSectionKind(std::string_view name);

enum class ArticleStatus { kDraft, kReview, kScheduled, kPublished, kArchived };
std::string_view ArticleStatusName(ArticleStatus status);  // "draft", "review", ...
base::Result<ArticleStatus> ParseArticleStatus(std::string_view name);

// How a republished partner piece defers to its original for search engines:
// kCanonical puts rel=canonical to the original URL; kNoindex asks engines not to index our copy.
enum class PartnerCredit { kCanonical, kNoindex };
std::string_view PartnerCreditName(PartnerCredit credit);  // "canonical" | "noindex"
base::Result<PartnerCredit> ParsePartnerCredit(std::string_view name);

// Section pages live at "/<slug>/", beside the site's own top-level paths. InvalidArgument when
// `slug` is one of those ("author", "tag", "assets", "admin", "api", "search", "feed", ...).
base::Status CheckSectionSlugIsFree(std::string_view slug);

struct Section {
  int64_t id = 0;
  std::string slug;
  std::string name;
  SectionKind kind = SectionKind::kRegion;
  int position = 0;  // order in navigation, ascending
  std::string description;
};

struct Author {
  int64_t id = 0;
  std::string slug;
  std::string name;
  std::string bio;
  std::optional<int64_t> user_id;  // the account of an author who writes here; none for guests
};

// An institute whose pieces we republish with a credit.
struct Partner {
  int64_t id = 0;
  std::string slug;
  std::string name;
  std::string url;  // the partner's home page
  std::optional<std::string> feed_url;
  PartnerCredit credit = PartnerCredit::kCanonical;
  std::string description;
};

struct Tag {
  int64_t id = 0;
  std::string slug;
  std::string name;
};

struct Article {
  int64_t id = 0;
  std::string slug;  // unique among articles
  std::string title;
  std::string dek;        // the standfirst under the title
  std::string body_md;    // source of truth
  std::string body_html;  // rendered from body_md on save
  ArticleStatus status = ArticleStatus::kDraft;
  int64_t section_id = 0;
  std::optional<int64_t> partner_id;
  std::string original_url;  // where a partner piece was first published
  base::Seconds published_at{};
  base::Seconds updated_at{};
  int word_count = 0;
  std::vector<int64_t> author_ids;  // in byline order
  std::vector<int64_t> tag_ids;
  std::optional<int64_t> lead_image_id;  // a Media row
  std::string lead_image_alt;            // required with a lead image
  std::optional<int64_t> created_by;     // the user who started the article
  // Bumped by every update. An update that starts from an older version is refused, so that an
  // edit never silently overwrites a newer save by someone else.
  int64_t version = 1;
};

// An earlier state of an article, kept each time a reviewed or published article is saved.
struct Revision {
  int64_t id = 0;
  int64_t article_id = 0;
  std::string title;
  std::string dek;
  std::string body_md;
  ArticleStatus status = ArticleStatus::kDraft;  // the article's status when this was saved
  std::optional<int64_t> editor_id;              // the user who saved it
  base::Seconds created_at{};
};

}  // namespace gazette::content
