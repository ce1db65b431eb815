// Builds the view models shared by every reader page (site chrome, article cards, trending)
// from store rows. Holds no state of its own.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "content/model.h"
#include "http/static_assets.h"
#include "render/views.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site {

// What one request knows about the site: configuration, sections and the time. Built per
// request, confined to its thread.
struct PageContext {
  SiteConfig config;  // with the settings stored by admins applied
  std::vector<content::Section> sections;
  std::map<int64_t, const content::Section*> section_by_id;
  base::Seconds now;
  render::SiteView site;
  // What the page shows, as page-cache tags (store/change_tags.h), gathered while it is built:
  // "site" from the start, each article MakeCards makes a card of, and the lists the handler adds.
  std::vector<std::string> cache_tags;

  const content::Section* SectionById(int64_t id) const;
};

std::string SectionUrl(const content::Section& section);
std::string ArticleUrl(const content::Section& section, const content::Article& article);

// The site chrome without the section navigation, which needs the store: for a page that must
// be shown when the store cannot be read.
render::SiteView SiteChrome(const SiteConfig& config, const http::StaticAssets& assets,
                            base::Seconds now);

// Reads the sections and builds the site chrome. Errors from the store as they come.
base::Result<std::unique_ptr<PageContext>> MakePageContext(store::Store& store, SiteConfig config,
                                                           const http::StaticAssets& assets,
                                                           base::Seconds now);

// Cards for `articles` in order, with their sections, authors and partners resolved. Articles
// whose section is unknown are skipped. Adds each article's tag to context.cache_tags.
base::Result<std::vector<render::ArticleCard>> MakeCards(
    store::Store& store, PageContext& context, std::span<const content::Article> articles);

// Most read over the last 7 days, topped up with the newest articles when fewer were read.
// Sets `heading` to "Trending" or "Latest". The most read change only as views are flushed, and
// a kept page ages out for them; a top-up of newest articles adds the list of all articles to
// context.cache_tags, as the next publish changes it.
base::Result<std::vector<render::ArticleCard>> MakeTrending(store::Store& store,
                                                            PageContext& context,
                                                            std::string& heading);

}  // namespace gazette::site
