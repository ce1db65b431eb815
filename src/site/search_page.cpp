#include "site/search_page.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/time_format.h"
#include "search/query_parser.h"
#include "store/change_tags.h"

namespace gazette::site {
namespace {

using base::Result;

constexpr int kMaxPage = 10'000;
constexpr int kSuggestions = 5;
constexpr size_t kMaxShownQueryBytes = 200;

// "YYYY-MM-DD" as the start of that day (UTC); nullopt for anything else.
std::optional<base::Seconds> ParseDay(const std::string& text) {
  if (text.size() != 10) return std::nullopt;
  auto day = base::ParseIso8601(text);
  if (!day) return std::nullopt;
  return *day;
}

// What the reader asked, each filter kept only when it names something.
struct Asked {
  std::string query;
  std::optional<content::Section> section;
  std::optional<content::Author> author;
  std::string from, to;  // "YYYY-MM-DD" or ""
  int page = 1;
};

// The URL of page `page` of the same search, with only the filters in use.
std::string SearchUrl(const Asked& asked, int page) {
  std::string url = "/search?q=" + http::PercentEncode(asked.query, true);
  if (asked.section) url += "&section=" + http::PercentEncode(asked.section->slug, true);
  if (asked.author) url += "&author=" + http::PercentEncode(asked.author->slug, true);
  if (!asked.from.empty()) url += "&from=" + asked.from;
  if (!asked.to.empty()) url += "&to=" + asked.to;
  if (page > 1) url += "&page=" + std::to_string(page);
  return url;
}

Result<Asked> ReadRequest(store::Store& store, const PageContext& context,
                          const http::Request& request) {
  Asked asked;
  asked.query = request.QueryParam("q").value_or("");
  if (asked.query.size() > kMaxShownQueryBytes) asked.query.resize(kMaxShownQueryBytes);
  if (auto slug = request.QueryParam("section"); slug && !slug->empty()) {
    auto found = std::find_if(context.sections.begin(), context.sections.end(),
                              [&](const content::Section& s) { return s.slug == *slug; });
    if (found != context.sections.end()) asked.section = *found;
  }
  if (auto slug = request.QueryParam("author"); slug && !slug->empty()) {
    auto author = store.GetAuthorBySlug(*slug);
    if (author) {
      asked.author = std::move(*author);
    } else if (!author.error().IsNotFound()) {
      return base::Unexpected(author.error());
    }
  }
  for (auto [name, field] : {std::pair{"from", &asked.from}, std::pair{"to", &asked.to}}) {
    auto value = request.QueryParam(name).value_or("");
    if (ParseDay(value)) *field = value;
  }
  asked.page = request.PositiveQueryParam("page", 1, kMaxPage).value_or(1);
  return asked;
}

std::vector<render::SearchOption> SectionOptions(const PageContext& context, const Asked& asked) {
  std::vector<render::SearchOption> options = {{.value = "", .label = "Any section"}};
  for (const content::Section& section : context.sections) {
    options.push_back({.value = section.slug,
                       .label = section.name,
                       .selected = asked.section && asked.section->id == section.id});
  }
  return options;
}

Result<std::vector<render::SearchOption>> AuthorOptions(store::Store& store, const Asked& asked) {
  auto authors = store.ListAuthors();
  if (!authors) return base::Unexpected(authors.error());
  std::vector<render::SearchOption> options = {{.value = "", .label = "Any author"}};
  for (const content::Author& author : *authors) {
    options.push_back({.value = author.slug,
                       .label = author.name,
                       .selected = asked.author && asked.author->id == author.id});
  }
  return options;
}

}  // namespace

Result<http::Response> SearchPage(store::Store& store, PageContext& context,
                                  const render::Theme& theme, const http::Request& request) {
  auto asked = ReadRequest(store, context, request);
  if (!asked) return base::Unexpected(asked.error());

  render::SearchView view;
  view.site = context.site;
  view.query = asked->query;
  view.from = asked->from;
  view.to = asked->to;
  view.sections = SectionOptions(context, *asked);
  auto authors = AuthorOptions(store, *asked);
  if (!authors) return base::Unexpected(authors.error());
  view.authors = std::move(*authors);
  view.meta.title = asked->query.empty() ? "Search" : "Search: " + asked->query;
  view.meta.description = "Search the articles of " + context.config.name + ".";
  view.meta.canonical_url = context.config.url + "/search";
  view.meta.noindex = true;

  store::SearchQuery query;
  query.terms = search::ParseQuery(asked->query);
  view.searched = !query.terms.empty();
  if (view.searched) {
    if (asked->section) query.section_id = asked->section->id;
    if (asked->author) query.author_id = asked->author->id;
    if (auto from = ParseDay(asked->from)) query.from = *from;
    if (auto to = ParseDay(asked->to)) query.to = *to + std::chrono::days(1);
    const int per_page = std::clamp(context.config.articles_per_page, 1, 100);
    query.limit = per_page;
    query.offset = (asked->page - 1) * per_page;
    auto found = store.SearchArticles(query);
    if (!found) return base::Unexpected(found.error());
    const int total_pages =
        static_cast<int>(std::max<int64_t>(1, (found->total + per_page - 1) / per_page));
    if (asked->page > total_pages) {  // past the end: the last page instead
      asked->page = total_pages;
      query.offset = (total_pages - 1) * per_page;
      found = store.SearchArticles(query);
      if (!found) return base::Unexpected(found.error());
    }
    view.total = found->total;
    view.more = found->more;
    for (const store::SearchHit& hit : found->hits) {
      auto cards = MakeCards(store, context, std::span(&hit.article, 1));
      if (!cards) return base::Unexpected(cards.error());
      if (cards->empty()) continue;
      view.results.push_back(
          {.article = std::move(cards->front()), .snippet_html = hit.snippet_html});
    }
    view.pagination.page = asked->page;
    view.pagination.total_pages = total_pages;
    if (asked->page > 1) view.pagination.previous_url = SearchUrl(*asked, asked->page - 1);
    if (asked->page < total_pages) view.pagination.next_url = SearchUrl(*asked, asked->page + 1);
  }
  if (view.results.empty()) {
    auto latest = store.ListPublished({.limit = kSuggestions, .with_tag_ids = false});
    if (!latest) return base::Unexpected(latest.error());
    auto cards = MakeCards(store, context, *latest);
    if (!cards) return base::Unexpected(cards.error());
    view.suggestions = std::move(*cards);
  }
  http::Response response = http::Response::Html(200, theme.RenderSearch(view));
  // Results change with every publish: always revalidate.
  response.SetHeader("Cache-Control", "no-cache");
  // Any edit may make an article match or stop matching; the suggestions are the latest.
  response.cache_tags = std::move(context.cache_tags);
  response.cache_tags.push_back(store::AnyArticleTag());
  response.cache_tags.push_back(store::AllListTag());
  return response;
}

}  // namespace gazette::site
