// The reader site's feeds: RSS 2.0 at "<page>feed/", Atom 1.0 at "<page>feed/atom/" for the
// whole site ("/") and for each section, author, tag and partner page, and JSON Feed 1.1 for
// the whole site at "/feed.json". Also the autodiscovery links pages put in their <head>.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "base/result.h"
#include "http/router.h"
#include "render/views.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site {

inline constexpr char kRssContentType[] = "application/rss+xml; charset=utf-8";
inline constexpr char kAtomContentType[] = "application/atom+xml; charset=utf-8";
inline constexpr char kJsonFeedContentType[] = "application/feed+json; charset=utf-8";

// Adds the feed routes to `router`. `config` gives the site's configuration for each request;
// `error_page` answers a failure (NotFound for an unknown section, author, tag or partner).
// Borrows `store` and `clock`, which must outlive the router. The handlers are safe for
// concurrent use.
void RegisterFeeds(http::Router& router, store::Store& store, const base::Clock& clock,
                   std::function<base::Result<SiteConfig>()> config,
                   std::function<http::Response(const base::Error&)> error_page);

// The autodiscovery links of the listing page at `page_path` ("/" or "/east-asia/") named
// `name` ("" for the whole site): RSS and Atom, and JSON Feed for the whole site.
std::vector<render::FeedLink> FeedLinks(const SiteConfig& config, const std::string& name,
                                        const std::string& page_path);

}  // namespace gazette::site
