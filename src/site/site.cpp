#include "site/site.h"

#include <algorithm>
#include <initializer_list>
#include <mutex>

#include "base/log.h"
#include "content/markdown.h"
#include "content/text_stats.h"
#include "http/error_mapping.h"
#include "site/content_api.h"
#include "site/feeds.h"
#include "site/lead_image.h"
#include "site/media_handler.h"
#include "site/old_addresses.h"
#include "site/page_builder.h"
#include "site/search_page.h"
#include "site/seo_routes.h"
#include "site/structured_data.h"
#include "site/view_counter.h"
#include "store/change_tags.h"
#include "store/site_settings.h"

namespace gazette::site {
namespace {

using base::Result;
using http::PathParams;
using http::Request;
using http::Response;

constexpr int kSectionBlockSize = 4;
constexpr int kMoreInSection = 3;
constexpr int kRelated = 4;  // "Related reading" cards on an article page
// Numbered pages of a listing go this deep; the store steps over every article before a page,
// so deeper ones would cost more and more. Past it, "Next" links carry ?before= instead: a
// keyset cursor, which costs the same at any depth.
constexpr int kMaxNumberedPage = 100;
// What the 404 page says to a reader who asks for a numbered page past kMaxNumberedPage.
constexpr std::string_view kPastNumberedPages =
    "Pages are numbered up to 100. For older articles, open page 100 and follow its Next link, "
    "or search the archive.";

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ?page=N: absent means 1; anything but a positive integer names no page.
Result<int> ParsePage(const Request& request) {
  auto value = request.QueryParam("page");
  if (!value) return 1;
  if (!AllDigits(*value) || value->size() > 7) {
    return base::NotFoundError("no page '" + *value + "'");
  }
  int page = std::stoi(*value);
  if (page < 1) return base::NotFoundError("no page " + *value);
  return page;
}

// ?before=<published_at>.<id>, as BeforeParam writes it; nullopt when absent. NotFound for
// anything else.
Result<std::optional<store::ListingCursor>> ParseBefore(const Request& request) {
  auto value = request.QueryParam("before");
  if (!value) return std::nullopt;
  const size_t dot = value->find('.');
  const std::string_view text(*value);
  if (dot == std::string::npos || !AllDigits(text.substr(0, dot)) ||
      !AllDigits(text.substr(dot + 1)) || dot > 12 || value->size() - dot - 1 > 18) {
    return base::NotFoundError("no page before '" + *value + "'");
  }
  return store::ListingCursor{
      .published_at = base::Seconds(std::chrono::seconds(std::stoll(value->substr(0, dot)))),
      .id = std::stoll(value->substr(dot + 1))};
}

std::string PageUrl(const std::string& base_url, int page) {
  return page <= 1 ? base_url : base_url + "?page=" + std::to_string(page);
}

// The page of the listing after `last`, its last article.
std::string OlderUrl(const std::string& base_url, const content::Article& last) {
  return base_url + "?before=" + std::to_string(last.published_at.time_since_epoch().count()) +
         "." + std::to_string(last.id);
}

Response HtmlPage(int status, std::string body) {
  Response response = Response::Html(status, std::move(body));
  // Pages change as articles are published and as "4 days ago" ages: always revalidate (the
  // ETag makes that cheap).
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

// A reader page that the page cache may keep until something it shows changes: ctx.cache_tags
// and `more`, each once.
Response CacheablePage(std::string body, PageContext& ctx,
                       std::initializer_list<std::string> more) {
  Response response = HtmlPage(200, std::move(body));
  std::vector<std::string>& tags = ctx.cache_tags;
  tags.insert(tags.end(), more.begin(), more.end());
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  response.cache_tags = std::move(tags);
  return response;
}

// Everything a list page needs besides its articles.
struct ListSpec {
  store::ArticleQuery query;
  std::string kind_label;
  std::string heading;
  std::string description;
  std::string external_url;
  std::string base_url;  // "/east-asia/"
  std::string list_tag;  // store::SectionListTag(id), ...
};

}  // namespace

struct Site::Impl {
  Impl(store::Store& store, const base::Clock& clock, std::shared_ptr<const render::Theme> theme,
       std::shared_ptr<const http::StaticAssets> assets, SiteConfig config)
      : store(store),
        clock(clock),
        theme_(std::move(theme)),
        assets(std::move(assets)),
        file_config(std::move(config)) {}

