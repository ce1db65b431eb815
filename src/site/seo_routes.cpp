#include "site/seo_routes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "base/log.h"
#include "http/error_mapping.h"
#include "site/page_builder.h"
#include "site/sitemap_xml.h"
#include "store/change_tags.h"

namespace gazette::site {
namespace {

using base::Result;
using http::Response;

constexpr int kPageSize = 1000;  // articles read from the store at a time
constexpr std::chrono::hours kNewsWindow{48};

using Month = std::chrono::year_month;

// A sitemap, which may list any published article and its update date: kept by the page cache
// until the site or any published article changes.
Response Xml(std::string body) {
  Response response;
  response.content_type = "application/xml; charset=utf-8";
  response.body = std::move(body);
  response.SetHeader("Cache-Control", "no-cache");
  response.cache_tags = {store::SiteTag(), store::AnyArticleTag()};
  return response;
}

Response Failure(const base::Error& error) {
  const int status = http::StatusForError(error);
  if (status >= 500) base::LogError("sitemaps: " + error.ToString());
  return Response::Text(status, status == 404 ? "Not found\n" : "Unavailable\n");
}

Response Answer(Result<Response> result) {
  return result ? std::move(*result) : Failure(result.error());
}

Month MonthOf(base::Seconds t) {
  const std::chrono::year_month_day day(std::chrono::floor<std::chrono::days>(t));
  return day.year() / day.month();
}

base::Seconds StartOf(Month month) { return std::chrono::sys_days(month / 1); }

std::string MonthFile(Month month) {
  char name[32];
  std::snprintf(name, sizeof name, "articles-%04d-%02u.xml", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return name;
}

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "articles-2026-11.xml" -> 2026-11; nullopt for any other name.
std::optional<Month> ParseMonthFile(std::string_view file) {
  constexpr std::string_view kPrefix = "articles-";
  constexpr std::string_view kSuffix = ".xml";
  if (!file.starts_with(kPrefix) || !file.ends_with(kSuffix)) return std::nullopt;
  const std::string_view date =
      file.substr(kPrefix.size(), file.size() - kPrefix.size() - kSuffix.size());
  if (date.size() != 7 || date[4] != '-' || !AllDigits(date.substr(0, 4)) ||
      !AllDigits(date.substr(5))) {
    return std::nullopt;
  }
  const Month month = std::chrono::year(std::stoi(std::string(date.substr(0, 4)))) /
                      std::chrono::month(std::stoul(std::string(date.substr(5))));
  if (!month.ok()) return std::nullopt;
  return month;
}

// What a request's sitemaps need to know besides the articles.
struct Catalog {
  SiteConfig config;
  std::map<int64_t, content::Section> sections;
  std::map<int64_t, content::Partner> partners;

  // Whether engines should index here an article by this partner (nullopt: the site's own)
  // with or without an original_url: not a partner piece whose canonical page is the original
  // or that asks for noindex (as its page's <head> says).
  bool IndexedHere(const std::optional<int64_t>& partner_id, bool has_original_url) const {
    if (!partner_id) return true;
    auto partner = partners.find(*partner_id);
    if (partner == partners.end()) return false;
    if (partner->second.credit == content::PartnerCredit::kNoindex) return false;
    return !has_original_url;
  }

  // The article's own absolute URL when it is IndexedHere; nullopt for one that is not, and for
  // an article in an unknown section.
  std::optional<std::string> IndexedUrl(const content::Article& article) const {
    if (!IndexedHere(article.partner_id, !article.original_url.empty())) return std::nullopt;
    auto section = sections.find(article.section_id);
    if (section == sections.end()) return std::nullopt;
    return config.url + ArticleUrl(section->second, article);
  }
};

// The handlers' work. Holds only borrowed references and the configuration source; safe for
// concurrent use.
class Sitemaps {
 public:
  Sitemaps(store::Store& store, const base::Clock& clock,
           std::function<Result<SiteConfig>()> config)
      : store_(store), clock_(clock), config_(std::move(config)) {}

  Result<Response> Robots() const {
    auto config = config_();
    if (!config) return base::Unexpected(config.error());
    Response robots = Response::Text(200,
                                     "User-agent: *\n"
                                     "Allow: /\n"
                                     "Disallow: /admin/\n"
                                     "Disallow: /api/admin/\n"
                                     "\n"
                                     "Sitemap: " +
                                         config->url + "/sitemap.xml\n");
    robots.cache_tags = {store::SiteTag()};  // the site's URL is a setting
    return robots;
  }

  // The index: pages, news, and one sitemap per month with indexed articles, newest first,
  // each dated by the latest update among its articles. From the store's counts by month, not
  // the articles: a large archive has a few rows per month and a million articles. (Sections
  // cannot be removed, so every published article has a known one and counts here.)
  Result<Response> Index() const {
    auto catalog = LoadCatalog();
    if (!catalog) return base::Unexpected(catalog.error());
    auto groups = store_.ListPublishedMonths();
    if (!groups) return base::Unexpected(groups.error());
    std::map<Month, base::Seconds, std::greater<>> months;
    for (const store::PublishedMonth& group : *groups) {
      if (!catalog->IndexedHere(group.partner_id, group.has_original_url)) continue;
      base::Seconds& lastmod = months[MonthOf(group.month)];
      lastmod = std::max(lastmod, group.last_updated_at);
    }
    const std::string base = catalog->config.url + "/sitemaps/";
    std::vector<SitemapEntry> entries{{.url = base + "pages.xml", .lastmod = std::nullopt},
                                      {.url = base + "news.xml", .lastmod = std::nullopt}};
    for (const auto& [month, lastmod] : months) {
      entries.push_back({.url = base + MonthFile(month), .lastmod = lastmod});
    }
    return Xml(SitemapIndexXml(entries));
  }

  Result<Response> File(const std::string& file) const {
    if (file == "pages.xml") return Pages();
    if (file == "news.xml") return News();
    if (auto month = ParseMonthFile(file)) return Articles(*month);
    return base::NotFoundError("no sitemap " + file);
  }

 private:
  Result<Catalog> LoadCatalog() const {
    auto config = config_();
    if (!config) return base::Unexpected(config.error());
    Catalog catalog{.config = std::move(*config), .sections = {}, .partners = {}};
    auto sections = store_.ListSections();
    if (!sections) return base::Unexpected(sections.error());
    for (content::Section& section : *sections) catalog.sections[section.id] = std::move(section);
    auto partners = store_.ListPartners();
    if (!partners) return base::Unexpected(partners.error());
    for (content::Partner& partner : *partners) catalog.partners[partner.id] = std::move(partner);
    return catalog;
  }

  // Calls `visit` with every published article, newest first, until it returns false.
  template <typename Visit>
  base::Status ForEachPublished(Visit visit) const {
    for (int offset = 0;; offset += kPageSize) {
      auto page = store_.ListPublished({.limit = kPageSize, .offset = offset});
      if (!page) return base::Unexpected(page.error());
      for (const content::Article& article : *page) {
        if (!visit(article)) return {};
      }
      if (page->size() < kPageSize) return {};
    }
  }

  // The month's articles are a range of the listing's order: read from the month's end with a
  // keyset cursor, page by page, until the month's start, never the newer ones.
  Result<Response> Articles(Month month) const {
    auto catalog = LoadCatalog();
    if (!catalog) return base::Unexpected(catalog.error());
    const base::Seconds start = StartOf(month);
    store::ListingCursor cursor{.published_at = StartOf(month + std::chrono::months(1)), .id = 0};
    std::vector<SitemapEntry> urls;
    while (true) {
      auto page = store_.ListPublished({.before = cursor, .limit = kPageSize});
      if (!page) return base::Unexpected(page.error());
      for (const content::Article& article : *page) {
        if (article.published_at < start) break;
        if (auto url = catalog->IndexedUrl(article)) {
          urls.push_back({.url = std::move(*url), .lastmod = article.updated_at});
        }
      }
      if (page->size() < kPageSize || page->back().published_at < start) break;
      cursor = {.published_at = page->back().published_at, .id = page->back().id};
    }
    if (urls.empty()) return base::NotFoundError("no articles in " + MonthFile(month));
    return Xml(UrlSetXml(urls));
  }

  Result<Response> News() const {
    auto catalog = LoadCatalog();
    if (!catalog) return base::Unexpected(catalog.error());
    const base::Seconds now = clock_.Now();
    const base::Seconds since = now - kNewsWindow;
    std::vector<NewsEntry> entries;
    auto scanned = ForEachPublished([&](const content::Article& article) {
      if (article.published_at < since) return false;
      if (article.published_at > now) return true;
      if (auto url = catalog->IndexedUrl(article)) {
        entries.push_back(
            {.url = std::move(*url), .title = article.title, .published_at = article.published_at});
      }
      return true;
    });
    if (!scanned) return base::Unexpected(scanned.error());
    return Xml(NewsSitemapXml({.name = catalog->config.name, .language = catalog->config.language},
                              entries));
  }

  // True when the listing `query` has at least one published article.
  Result<bool> HasArticles(const store::ArticleQuery& query) const {
    auto count = store_.CountPublished(query);
    if (!count) return base::Unexpected(count.error());
    return *count > 0;
  }

  Result<Response> Pages() const {
    auto catalog = LoadCatalog();
    if (!catalog) return base::Unexpected(catalog.error());
    const std::string& base = catalog->config.url;
    std::vector<SitemapEntry> urls{{.url = base + "/", .lastmod = std::nullopt}};
    for (const auto& [id, section] : catalog->sections) {
      urls.push_back({.url = base + SectionUrl(section), .lastmod = std::nullopt});
    }
    auto authors = store_.ListAuthors();
    if (!authors) return base::Unexpected(authors.error());
    for (const content::Author& author : *authors) {
      auto listed = HasArticles({.author_id = author.id});
      if (!listed) return base::Unexpected(listed.error());
      if (*listed) urls.push_back({.url = base + "/author/" + author.slug + "/", .lastmod = {}});
    }
    auto tags = store_.ListTags();
    if (!tags) return base::Unexpected(tags.error());
    for (const content::Tag& tag : *tags) {
      auto listed = HasArticles({.tag_id = tag.id});
      if (!listed) return base::Unexpected(listed.error());
      if (*listed) urls.push_back({.url = base + "/tag/" + tag.slug + "/", .lastmod = {}});
    }
    for (const auto& [id, partner] : catalog->partners) {
      auto listed = HasArticles({.partner_id = id});
      if (!listed) return base::Unexpected(listed.error());
      if (*listed) urls.push_back({.url = base + "/partner/" + partner.slug + "/", .lastmod = {}});
    }
    return Xml(UrlSetXml(urls));
  }

  store::Store& store_;
  const base::Clock& clock_;
  std::function<Result<SiteConfig>()> config_;
};

}  // namespace

void RegisterSeoRoutes(http::Router& router, store::Store& store, const base::Clock& clock,
                       std::function<Result<SiteConfig>()> config) {
  // Each handler keeps its own copy: a Sitemaps holds only what it borrows.
  const Sitemaps sitemaps(store, clock, std::move(config));
  using M = http::Method;
  router.Add(M::kGet, "/robots.txt", [sitemaps](const http::Request&, const http::PathParams&) {
    return Answer(sitemaps.Robots());
  });
  router.Add(M::kGet, "/sitemap.xml", [sitemaps](const http::Request&, const http::PathParams&) {
    return Answer(sitemaps.Index());
  });
  router.Add(M::kGet, "/sitemaps/{file}",
             [sitemaps](const http::Request&, const http::PathParams& params) {
               return Answer(sitemaps.File(params.at("file")));
             });
}

}  // namespace gazette::site
