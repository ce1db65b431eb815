// The site settings an admin keeps in the store's settings table (the newsroom's settings page
// writes them): they override gazette.toml, and the reader site reads them on every request, so
// an edit reaches every node at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "store/store.h"

namespace gazette::store {

inline constexpr std::string_view kSiteNameSetting = "site.name";
inline constexpr std::string_view kSiteTaglineSetting = "site.tagline";
inline constexpr std::string_view kSiteDescriptionSetting = "site.description";
inline constexpr std::string_view kSiteUrlSetting = "site.url";
inline constexpr std::string_view kArticlesPerPageSetting = "site.articles_per_page";
inline constexpr std::string_view kFeedContentSetting = "site.feed_content";  // "full"|"summary"

inline constexpr int kMaxArticlesPerPage = 100;

// What the site's feeds carry for each article: its whole body, or only its dek.
enum class FeedContent { kFull, kSummary };
std::string_view FeedContentName(FeedContent content);  // "full" | "summary"
// The feed content named `name`; nullopt for any other text.
std::optional<FeedContent> ParseFeedContent(std::string_view name);

// What the store holds; each field is nullopt when its key is not set. A stored number of
// articles per page that is not from 1 to kMaxArticlesPerPage counts as not set, and so does a
// feed content that is neither "full" nor "summary".
struct SiteSettingOverrides {
  std::optional<std::string> name;
  std::optional<std::string> tagline;
  std::optional<std::string> description;
  std::optional<std::string> url;
  std::optional<int> articles_per_page;
  std::optional<FeedContent> feed_content;
};

// Errors: those of the store (Unavailable, Internal).
base::Result<SiteSettingOverrides> LoadSiteSettingOverrides(Store& store);

}  // namespace gazette::store
