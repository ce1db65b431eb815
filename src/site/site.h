// The reader-facing site: home, sections, articles, authors, partners, tags, errors.
// Each handler reads the store, builds a view model and renders it with the theme.
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "http/router.h"
#include "http/static_assets.h"
#include "render/theme.h"
#include "store/store.h"

namespace gazette::site {

struct SiteConfig {
  std::string name = "Gazette";               // shown in the masthead and titles
  std::string tagline;                        // shown under the masthead
  std::string url = "http://127.0.0.1:8080";  // absolute base URL, no trailing '/'
  std::string language = "en";
  int articles_per_page = 10;  // on section, author, partner and tag pages
};

// Safe for concurrent use: handlers run on any worker thread.
class Site {
 public:
  // Borrows `store` and `clock`, which must outlive the Site.
  Site(store::Store& store, const base::Clock& clock, std::shared_ptr<const render::Theme> theme,
       std::shared_ptr<const http::StaticAssets> assets, SiteConfig config);
  ~Site();

  // Adds the reader routes and the themed 404 to `router`.
  void Register(http::Router& router);

  // Writes the page views counted since the last call in one transaction. Called every few
  // seconds by the app, and once more at shutdown.
  base::Status FlushViews();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::site
