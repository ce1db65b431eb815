#include "site/page_builder.h"

#include <algorithm>
#include <set>

#include "base/time_format.h"
#include "content/text_stats.h"
#include "site/view_counter.h"
#include "store/change_tags.h"

namespace gazette::site {
namespace {

constexpr int kTrendingSize = 6;
constexpr int kTrendingDays = 7;

}  // namespace

const content::Section* PageContext::SectionById(int64_t id) const {
  auto it = section_by_id.find(id);
  return it == section_by_id.end() ? nullptr : it->second;
}

std::string SectionUrl(const content::Section& section) { return "/" + section.slug + "/"; }

std::string ArticleUrl(const content::Section& section, const content::Article& article) {
  return "/" + section.slug + "/" + article.slug + "/";
}

render::SiteView SiteChrome(const SiteConfig& config, const http::StaticAssets& assets,
                            base::Seconds now) {
  render::SiteView site;
  site.name = config.name;
  site.tagline = config.tagline;
  site.url = config.url;
  site.language = config.language;
  site.stylesheet_url = assets.UrlFor("site.css").value_or("");
  site.script_url = assets.UrlFor("site.js").value_or("");
  site.icon_url = assets.UrlFor("favicon.svg").value_or("");
  site.year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
  return site;
}

base::Result<std::unique_ptr<PageContext>> MakePageContext(store::Store& store, SiteConfig config,
                                                           const http::StaticAssets& assets,
                                                           base::Seconds now) {
  auto sections = store.ListSections();
  if (!sections) return base::Unexpected(sections.error());
  auto context = std::make_unique<PageContext>(PageContext{.config = std::move(config),
                                                           .sections = std::move(*sections),
                                                           .section_by_id = {},
                                                           .now = now,
                                                           .site = {},
                                                           .cache_tags = {store::SiteTag()}});
  context->site = SiteChrome(context->config, assets, now);
  render::SiteView& site = context->site;
  for (const content::Section& section : context->sections) {
    context->section_by_id[section.id] = &section;
    auto& nav = section.kind == content::SectionKind::kRegion ? site.regions : site.topics;
    nav.push_back({.name = section.name, .url = SectionUrl(section)});
  }
  return context;
}

base::Result<std::vector<render::ArticleCard>> MakeCards(
    store::Store& store, PageContext& context, std::span<const content::Article> articles) {
  for (const content::Article& article : articles) {
    context.cache_tags.push_back(store::ArticleTag(article.id));
  }
  std::vector<int64_t> author_ids;
  std::set<int64_t> partner_ids;
  for (const content::Article& article : articles) {
    author_ids.insert(author_ids.end(), article.author_ids.begin(), article.author_ids.end());
    if (article.partner_id) partner_ids.insert(*article.partner_id);
  }
  std::sort(author_ids.begin(), author_ids.end());
  author_ids.erase(std::unique(author_ids.begin(), author_ids.end()), author_ids.end());
  auto authors = store.GetAuthors(author_ids);
  if (!authors) return base::Unexpected(authors.error());
  std::map<int64_t, const content::Author*> author_by_id;
  for (const content::Author& author : *authors) author_by_id[author.id] = &author;
  std::map<int64_t, std::string> partner_names;
  for (int64_t id : partner_ids) {
    auto partner = store.GetPartner(id);
    if (!partner) return base::Unexpected(partner.error());
    partner_names[id] = partner->name;
  }

  std::vector<render::ArticleCard> cards;
  cards.reserve(articles.size());
  for (const content::Article& article : articles) {
    const content::Section* section = context.SectionById(article.section_id);
    if (!section) continue;
    render::ArticleCard card;
    card.title = article.title;
    card.url = ArticleUrl(*section, article);
    card.dek = article.dek;
    card.section = {.name = section->name, .url = SectionUrl(*section)};
    for (int64_t id : article.author_ids) {
      auto it = author_by_id.find(id);
      if (it == author_by_id.end()) continue;
      card.authors.push_back(
          {.name = it->second->name, .url = "/author/" + it->second->slug + "/"});
    }
    card.date_iso = base::FormatIso8601(article.published_at);
    card.date_long = base::FormatLongDate(article.published_at);
    card.date_relative = base::FormatRelative(article.published_at, context.now);
    card.reading_minutes = content::ReadingMinutes(article.word_count);
    if (article.partner_id) card.partner_name = partner_names[*article.partner_id];
    cards.push_back(std::move(card));
  }
  return cards;
}

base::Result<std::vector<render::ArticleCard>> MakeTrending(store::Store& store,
                                                            PageContext& context,
                                                            std::string& heading) {
  auto most_read = store.MostViewed(DayOf(context.now) - (kTrendingDays - 1), kTrendingSize);
  if (!most_read) return base::Unexpected(most_read.error());
  std::vector<content::Article> articles = std::move(*most_read);
  heading = articles.empty() ? "Latest" : "Trending";
  if (articles.size() < kTrendingSize) {
    context.cache_tags.push_back(store::AllListTag());
    auto latest = store.ListPublished({.limit = kTrendingSize * 2, .with_tag_ids = false});
    if (!latest) return base::Unexpected(latest.error());
    for (content::Article& article : *latest) {
      if (articles.size() >= kTrendingSize) break;
      bool listed = std::any_of(articles.begin(), articles.end(),
                                [&](const content::Article& a) { return a.id == article.id; });
      if (!listed) articles.push_back(std::move(article));
    }
  }
  return MakeCards(store, context, articles);
}

}  // namespace gazette::site
