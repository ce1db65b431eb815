#include "site/feeds.h"

#include <memory>

#include "site/feed_builder.h"
#include "store/change_tags.h"

namespace gazette::site {
namespace {

using http::PathParams;
using http::Request;
using http::Response;

enum class Format { kRss, kAtom, kJson };

// Finds the scope a request names; NotFound when its section, author, tag or partner is unknown.
using ScopeFinder = std::function<base::Result<FeedScope>(store::Store&, const PathParams&)>;

base::Result<FeedScope> SiteScope(store::Store&, const PathParams&) {
  return FeedScope{.query = {}, .name = "", .description = "", .path = "/"};
}

base::Result<FeedScope> SectionScope(store::Store& store, const PathParams& params) {
  auto section = store.GetSectionBySlug(params.at("section"));
  if (!section) return base::Unexpected(section.error());
  return FeedScope{.query = {.section_id = section->id},
                   .name = section->name,
                   .description = section->description,
                   .path = "/" + section->slug + "/"};
}

base::Result<FeedScope> AuthorScope(store::Store& store, const PathParams& params) {
  auto author = store.GetAuthorBySlug(params.at("slug"));
  if (!author) return base::Unexpected(author.error());
  return FeedScope{.query = {.author_id = author->id},
                   .name = author->name,
                   .description = author->bio,
                   .path = "/author/" + author->slug + "/"};
}

base::Result<FeedScope> TagScope(store::Store& store, const PathParams& params) {
  auto tag = store.GetTagBySlug(params.at("slug"));
  if (!tag) return base::Unexpected(tag.error());
  return FeedScope{.query = {.tag_id = tag->id},
                   .name = tag->name,
                   .description = "",
                   .path = "/tag/" + tag->slug + "/"};
}

base::Result<FeedScope> PartnerScope(store::Store& store, const PathParams& params) {
  auto partner = store.GetPartnerBySlug(params.at("slug"));
  if (!partner) return base::Unexpected(partner.error());
  return FeedScope{.query = {.partner_id = partner->id},
                   .name = partner->name,
                   .description = partner->description,
                   .path = "/partner/" + partner->slug + "/"};
}

struct FeedRoutes {
  store::Store& store;
  const base::Clock& clock;
  std::function<base::Result<SiteConfig>()> config;
  std::function<Response(const base::Error&)> error_page;

  Response Serve(const ScopeFinder& find, Format format, const PathParams& params) const {
    const auto hold = store.HoldReads();
    auto site_config = config();
    if (!site_config) return error_page(site_config.error());
    auto scope = find(store, params);
    if (!scope) return error_page(scope.error());
    auto feed = BuildFeed(store, *site_config, *scope, clock.Now());
    if (!feed) return error_page(feed.error());
    Response response;
    response.status = 200;
    switch (format) {
      case Format::kRss:
        response.content_type = kRssContentType;
        response.body = WriteRss(*feed);
        break;
      case Format::kAtom:
        response.content_type = kAtomContentType;
        response.body = WriteAtom(*feed);
        break;
      case Format::kJson:
        response.content_type = kJsonFeedContentType;
        response.body = WriteJsonFeed(*feed);
        break;
    }
    // Feeds change as articles are published: readers revalidate, cheaply with the ETag.
    response.SetHeader("Cache-Control", "no-cache");
    // Entries carry whole bodies, authors and tags: kept by the page cache until the site or
    // any published article changes.
    response.cache_tags = {store::SiteTag(), store::AnyArticleTag()};
    return response;
  }
};

}  // namespace

void RegisterFeeds(http::Router& router, store::Store& store, const base::Clock& clock,
                   std::function<base::Result<SiteConfig>()> config,
                   std::function<http::Response(const base::Error&)> error_page) {
  auto routes = std::make_shared<const FeedRoutes>(
      FeedRoutes{store, clock, std::move(config), std::move(error_page)});
  auto add = [&router, &routes](const std::string& page_pattern, ScopeFinder find) {
    router.Add(http::Method::kGet, RssFeedPath(page_pattern),
               [routes, find](const Request&, const PathParams& params) {
                 return routes->Serve(find, Format::kRss, params);
               });
    router.Add(http::Method::kGet, AtomFeedPath(page_pattern),
               [routes, find](const Request&, const PathParams& params) {
                 return routes->Serve(find, Format::kAtom, params);
               });
  };
  add("/", SiteScope);
  add("/{section}/", SectionScope);
  add("/author/{slug}/", AuthorScope);
  add("/tag/{slug}/", TagScope);
  add("/partner/{slug}/", PartnerScope);
  router.Add(http::Method::kGet, JsonFeedPath("/"),
             [routes](const Request&, const PathParams& params) {
               return routes->Serve(SiteScope, Format::kJson, params);
             });
}

std::vector<render::FeedLink> FeedLinks(const SiteConfig& config, const std::string& name,
                                        const std::string& page_path) {
  const std::string title = name.empty() ? config.name : name + " \u2014 " + config.name;
  std::vector<render::FeedLink> links = {
      {.title = title + " (RSS)",
       .type = "application/rss+xml",
       .url = config.url + RssFeedPath(page_path)},
      {.title = title + " (Atom)",
       .type = "application/atom+xml",
       .url = config.url + AtomFeedPath(page_path)},
  };
  if (std::string json = JsonFeedPath(page_path); !json.empty()) {
    links.push_back({.title = title + " (JSON Feed)",
                     .type = "application/feed+json",
                     .url = config.url + json});
  }
  return links;
}

}  // namespace gazette::site
