// What the site tells search engines: /robots.txt, the sitemap index /sitemap.xml, and the
// sitemaps it points at under /sitemaps/ (articles by month, the site's other pages, and a
// Google News sitemap of the last 48 hours).
#pragma once

#include <functional>

#include "base/clock.h"
#include "base/result.h"
#include "http/router.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site {

// Adds GET /robots.txt, /sitemap.xml and /sitemaps/{file} to `router`:
//   /sitemaps/articles-YYYY-MM.xml  the published articles of that month (UTC), lastmod their
//                                   updated_at; 404 for a month without any
//   /sitemaps/pages.xml             home, sections, and the authors, tags and partners with
//                                   published articles
//   /sitemaps/news.xml              articles published in the 48 hours before now
// Partner pieces whose canonical page is the original, or which ask not to be indexed, are in
// none of them. Store errors answer with their status (http::StatusForError) in plain text.
// The handlers only read the store and are safe for concurrent use. Borrows `store` and `clock`,
// which must outlive the router; `config` gives the site's configuration, asked once per request.
void RegisterSeoRoutes(http::Router& router, store::Store& store, const base::Clock& clock,
                       std::function<base::Result<SiteConfig>()> config);

}  // namespace gazette::site
