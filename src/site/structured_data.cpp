#include "site/structured_data.h"

#include <array>
#include <nlohmann/json.hpp>

#include "base/time_format.h"

namespace gazette::site {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 3> kLogoAssets = {"logo.png", "logo.webp", "logo.svg"};

json Node(std::string_view type) {
  return json{{"@context", "https://schema.org"}, {"@type", type}};
}

}  // namespace

std::string PublisherLogoUrl(const SiteConfig& config, const http::StaticAssets& assets) {
  for (std::string_view name : kLogoAssets) {
    if (auto url = assets.UrlFor(name)) return config.url + *url;
  }
  return "";
}

std::string BreadcrumbJsonLd(const SiteConfig& config, std::span<const render::Link> trail) {
  json items = json::array();
  items.push_back(
      {{"@type", "ListItem"}, {"position", 1}, {"name", config.name}, {"item", config.url + "/"}});
  for (const render::Link& link : trail) {
    items.push_back({{"@type", "ListItem"},
                     {"position", items.size() + 1},
                     {"name", link.name},
                     {"item", config.url + link.url}});
  }
  json list = Node("BreadcrumbList");
  list["itemListElement"] = std::move(items);
  return list.dump();
}

void AddArticleStructuredData(const SiteConfig& config, const content::Article& article,
                              std::string_view logo_url, render::ArticleView& view) {
  const render::ArticleCard& card = view.article;
  const std::string page_url = config.url + card.url;
  render::PageMeta& meta = view.meta;

  render::ArticleMeta properties{.published_time = base::FormatIso8601(article.published_at),
                                 .modified_time = base::FormatIso8601(article.updated_at),
                                 .section = card.section.name,
                                 .tags = {}};
  for (const render::Link& tag : view.tags) properties.tags.push_back(tag.name);

  json news = Node("NewsArticle");
  news["headline"] = article.title;
  if (!article.dek.empty()) news["description"] = article.dek;
  news["datePublished"] = properties.published_time;
  news["dateModified"] = properties.modified_time;
  json authors = json::array();
  for (const render::Link& author : card.authors) {
    authors.push_back(
        {{"@type", "Person"}, {"name", author.name}, {"url", config.url + author.url}});
  }
  if (!authors.empty()) news["author"] = std::move(authors);
  news["articleSection"] = card.section.name;
  if (!properties.tags.empty()) news["keywords"] = properties.tags;
  json publisher{{"@type", "Organization"}, {"name", config.name}, {"url", config.url + "/"}};
  if (!logo_url.empty()) publisher["logo"] = {{"@type", "ImageObject"}, {"url", logo_url}};
  news["publisher"] = std::move(publisher);
  if (view.lead_image) {
    const render::ResponsiveImage& lead = *view.lead_image;
    meta.image = render::SocialImage{
        .url = config.url + lead.src, .width = lead.width, .height = lead.height, .alt = lead.alt};
    news["image"] = {{"@type", "ImageObject"},
                     {"url", meta.image->url},
                     {"width", lead.width},
                     {"height", lead.height}};
  }
  news["url"] = page_url;
  news["mainEntityOfPage"] = {{"@type", "WebPage"}, {"@id", page_url}};
  news["isAccessibleForFree"] = true;

  meta.article = std::move(properties);
  meta.json_ld.push_back(news.dump());
  const std::array<render::Link, 2> trail = {card.section,
                                             render::Link{.name = article.title, .url = card.url}};
  meta.json_ld.push_back(BreadcrumbJsonLd(config, trail));
}

}  // namespace gazette::site
