// Writes the XML documents of the sitemaps protocol (sitemaps.org) and of Google News sitemaps
// from plain values. Holds no state; knows nothing of the store.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "base/clock.h"

namespace gazette::site {

// One <sitemap> of a sitemap index, or one <url> of a URL set.
struct SitemapEntry {
  std::string url;                       // absolute
  std::optional<base::Seconds> lastmod;  // left out when absent
};

// One <url> of a Google News sitemap.
struct NewsEntry {
  std::string url;  // absolute
  std::string title;
  base::Seconds published_at;
};

// The name and language a news sitemap names its publication by.
struct NewsPublication {
  std::string name;      // "The Meridian Review"
  std::string language;  // ISO 639 code: "en"
};

// <sitemapindex> listing `sitemaps`; <lastmod> in W3C datetime, UTC.
std::string SitemapIndexXml(std::span<const SitemapEntry> sitemaps);

// <urlset> listing `urls`; <lastmod> in W3C datetime, UTC.
std::string UrlSetXml(std::span<const SitemapEntry> urls);

// <urlset> with the news: namespace, one <news:news> per entry.
std::string NewsSitemapXml(const NewsPublication& publication, std::span<const NewsEntry> entries);

}  // namespace gazette::site
