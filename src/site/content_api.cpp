#include "site/content_api.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "base/log.h"
#include "http/error_mapping.h"
#include "site/content_api_json.h"
#include "site/lead_image.h"
#include "store/change_tags.h"

namespace gazette::site {
namespace {

using api_json::Json;
using base::Result;
using http::PathParams;
using http::Request;
using http::Response;

constexpr std::string_view kOwnedPrefix = "/api/content/";
constexpr int kDefaultLimit = 15;
constexpr int kMaxLimit = 100;
constexpr int kMaxPage = 1'000'000;

Response JsonResponse(int status, const Json& body) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = api_json::Dump(body);
  // Like the pages: content changes as articles are published; the ETag makes revalidation cheap.
  response.SetHeader("Cache-Control", "no-cache");
  // Published content is public: any site's scripts may read it.
  response.SetHeader("Access-Control-Allow-Origin", "*");
  return response;
}

// The error as JSON with its status. Server-side failures are logged and answered with a
// generic message, so that clients never see what failed inside.
Response ErrorResponse(const base::Error& error) {
  const int status = http::StatusForError(error);
  if (status < 500) return JsonResponse(status, api_json::Errors(error.message(), status));
  base::LogError("content api: " + error.ToString());
  Response response = JsonResponse(
      status, api_json::Errors("the content cannot be read right now; try again shortly", status));
  response.SetHeader("Retry-After", "5");
  return response;
}

Response Answer(const Result<Json>& result) {
  if (!result) return ErrorResponse(result.error());
  Response response = JsonResponse(200, *result);
  // Kept by the page cache until the site or any published article changes: an answer may show
  // any of them, and the API is not busy enough to be worth tagging more finely.
  response.cache_tags = {store::SiteTag(), store::AnyArticleTag()};
  return response;
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The id of the row the filter parameter `name` names by slug, through `lookup`; nullopt when
// the parameter is absent. NotFound naming the slug when there is no such row.
template <class Lookup>
Result<std::optional<int64_t>> FilterId(const Request& request, std::string_view name,
                                        Lookup lookup) {
  std::optional<std::string> slug = request.QueryParam(name);
  if (!slug) return std::nullopt;
  auto row = lookup(*slug);
  if (!row && row.error().IsNotFound()) {
    return base::NotFoundError("unknown " + std::string(name) + " '" + *slug + "'");
  }
  if (!row) return base::Unexpected(row.error());
  return row->id;
}

// "/api/content/v1/articles/" and "/api/content/v1/articles" to the same handler.
void AddWithAndWithoutSlash(http::Router& router, std::string_view pattern,
                            const http::RouteHandler& handler) {
  router.Add(http::Method::kGet, pattern, handler);
  router.Add(http::Method::kGet, pattern.substr(0, pattern.size() - 1), handler);
}

// The sections, authors, tags, partners and lead images that a batch of articles refers to,
// each read once for the whole batch. Confined to one request.
class ArticleBatch {
 public:
  static Result<ArticleBatch> Load(store::Store& store, std::span<const content::Article> articles,
                                   const std::string& base_url) {
    ArticleBatch batch;
    auto sections = store.ListSections();
    if (!sections) return base::Unexpected(sections.error());
    for (content::Section& section : *sections) batch.sections_[section.id] = std::move(section);

    std::set<int64_t> author_ids, tag_ids, partner_ids;
    for (const content::Article& article : articles) {
      author_ids.insert(article.author_ids.begin(), article.author_ids.end());
      tag_ids.insert(article.tag_ids.begin(), article.tag_ids.end());
      if (article.partner_id) partner_ids.insert(*article.partner_id);
      auto image = LoadLeadImage(store, article, base_url);
      if (!image) return base::Unexpected(image.error());
      if (*image) batch.images_[article.id] = std::move(**image);
    }
    const std::vector<int64_t> author_list(author_ids.begin(), author_ids.end());
    auto authors = store.GetAuthors(author_list);
    if (!authors) return base::Unexpected(authors.error());
    for (content::Author& author : *authors) batch.authors_[author.id] = std::move(author);
    const std::vector<int64_t> tag_list(tag_ids.begin(), tag_ids.end());
    auto tags = store.GetTags(tag_list);
    if (!tags) return base::Unexpected(tags.error());
    for (content::Tag& tag : *tags) batch.tags_[tag.id] = std::move(tag);
    for (int64_t id : partner_ids) {
      auto partner = store.GetPartner(id);
      if (!partner) return base::Unexpected(partner.error());
      batch.partners_[id] = std::move(*partner);
    }
    return batch;
  }

  // The links of `article`, which must be one of the batch's; nullopt when its section is
  // unknown (which the store's references rule out).
  std::optional<api_json::ArticleLinks> LinksOf(const content::Article& article) const {
    auto section = sections_.find(article.section_id);
    if (section == sections_.end()) return std::nullopt;
    api_json::ArticleLinks links{.section = &section->second};
    for (int64_t id : article.author_ids) {
      if (auto it = authors_.find(id); it != authors_.end()) links.authors.push_back(&it->second);
    }
    for (int64_t id : article.tag_ids) {
      if (auto it = tags_.find(id); it != tags_.end()) links.tags.push_back(&it->second);
    }
    if (article.partner_id) links.partner = &partners_.at(*article.partner_id);
    if (auto it = images_.find(article.id); it != images_.end()) links.lead_image = &it->second;
    return links;
  }

 private:
  std::map<int64_t, content::Section> sections_;
  std::map<int64_t, content::Author> authors_;
  std::map<int64_t, content::Tag> tags_;
  std::map<int64_t, content::Partner> partners_;
  std::map<int64_t, render::ResponsiveImage> images_;  // by article id: the alt is the article's
};

// The handlers, over one store and one site configuration.
class Endpoints {
 public:
  Endpoints(store::Store& store, std::function<std::string()> base_url)
      : store_(store), base_url_(std::move(base_url)) {}

  Result<Json> Articles(const Request& request) const {
    auto page = request.PositiveQueryParam("page", 1, kMaxPage);
    if (!page) return base::Unexpected(page.error());
    auto limit = request.PositiveQueryParam("limit", kDefaultLimit, kMaxLimit);
    if (!limit) return base::Unexpected(limit.error());

    store::ArticleQuery query;
    auto section = FilterId(request, "section",
                            [this](const std::string& s) { return store_.GetSectionBySlug(s); });
    if (!section) return base::Unexpected(section.error());
    query.section_id = *section;
    auto author = FilterId(request, "author",
                           [this](const std::string& s) { return store_.GetAuthorBySlug(s); });
    if (!author) return base::Unexpected(author.error());
    query.author_id = *author;
    auto tag =
        FilterId(request, "tag", [this](const std::string& s) { return store_.GetTagBySlug(s); });
    if (!tag) return base::Unexpected(tag.error());
    query.tag_id = *tag;
    auto partner = FilterId(request, "partner",
                            [this](const std::string& s) { return store_.GetPartnerBySlug(s); });
    if (!partner) return base::Unexpected(partner.error());
    query.partner_id = *partner;

    auto total = store_.CountPublished(query);
    if (!total) return base::Unexpected(total.error());
    // A tag only drafts carry is not public yet: it is as unknown as one that does not exist.
    if (query.tag_id && *total == 0) {
      auto tagged = store_.CountPublished({.tag_id = query.tag_id});
      if (!tagged) return base::Unexpected(tagged.error());
      if (*tagged == 0) {
        return base::NotFoundError("unknown tag '" + *request.QueryParam("tag") + "'");
      }
    }
    const int64_t pages = std::max<int64_t>(1, (*total + *limit - 1) / *limit);

    std::vector<content::Article> articles;
    if (*page <= pages) {
      query.limit = *limit;
      query.offset = (*page - 1) * *limit;
      auto listed = store_.ListPublished(query);
      if (!listed) return base::Unexpected(listed.error());
      articles = std::move(*listed);
    }
    auto list = ArticleList(articles, /*with_body=*/false);
    if (!list) return base::Unexpected(list.error());
    return Json{{"articles", std::move(*list)},
                {"meta",
                 {{"page", *page},
                  {"limit", *limit},
                  {"pages", pages},
                  {"total", *total},
                  {"next", *page < pages ? Json(*page + 1) : Json()},
                  {"prev", *page > 1 ? Json(std::min<int64_t>(*page - 1, pages)) : Json()}}}};
  }

  Result<Json> ArticleById(const PathParams& params) const {
    const std::string& id = params.at("id");
    auto unknown = [&id] { return base::NotFoundError("unknown article '" + id + "'"); };
    if (!AllDigits(id) || id.size() > 18) return unknown();
    auto article = store_.GetArticle(std::stoll(id));
    if (!article && article.error().IsNotFound()) return unknown();
    if (!article) return base::Unexpected(article.error());
    // Drafts, articles in review, scheduled and archived ones are not public: as unknown as
    // an id that was never used.
    if (article->status != content::ArticleStatus::kPublished) return unknown();
    return SingleArticle(*article);
  }

  Result<Json> ArticleBySlug(const PathParams& params) const {
    const std::string& slug = params.at("slug");
    // Article slugs are unique, so at most one section holds it.
    auto sections = store_.ListSections();
    if (!sections) return base::Unexpected(sections.error());
    for (const content::Section& section : *sections) {
      auto article = store_.GetPublishedArticle(section.id, slug);
      if (article) return SingleArticle(*article);
      if (!article.error().IsNotFound()) return base::Unexpected(article.error());
    }
    return base::NotFoundError("unknown article '" + slug + "'");
  }

  Result<Json> Sections() const {
    return Listing("sections", store_.ListSections(), api_json::Section);
  }
  Result<Json> Authors() const {
    return Listing("authors", store_.ListAuthors(), api_json::Author);
  }
  Result<Json> Partners() const {
    return Listing("partners", store_.ListPartners(), api_json::Partner);
  }

  // Only the tags that at least one published article carries: the others belong to drafts.
  Result<Json> Tags() const {
    auto tags = store_.ListTags();
    if (!tags) return base::Unexpected(tags.error());
    std::vector<content::Tag> published;
    for (content::Tag& tag : *tags) {
      auto count = store_.CountPublished({.tag_id = tag.id});
      if (!count) return base::Unexpected(count.error());
      if (*count > 0) published.push_back(std::move(tag));
    }
    return Listing("tags", Result<std::vector<content::Tag>>(std::move(published)), api_json::Tag);
  }

 private:
  template <class Row, class ToJson>
  Result<Json> Listing(const char* key, Result<std::vector<Row>> rows, ToJson to_json) const {
    if (!rows) return base::Unexpected(rows.error());
    const std::string base_url = base_url_();
    Json list = Json::array();
    for (const Row& row : *rows) list.push_back(to_json(row, base_url));
    return Json{{key, std::move(list)}};
  }

  Result<Json> ArticleList(std::span<const content::Article> articles, bool with_body) const {
    const std::string base_url = base_url_();
    auto batch = ArticleBatch::Load(store_, articles, base_url);
    if (!batch) return base::Unexpected(batch.error());
    Json list = Json::array();
    for (const content::Article& article : articles) {
      std::optional<api_json::ArticleLinks> links = batch->LinksOf(article);
      if (links) list.push_back(api_json::Article(article, *links, base_url, with_body));
    }
    return list;
  }

  Result<Json> SingleArticle(const content::Article& article) const {
    auto list = ArticleList(std::span(&article, 1), /*with_body=*/true);
    if (!list) return base::Unexpected(list.error());
    if (list->empty())
      return base::InternalError("article " + std::to_string(article.id) +
                                 " is in no known section");
    return Json{{"articles", std::move(*list)}};
  }

  store::Store& store_;
  std::function<std::string()> base_url_;
};

}  // namespace

bool IsContentApiPath(std::string_view path) { return path.starts_with(kOwnedPrefix); }

http::Response ContentApiNotFound() {
  return ErrorResponse(base::Error(base::ErrorCode::kNotFound, "no such endpoint"));
}

void RegisterContentApi(http::Router& router, store::Store& store,
                        std::function<std::string()> base_url) {
  auto endpoints = std::make_shared<const Endpoints>(store, std::move(base_url));
  AddWithAndWithoutSlash(router, "/api/content/v1/articles/",
                         [endpoints](const Request& request, const PathParams&) {
                           return Answer(endpoints->Articles(request));
                         });
  AddWithAndWithoutSlash(router, "/api/content/v1/articles/{id}/",
                         [endpoints](const Request&, const PathParams& params) {
                           return Answer(endpoints->ArticleById(params));
                         });
  AddWithAndWithoutSlash(router, "/api/content/v1/articles/slug/{slug}/",
                         [endpoints](const Request&, const PathParams& params) {
                           return Answer(endpoints->ArticleBySlug(params));
                         });
  AddWithAndWithoutSlash(
      router, "/api/content/v1/sections/",
      [endpoints](const Request&, const PathParams&) { return Answer(endpoints->Sections()); });
  AddWithAndWithoutSlash(
      router, "/api/content/v1/authors/",
      [endpoints](const Request&, const PathParams&) { return Answer(endpoints->Authors()); });
  AddWithAndWithoutSlash(
      router, "/api/content/v1/tags/",
      [endpoints](const Request&, const PathParams&) { return Answer(endpoints->Tags()); });
  AddWithAndWithoutSlash(
      router, "/api/content/v1/partners/",
      [endpoints](const Request&, const PathParams&) { return Answer(endpoints->Partners()); });
  // "/api/content/" would otherwise reach the article pattern "/{section}/{slug}/" (and
  // "/api/content" its redirect) and get a themed page; every other unknown path under the
  // prefix reaches the not-found handler, which answers with ContentApiNotFound().
  AddWithAndWithoutSlash(router, "/api/content/",
                         [](const Request&, const PathParams&) { return ContentApiNotFound(); });
}

}  // namespace gazette::site
