#include "store/site_settings.h"

#include <charconv>

namespace gazette::store {
namespace {

base::Status Read(Store& store, std::string_view key, std::optional<std::string>& out) {
  auto value = store.GetSetting(key);
  if (value) {
    out = std::move(*value);
    return base::Ok();
  }
  if (value.error().code() == base::ErrorCode::kNotFound) return base::Ok();
  return base::Unexpected(value.error());
}

}  // namespace

base::Result<SiteSettingOverrides> LoadSiteSettingOverrides(Store& store) {
  SiteSettingOverrides overrides;
  const std::pair<std::string_view, std::optional<std::string>*> texts[] = {
      {kSiteNameSetting, &overrides.name},
      {kSiteTaglineSetting, &overrides.tagline},
      {kSiteDescriptionSetting, &overrides.description},
      {kSiteUrlSetting, &overrides.url},
  };
  for (const auto& [key, field] : texts) {
    if (auto read = Read(store, key, *field); !read) return base::Unexpected(read.error());
  }
  std::optional<std::string> per_page;
  if (auto read = Read(store, kArticlesPerPageSetting, per_page); !read) {
    return base::Unexpected(read.error());
  }
  if (per_page) {
    int number = 0;
    const char* end = per_page->data() + per_page->size();
    auto [stop, error] = std::from_chars(per_page->data(), end, number);
    if (error == std::errc() && stop == end && number >= 1 && number <= kMaxArticlesPerPage) {
      overrides.articles_per_page = number;
    }
  }
  std::optional<std::string> feed_content;
  if (auto read = Read(store, kFeedContentSetting, feed_content); !read) {
    return base::Unexpected(read.error());
  }
  if (feed_content) overrides.feed_content = ParseFeedContent(*feed_content);
  return overrides;
}

std::string_view FeedContentName(FeedContent content) {
  return content == FeedContent::kFull ? "full" : "summary";
}

std::optional<FeedContent> ParseFeedContent(std::string_view name) {
  if (name == "full") return FeedContent::kFull;
  if (name == "summary") return FeedContent::kSummary;
  return std::nullopt;
}

}  // namespace gazette::store