  store::Store& store;
  const base::Clock& clock;
  std::mutex theme_mutex;
  std::shared_ptr<const render::Theme> theme_;  // GUARDED_BY(theme_mutex)
  std::shared_ptr<const http::StaticAssets> assets;
  const SiteConfig file_config;  // from gazette.toml; the stored settings override it
  ViewCounter views;

  // The configuration with the settings admins keep in the store applied, read for every
  // request so that a change in the newsroom shows on every node at once.
  Result<SiteConfig> Config() {
    auto stored = store::LoadSiteSettingOverrides(store);
    if (!stored) return base::Unexpected(stored.error());
    SiteConfig config = file_config;
    if (stored->name) config.name = *stored->name;
    if (stored->tagline) config.tagline = *stored->tagline;
    if (stored->description) config.description = *stored->description;
    if (stored->url) config.url = *stored->url;
    while (config.url.ends_with('/')) config.url.pop_back();
    if (stored->articles_per_page) config.articles_per_page = *stored->articles_per_page;
    if (stored->feed_content) config.feed_content = *stored->feed_content;
    return config;
  }

  // The theme now; a request renders with the one it took, whatever SetTheme does meanwhile.
  std::shared_ptr<const render::Theme> Theme() {
    std::lock_guard lock(theme_mutex);
    return theme_;
  }

  void SetTheme(std::shared_ptr<const render::Theme> theme) {
    std::lock_guard lock(theme_mutex);
    theme_ = std::move(theme);
  }

  Result<std::unique_ptr<PageContext>> Context() {
    auto config = Config();
    if (!config) return base::Unexpected(config.error());
    return MakePageContext(store, std::move(*config), *assets, clock.Now());
  }

  static void Meta(const PageContext& ctx, render::PageMeta& meta, const std::string& title,
                   const std::string& desc, const std::string& path) {
    meta.title = title;
    meta.description = desc;
    meta.canonical_url = ctx.config.url + path;
  }

  Result<Response> Home() {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    PageContext& ctx = **context;
    render::HomeView view;
    view.site = ctx.site;
    Meta(ctx, view.meta, "",
         ctx.config.description.empty() ? ctx.config.tagline : ctx.config.description, "/");
    view.meta.feeds = FeedLinks(ctx.config, "", "/");

    std::optional<int64_t> lead_id;
    if (auto setting = store.GetSetting("home.lead_article_id")) {
      auto lead = store.GetArticle(std::atoll(setting->c_str()));
      if (lead && lead->status == content::ArticleStatus::kPublished) lead_id = lead->id;
    }
    std::vector<content::Article> lead_articles;
    if (lead_id) {
      auto lead = store.GetArticle(*lead_id);
      if (!lead) return base::Unexpected(lead.error());
      lead_articles.push_back(std::move(*lead));
    } else {
      auto latest = store.ListPublished({.limit = 1, .with_tag_ids = false});
      if (!latest) return base::Unexpected(latest.error());
      lead_articles = std::move(*latest);
    }
    if (!lead_articles.empty()) {
      auto cards = MakeCards(store, ctx, lead_articles);
      if (!cards) return base::Unexpected(cards.error());
      if (!cards->empty()) view.lead = std::move(cards->front());
      lead_id = lead_articles.front().id;
    }

    for (const content::Section& section : ctx.sections) {
      auto articles = store.ListPublished(
          {.section_id = section.id, .limit = kSectionBlockSize + 1, .with_tag_ids = false});
      if (!articles) return base::Unexpected(articles.error());
      std::erase_if(*articles, [&](const content::Article& a) { return a.id == lead_id; });
      if (articles->size() > kSectionBlockSize) articles->resize(kSectionBlockSize);
      if (articles->empty()) continue;
      auto cards = MakeCards(store, ctx, *articles);
      if (!cards) return base::Unexpected(cards.error());
      view.sections.push_back({.section = {.name = section.name, .url = SectionUrl(section)},
                               .kind = std::string(content::SectionKindName(section.kind)),
                               .articles = std::move(*cards)});
    }
    auto trending = MakeTrending(store, ctx, view.trending_heading);
    if (!trending) return base::Unexpected(trending.error());
    view.trending = std::move(*trending);
    return CacheablePage(Theme()->RenderHome(view), ctx, {store::AllListTag()});
  }

