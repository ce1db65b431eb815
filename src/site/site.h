// The reader-facing site: home, sections, articles, authors, partners, tags, media, errors, the
// public Content API, and the newsroom's preview of an article as readers would see it.
// Each handler reads the store, builds a view model and renders it with the theme; every page a
// reader may be shown from the page cache carries the tags of what it shows (store/change_tags.h).
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "content/model.h"
#include "http/router.h"
#include "http/static_assets.h"
#include "render/theme.h"
#include "store/site_settings.h"
#include "store/store.h"

namespace gazette::site {

struct SiteConfig {
  std::string name = "Gazette";               // shown in the masthead and titles
  std::string tagline;                        // shown under the masthead
  std::string description;                    // the home page's meta description
  std::string url = "http://127.0.0.1:8080";  // absolute base URL, no trailing '/'
  std::string language = "en";
  int articles_per_page = 10;  // on section, author, partner and tag pages
  store::FeedContent feed_content = store::FeedContent::kFull;  // what feed entries carry
};

// Safe for concurrent use: handlers run on any worker thread.
class Site {
 public:
  // Borrows `store` and `clock`, which must outlive the Site.
  Site(store::Store& store, const base::Clock& clock, std::shared_ptr<const render::Theme> theme,
       std::shared_ptr<const http::StaticAssets> assets, SiteConfig config);
  ~Site();

  // Adds the reader routes, /media/, the Content API (/api/content/v1/) and the not-found
  // handler (the themed 404; JSON under /api/content/) to `router`. Borrows *this for as long
  // as the router is used.
  void Register(http::Router& router);

  // The HTML of the article page of `article` as readers would see it if it were published now
  // (whatever its status): the same template, byline, section, partner credit, lead image, body
  // with its footnotes, tags, more in its section and trending, but with
  // <meta name="robots" content="noindex"> and without counting a view. A published article
  // keeps its date; any other is dated now. article.body_html is shown as given, or rendered
  // from body_md when empty; word_count is counted from body_md when 0. Never fails: when the
  // store cannot be read, or article.section_id names no section, the result is the themed
  // error page (404 or 500) instead. `article` is borrowed for the call.
  std::string RenderPreview(const content::Article& article);

  // Renders every page from now on with `theme` (a request under way keeps the one it began
  // with). Safe to call while handlers run.
  void SetTheme(std::shared_ptr<const render::Theme> theme);

  // Writes the page views counted since the last call in one transaction. Called every few
  // seconds by the app, and once more at shutdown.
  base::Status FlushViews();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::site
