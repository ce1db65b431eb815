// What reader pages tell link previews and search engines about themselves beyond their HTML:
// OpenGraph and Twitter card values, and JSON-LD structured data (schema.org NewsArticle and
// BreadcrumbList) built with nlohmann-json.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "content/model.h"
#include "http/static_assets.h"
#include "render/views.h"
#include "site/site.h"

namespace gazette::site {

// The absolute URL of the theme's logo (its asset logo.png, logo.webp or logo.svg, the first
// that exists), for the publisher of structured data; "" when the theme has none.
std::string PublisherLogoUrl(const SiteConfig& config, const http::StaticAssets& assets);

// A BreadcrumbList from the home page through `trail` (names and site-relative URLs, the page
// itself last), as JSON text.
std::string BreadcrumbJsonLd(const SiteConfig& config, std::span<const render::Link> trail);

// Adds the article page's link-preview values and structured data to view.meta: og:image from
// the lead image, the article:* properties, and JSON-LD NewsArticle and BreadcrumbList (Home ›
// section › article). REQUIRES: `view` already holds the article's card, lead image and tags,
// as the page shows them. `logo_url` is absolute, or "" for a publisher without a logo. The
// arguments are borrowed for the call.
void AddArticleStructuredData(const SiteConfig& config, const content::Article& article,
                              std::string_view logo_url, render::ArticleView& view);

}  // namespace gazette::site