  Result<Response> List(const Request& request, PageContext& ctx, ListSpec spec) {
    auto before = ParseBefore(request);
    if (!before) return base::Unexpected(before.error());
    if (*before) return OlderList(ctx, std::move(spec), **before);
    auto page = ParsePage(request);
    if (!page) return base::Unexpected(page.error());
    auto total = store.CountPublished(spec.query);
    if (!total) return base::Unexpected(total.error());
    int per_page = ctx.config.articles_per_page;
    const int64_t all_pages = std::max<int64_t>(1, (*total + per_page - 1) / per_page);
    int total_pages = static_cast<int>(std::min<int64_t>(all_pages, kMaxNumberedPage));
    if (*page > all_pages) return base::NotFoundError("page past the end");
    if (*page > total_pages) {
      return base::NotFoundError(std::string(kPastNumberedPages));
    }

    spec.query.limit = per_page;
    spec.query.offset = (*page - 1) * per_page;
    auto articles = store.ListPublished(spec.query);
    if (!articles) return base::Unexpected(articles.error());
    std::string next_url;
    if (*page < total_pages) {
      next_url = PageUrl(spec.base_url, *page + 1);
    } else if (*page < all_pages && !articles->empty()) {
      next_url = OlderUrl(spec.base_url, articles->back());
    }
    render::Pagination pagination{
        .page = *page,
        .total_pages = total_pages,
        .previous_url = *page > 1 ? PageUrl(spec.base_url, *page - 1) : "",
        .next_url = std::move(next_url)};
    const std::string path = PageUrl(spec.base_url, *page);
    return ListPage(ctx, std::move(spec), std::move(*articles), std::move(pagination), path,
                    *page > 1 ? " — page " + std::to_string(*page) : "");
  }

  // A page of a listing past its numbered ones: the articles after `before`, with a Next link
  // to the ones after those when there are more.
  Result<Response> OlderList(PageContext& ctx, ListSpec spec, store::ListingCursor before) {
    const int per_page = ctx.config.articles_per_page;
    spec.query.before = before;
    spec.query.limit = per_page + 1;  // one more says whether there is a next page
    auto articles = store.ListPublished(spec.query);
    if (!articles) return base::Unexpected(articles.error());
    if (articles->empty()) return base::NotFoundError("no articles before this place");
    render::Pagination pagination{.page = 0, .total_pages = 0, .previous_url = "", .next_url = ""};
    if (static_cast<int>(articles->size()) > per_page) {
      articles->resize(per_page);
      pagination.next_url = OlderUrl(spec.base_url, articles->back());
    }
    const std::string url = spec.base_url + "?before=" +
                            std::to_string(before.published_at.time_since_epoch().count()) + "." +
                            std::to_string(before.id);
    return ListPage(ctx, std::move(spec), std::move(*articles), std::move(pagination), url,
                    " — older articles");
  }

  Result<Response> ListPage(PageContext& ctx, ListSpec spec, std::vector<content::Article> articles,
                            render::Pagination pagination, const std::string& path,
                            const std::string& title_suffix) {
    render::ListView view;
    view.site = ctx.site;
    Meta(ctx, view.meta, spec.heading + title_suffix, spec.description, path);
    view.meta.feeds = FeedLinks(ctx.config, spec.heading, spec.base_url);
    if (spec.query.section_id) {
      const render::Link crumb{.name = spec.heading, .url = spec.base_url};
      view.meta.json_ld.push_back(BreadcrumbJsonLd(ctx.config, std::span(&crumb, 1)));
    }
    view.kind_label = std::move(spec.kind_label);
    view.heading = std::move(spec.heading);
    view.description = std::move(spec.description);
    view.external_url = std::move(spec.external_url);
    auto cards = MakeCards(store, ctx, articles);
    if (!cards) return base::Unexpected(cards.error());
    view.articles = std::move(*cards);
    view.pagination = std::move(pagination);
    auto trending = MakeTrending(store, ctx, view.trending_heading);
    if (!trending) return base::Unexpected(trending.error());
    view.trending = std::move(*trending);
    return CacheablePage(Theme()->RenderList(view), ctx, {spec.list_tag});
  }

  Result<Response> SectionPage(const Request& request, const PathParams& params) {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    auto section = store.GetSectionBySlug(params.at("section"));
    if (!section) return base::Unexpected(section.error());
    return List(request, **context,
                {.query = {.section_id = section->id, .with_tag_ids = false},
                 .kind_label = section->kind == content::SectionKind::kRegion ? "Region" : "Topic",
                 .heading = section->name,
                 .description = section->description,
                 .external_url = "",
                 .base_url = SectionUrl(*section),
                 .list_tag = store::SectionListTag(section->id)});
  }

  Result<Response> AuthorPage(const Request& request, const PathParams& params) {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    auto author = store.GetAuthorBySlug(params.at("slug"));
    if (!author) return base::Unexpected(author.error());
    return List(request, **context,
                {.query = {.author_id = author->id, .with_tag_ids = false},
                 .kind_label = "Author",
                 .heading = author->name,
                 .description = author->bio,
                 .external_url = "",
                 .base_url = "/author/" + author->slug + "/",
                 .list_tag = store::AuthorListTag(author->id)});
  }

  Result<Response> PartnerPage(const Request& request, const PathParams& params) {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    auto partner = store.GetPartnerBySlug(params.at("slug"));
    if (!partner) return base::Unexpected(partner.error());
    return List(request, **context,
                {.query = {.partner_id = partner->id, .with_tag_ids = false},
                 .kind_label = "Partner",
                 .heading = partner->name,
                 .description = partner->description,
                 .external_url = partner->url,
                 .base_url = "/partner/" + partner->slug + "/",
                 .list_tag = store::PartnerListTag(partner->id)});
  }

  Result<Response> TagPage(const Request& request, const PathParams& params) {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    auto tag = store.GetTagBySlug(params.at("slug"));
    if (!tag) return base::Unexpected(tag.error());
    return List(request, **context,
                {.query = {.tag_id = tag->id, .with_tag_ids = false},
                 .kind_label = "Tag",
                 .heading = tag->name,
                 .description = "",
                 .external_url = "",
                 .base_url = "/tag/" + tag->slug + "/",
                 .list_tag = store::TermListTag(tag->id)});
  }

  Result<Response> ArticlePage(const Request& request, const PathParams& params) {
    auto context = Context();
    if (!context) return base::Unexpected(context.error());
    PageContext& ctx = **context;
    auto section = store.GetSectionBySlug(params.at("section"));
    if (!section) return base::Unexpected(section.error());
    auto article = store.GetPublishedArticle(section->id, params.at("slug"));
    if (!article && article.error().IsNotFound()) {
      auto moved = store.FindMovedArticle(section->id, params.at("slug"));
      if (!moved) return base::Unexpected(moved.error());
      const content::Section* now_in = ctx.SectionById(moved->section_id);
      if (!now_in) return base::NotFoundError("article moved to an unknown section");
      return Response::Redirect(301, ArticleUrl(*now_in, *moved));
    }
    if (!article) return base::Unexpected(article.error());
    if (request.method == http::Method::kGet) views.Count(article->id);
    auto view = ArticleViewOf(ctx, *article);
    if (!view) return base::Unexpected(view.error());
    // Its related reading, and "more in" its section.
    Response response =
        CacheablePage(Theme()->RenderArticle(*view), ctx,
                      {store::RelatedTag(article->id), store::SectionListTag(article->section_id)});
    // A reader answered from the cache has read the article as much as one answered here.
    response.on_cache_hit = [this, id = article->id] { views.Count(id); };
    return response;
  }

  // The article page's view of `article`: its card, lead image, body, partner credit, tags,
  // related reading, more from its section (without itself and the related ones) and the
  // trending list. NotFound when its section
  // is unknown.
  Result<render::ArticleView> ArticleViewOf(PageContext& ctx, const content::Article& article) {
    render::ArticleView view;
    view.site = ctx.site;
    auto cards = MakeCards(store, ctx, std::span(&article, 1));
    if (!cards) return base::Unexpected(cards.error());
    if (cards->empty()) return base::NotFoundError("article without a section");
    view.article = std::move(cards->front());
    auto image = LoadLeadImage(store, article, "");
    if (!image) return base::Unexpected(image.error());
    view.lead_image = std::move(*image);
    view.body_html = article.body_html;
    Meta(ctx, view.meta, article.title, article.dek, view.article.url);
    view.meta.feeds = FeedLinks(ctx.config, "", "/");

    if (article.partner_id) {
      auto partner = store.GetPartner(*article.partner_id);
      if (!partner) return base::Unexpected(partner.error());
      view.credit = render::PartnerCredit{.name = partner->name,
                                          .partner_url = "/partner/" + partner->slug + "/",
                                          .original_url = article.original_url};
      if (partner->credit == content::PartnerCredit::kNoindex) {
        view.meta.noindex = true;
      } else if (!article.original_url.empty()) {
        view.meta.canonical_url = article.original_url;
      }
    }
    auto tags = store.GetTags(article.tag_ids);
    if (!tags) return base::Unexpected(tags.error());
    for (const content::Tag& tag : *tags) {
      view.tags.push_back({.name = tag.name, .url = "/tag/" + tag.slug + "/"});
    }
    // Related reading first; "More in" then leaves out what it already shows, so no article
    // appears twice on the page.
    auto related = store.ListRelated(article.id, kRelated);
    if (!related) return base::Unexpected(related.error());
    auto related_cards = MakeCards(store, ctx, *related);
    if (!related_cards) return base::Unexpected(related_cards.error());
    view.related = std::move(*related_cards);
    auto more =
        store.ListPublished({.section_id = article.section_id,
                             .limit = kMoreInSection + 1 + static_cast<int>(related->size()),
                             .with_tag_ids = false});
    if (!more) return base::Unexpected(more.error());
    std::erase_if(*more, [&](const content::Article& a) {
      return a.id == article.id ||
             std::any_of(related->begin(), related->end(),
                         [&](const content::Article& r) { return r.id == a.id; });
    });
    if (more->size() > kMoreInSection) more->resize(kMoreInSection);
    auto more_cards = MakeCards(store, ctx, *more);
    if (!more_cards) return base::Unexpected(more_cards.error());
    view.more_in_section = std::move(*more_cards);
    auto trending = MakeTrending(store, ctx, view.trending_heading);
    if (!trending) return base::Unexpected(trending.error());
    view.trending = std::move(*trending);
    AddArticleStructuredData(ctx.config, article, PublisherLogoUrl(ctx.config, *assets), view);
    return view;
  }

  std::string Preview(content::Article article) {
    if (article.status != content::ArticleStatus::kPublished) article.published_at = clock.Now();
    if (article.body_html.empty()) article.body_html = content::RenderMarkdown(article.body_md);
    if (article.word_count == 0) article.word_count = content::CountWords(article.body_md);
    auto context = Context();
    if (!context) return ErrorPage(context.error()).body;
    auto view = ArticleViewOf(**context, article);
    if (!view) return ErrorPage(view.error()).body;
    view->meta.noindex = true;
    return Theme()->RenderArticle(*view);
  }

  // The themed page for an error. When even the site chrome cannot be read (the database is
  // gone) it is the chrome of gazette.toml without the sections, so an error page never needs
  // what failed. A server-side failure asks the client to come back (Retry-After).
  Response ErrorPage(const base::Error& error) {
    int status = http::StatusForError(error);
    if (status >= 500) base::LogError("site: " + error.ToString());
    render::ErrorView view;
    view.status = status;
    if (status == 404) {
      view.heading = "Page not found";
      view.message = error.message() == kPastNumberedPages
                         ? std::string(kPastNumberedPages)
                         : "There is no page at this address. It may have moved, or the link may "
                           "be mistyped. Try the latest articles below or the sections above.";
    } else if (status == 503) {
      view.heading = "Temporarily unavailable";
      view.message = "This page cannot be shown right now. Please try again in a moment.";
    } else {
      view.heading = "Something went wrong";
      view.message = "This page cannot be shown right now. Please try again in a moment.";
    }
    auto context = Context();
    view.site = context ? (*context)->site : SiteChrome(file_config, *assets, clock.Now());
    view.meta.title = view.heading;
    view.meta.noindex = true;
    if (status == 404 && context) {
      auto latest = store.ListPublished({.limit = 5, .with_tag_ids = false});
      if (latest) {
        auto cards = MakeCards(store, **context, *latest);
        if (cards) view.latest = std::move(*cards);
      }
    }
    Response response = HtmlPage(status, Theme()->RenderError(view));
    if (status >= 500) response.SetHeader("Retry-After", "5");
    return response;
  }

  Response Answer(Result<Response> result) {
    if (result) return std::move(*result);
    return ErrorPage(result.error());
  }

  // A reader page's answer; where there is no page, the address may be an imported article's
  // old one, which redirects.
  Response AnswerReader(const Request& request, Result<Response> result) {
    if (!result && result.error().IsNotFound()) {
      auto redirect = RedirectFromOldAddress(store, request);
      if (redirect || !redirect.error().IsNotFound()) return Answer(std::move(redirect));
    }
    return Answer(std::move(result));
  }
};

Site::Site(store::Store& store, const base::Clock& clock,
           std::shared_ptr<const render::Theme> theme,
           std::shared_ptr<const http::StaticAssets> assets, SiteConfig config)
    : impl_(std::make_unique<Impl>(store, clock, std::move(theme), std::move(assets),
                                   std::move(config))) {}

Site::~Site() = default;

void Site::Register(http::Router& router) {
  Impl& impl = *impl_;
  using M = http::Method;
  // A reader's page: its reads see one snapshot of the store (Store::HoldReads).
  const auto add_page = [&router, &impl](std::string_view pattern, http::RouteHandler page) {
    router.Add(M::kGet, pattern,
               [&impl, page = std::move(page)](const Request& request, const PathParams& params) {
                 const auto hold = impl.store.HoldReads();
                 return page(request, params);
               });
  };
  add_page("/", [&impl](const Request& request, const PathParams&) {
    if (IsNumericPostLink(request)) {
      auto redirect = RedirectFromOldAddress(impl.store, request);
      if (redirect || !redirect.error().IsNotFound()) return impl.Answer(std::move(redirect));
    }
    return impl.Answer(impl.Home());
  });
  router.Add(M::kGet, "/assets/{file}", [&impl](const Request& request, const PathParams&) {
    return impl.assets->Serve(request);
  });
  add_page("/{section}/", [&impl](const Request& request, const PathParams& params) {
    return impl.AnswerReader(request, impl.SectionPage(request, params));
  });
  add_page("/{section}/{slug}/", [&impl](const Request& request, const PathParams& params) {
    return impl.AnswerReader(request, impl.ArticlePage(request, params));
  });
  add_page("/author/{slug}/", [&impl](const Request& request, const PathParams& params) {
    return impl.AnswerReader(request, impl.AuthorPage(request, params));
  });
  add_page("/partner/{slug}/", [&impl](const Request& request, const PathParams& params) {
    return impl.AnswerReader(request, impl.PartnerPage(request, params));
  });
  add_page("/tag/{slug}/", [&impl](const Request& request, const PathParams& params) {
    return impl.AnswerReader(request, impl.TagPage(request, params));
  });
  add_page("/search", [&impl](const Request& request, const PathParams&) {
    auto context = impl.Context();
    if (!context) return impl.ErrorPage(context.error());
    return impl.Answer(SearchPage(impl.store, **context, *impl.Theme(), request));
  });
  router.Add(M::kGet, "/media/{id}/{file}", [&impl](const Request&, const PathParams& params) {
    return impl.Answer(ServeMediaVariant(impl.store, params.at("id"), params.at("file")));
  });
  RegisterContentApi(router, impl.store, [&impl] {
    auto config = impl.Config();
    return config ? config->url : impl.file_config.url;
  });
  RegisterSeoRoutes(router, impl.store, impl.clock, [&impl] { return impl.Config(); });
  RegisterFeeds(
      router, impl.store, impl.clock, [&impl] { return impl.Config(); },
      [&impl](const base::Error& error) { return impl.ErrorPage(error); });
  router.SetNotFound([&impl](const Request& request) {
    if (IsContentApiPath(request.path)) return ContentApiNotFound();
    const auto hold = impl.store.HoldReads();
    return impl.AnswerReader(request, base::NotFoundError("no route"));
  });
}

void Site::SetTheme(std::shared_ptr<const render::Theme> theme) {
  impl_->SetTheme(std::move(theme));
}

std::string Site::RenderPreview(const content::Article& article) { return impl_->Preview(article); }

base::Status Site::FlushViews() {
  return impl_->views.Flush(impl_->store, DayOf(impl_->clock.Now()));
}

}  // namespace gazette::site
