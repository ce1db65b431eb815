#include "admin/admin_api_articles.h"

#include <algorithm>
#include <map>
#include <span>

#include "admin/admin_api_input.h"
#include "admin/admin_api_json.h"
#include "admin/routes.h"

namespace gazette::admin {
namespace {

using api_input::ArticleInput;
using api_input::Reference;
using api_json::FieldError;
using api_json::Json;
using http::Response;

constexpr int kDefaultLimit = 15;
constexpr int kMaxLimit = 100;
constexpr int kMaxPage = 1'000'000;

// The query parameter `name`, or nullopt when it is absent or empty (a form's unset filter).
std::optional<std::string> QueryValue(const http::Request& request, std::string_view name) {
  std::optional<std::string> value = request.QueryParam(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The {id} of the request's path, or nullopt when it cannot name an article.
std::optional<int64_t> ArticleId(const AdminRequest& request) {
  const std::string id = request.Param("id");
  if (!AllDigits(id) || id.size() > 18) return std::nullopt;
  return std::stoll(id);
}

Response UnknownArticle(const AdminRequest& request) {
  return ApiError(404, "unknown article '" + request.Param("id") + "'");
}

std::string RefText(const Reference& ref) {
  return std::holds_alternative<int64_t>(ref) ? std::to_string(std::get<int64_t>(ref))
                                              : std::get<std::string>(ref);
}

// The slugs and names a batch of articles refers to, each read once for the whole batch.
// Confined to one request.
class NameBook {
 public:
  static base::Result<NameBook> Load(store::Store& store,
                                     std::span<const content::Article> articles) {
    NameBook book;
    std::vector<int64_t> author_ids, tag_ids;
    bool partners = false;
    for (const content::Article& article : articles) {
      author_ids.insert(author_ids.end(), article.author_ids.begin(), article.author_ids.end());
      tag_ids.insert(tag_ids.end(), article.tag_ids.begin(), article.tag_ids.end());
      partners = partners || article.partner_id.has_value();
    }
    auto sections = store.ListSections();
    if (!sections) return base::Unexpected(sections.error());
    for (const content::Section& section : *sections) book.sections_[section.id] = section.slug;
    auto authors = store.GetAuthors(author_ids);
    if (!authors) return base::Unexpected(authors.error());
    for (const content::Author& author : *authors) book.authors_[author.id] = author.slug;
    auto tags = store.GetTags(tag_ids);
    if (!tags) return base::Unexpected(tags.error());
    for (const content::Tag& tag : *tags) book.tags_[tag.id] = tag.name;
    if (partners) {
      auto listed = store.ListPartners();
      if (!listed) return base::Unexpected(listed.error());
      for (const content::Partner& partner : *listed) book.partners_[partner.id] = partner.slug;
    }
    return book;
  }

  api_json::ArticleNames NamesOf(const content::Article& article) const {
    api_json::ArticleNames names;
    if (auto it = sections_.find(article.section_id); it != sections_.end()) {
      names.section_slug = it->second;
    }
    for (int64_t id : article.author_ids) {
      if (auto it = authors_.find(id); it != authors_.end())
        names.author_slugs.push_back(it->second);
    }
    for (int64_t id : article.tag_ids) {
      if (auto it = tags_.find(id); it != tags_.end()) names.tag_names.push_back(it->second);
    }
    if (article.partner_id) {
      if (auto it = partners_.find(*article.partner_id); it != partners_.end()) {
        names.partner_slug = it->second;
      }
    }
    return names;
  }

 private:
  std::map<int64_t, std::string> sections_, authors_, tags_, partners_;
};

std::vector<FieldError> ServiceErrors(const FieldErrors& errors) {
  std::vector<FieldError> list;
  for (const auto& [field, message] : errors) {
    list.push_back({api_input::ApiFieldName(field), message});
  }
  return list;
}

// The JSON of one article with its body and revision count, as `viewer` sees it.
base::Result<Json> SingleArticle(AdminServices& services, const content::Article& article,
                                 const content::User& viewer) {
  auto book = NameBook::Load(services.store, std::span(&article, 1));
  if (!book) return base::Unexpected(book.error());
  auto revisions = services.store.ListRevisions(article.id);
  if (!revisions) return base::Unexpected(revisions.error());
  return api_json::Article(article, book->NamesOf(article), viewer, services.config.site_url,
                           static_cast<int64_t>(revisions->size()));
}

Response ArticleResponse(AdminServices& services, int status, const content::Article& article,
                         const content::User& viewer) {
  auto json = SingleArticle(services, article, viewer);
  if (!json) return api_json::ErrorResponse(json.error(), "reading an article's references");
  return api_json::JsonResponse(status, *json);
}

// 409 for a save or an action that started from `sent`, which is not the stored version.
Response Conflict(AdminServices& services, int64_t id, int64_t sent) {
  std::string message = "version " + std::to_string(sent) + " is not the article's present version";
  if (auto now = services.store.GetArticle(id)) {
    message += " (" + std::to_string(now->version) + ")";
  }
  message += ": someone saved it since you read it. GET it again and apply your change to that.";
  return ApiError(409, message);
}

// Looks up the authors and partner `input` names, filling its draft's author_ids and partner_id;
// adds a field error for each that names none. Errors from the store.
base::Status Resolve(store::Store& store, ArticleInput& input, std::vector<FieldError>& errors) {
  for (const Reference& ref : input.authors) {
    auto author = std::holds_alternative<int64_t>(ref)
                      ? store.GetAuthor(std::get<int64_t>(ref))
                      : store.GetAuthorBySlug(std::get<std::string>(ref));
    if (author) {
      input.draft.author_ids.push_back(author->id);
    } else if (author.error().IsNotFound()) {
      errors.push_back({"authors", "unknown author '" + RefText(ref) + "'"});
    } else {
      return base::Unexpected(author.error());
    }
  }
  if (input.partner) {
    const Reference& ref = *input.partner;
    auto partner = std::holds_alternative<int64_t>(ref)
                       ? store.GetPartner(std::get<int64_t>(ref))
                       : store.GetPartnerBySlug(std::get<std::string>(ref));
    if (partner) {
      input.draft.partner_id = partner->id;
    } else if (partner.error().IsNotFound()) {
      errors.push_back({"partner", "unknown partner '" + RefText(ref) + "'"});
    } else {
      return base::Unexpected(partner.error());
    }
  }
  return base::Ok();
}

// Saves `body` (every writable field and the version) over `stored`, whose JSON as the caller
// sees it is `stored_json`.
Response Save(AdminServices& services, ArticleService& articles, const AdminRequest& request,
              const content::Article& stored, const Json& stored_json, const Json& body) {
  std::vector<FieldError> errors;
  ArticleInput input = api_input::ReadArticle(body, &stored_json, errors);
  if (!CanEdit(request.user, stored)) {
    return ApiError(403,
                    "you may not edit this article: contributors edit only their own drafts and "
                    "articles in review");
  }
  if (input.version && *input.version != stored.version) {
    return Conflict(services, stored.id, *input.version);
  }
  if (auto resolved = Resolve(services.store, input, errors); !resolved) {
    return api_json::ErrorResponse(resolved.error(), "looking up an article's authors");
  }
  if (!errors.empty()) return api_json::FieldErrorsResponse(errors);
  auto saved = articles.Update(request.user, stored.id, *input.version, input.draft);
  if (!saved && saved.error().code() == base::ErrorCode::kConflict) {
    return Conflict(services, stored.id, *input.version);
  }
  if (!saved) return api_json::ErrorResponse(saved.error(), "saving an article");
  if (!saved->article) return api_json::FieldErrorsResponse(ServiceErrors(saved->errors));
  return ArticleResponse(services, 200, *saved->article, request.user);
}

}  // namespace

ArticleApi::ArticleApi(AdminServices& services)
    : services_(services), articles_(services.store, services.clock) {}

Response ArticleApi::List(const AdminRequest& request) {
  const http::Request& http = request.http;
  auto page = http.PositiveQueryParam("page", 1, kMaxPage);
  if (!page) return ApiError(400, page.error().message());
  auto limit = http.PositiveQueryParam("limit", kDefaultLimit, kMaxLimit);
  if (!limit) return ApiError(400, limit.error().message());

  store::ArticleFilter filter;
  if (std::optional<std::string> status = QueryValue(http, "status")) {
    auto parsed = content::ParseArticleStatus(*status);
    if (!parsed) {
      return ApiError(400, "status must be draft, review, scheduled, published or archived, not '" +
                               *status + "'");
    }
    filter.status = *parsed;
  }
  if (std::optional<std::string> slug = QueryValue(http, "section")) {
    auto section = services_.store.GetSectionBySlug(*slug);
    if (!section && section.error().IsNotFound()) {
      return ApiError(404, "unknown section '" + *slug + "'");
    }
    if (!section) return api_json::ErrorResponse(section.error(), "listing articles");
    filter.section_id = section->id;
  }
  if (std::optional<std::string> slug = QueryValue(http, "author")) {
    auto author = services_.store.GetAuthorBySlug(*slug);
    if (!author && author.error().IsNotFound()) {
      return ApiError(404, "unknown author '" + *slug + "'");
    }
    if (!author) return api_json::ErrorResponse(author.error(), "listing articles");
    filter.author_id = author->id;
  }
  filter.title_contains = QueryValue(http, "q").value_or("");

  auto total = services_.store.CountArticles(filter);
  if (!total) return api_json::ErrorResponse(total.error(), "counting articles");
  const int64_t pages = std::max<int64_t>(1, (*total + *limit - 1) / *limit);
  std::vector<content::Article> listed;
  if (*page <= pages) {
    filter.limit = *limit;
    filter.offset = (*page - 1) * *limit;
    auto found = services_.store.ListArticles(filter);
    if (!found) return api_json::ErrorResponse(found.error(), "listing articles");
    listed = std::move(*found);
  }
  auto book = NameBook::Load(services_.store, listed);
  if (!book) return api_json::ErrorResponse(book.error(), "listing articles");
  Json articles = Json::array();
  for (const content::Article& article : listed) {
    articles.push_back(api_json::Article(article, book->NamesOf(article), request.user,
                                         services_.config.site_url, std::nullopt));
  }
  return api_json::JsonResponse(
      200, Json{{"articles", std::move(articles)},
                {"meta",
                 {{"page", *page},
                  {"limit", *limit},
                  {"pages", pages},
                  {"total", *total},
                  {"next", *page < pages ? Json(*page + 1) : Json()},
                  {"prev", *page > 1 ? Json(std::min<int64_t>(*page - 1, pages)) : Json()}}}});
}

Response ArticleApi::Create(const AdminRequest& request) {
  auto body = api_input::ParseObject(request.http.body);
  if (!body) return ApiError(400, body.error().message());
  std::vector<FieldError> errors;
  ArticleInput input = api_input::ReadArticle(*body, nullptr, errors);
  if (auto resolved = Resolve(services_.store, input, errors); !resolved) {
    return api_json::ErrorResponse(resolved.error(), "looking up an article's authors");
  }
  if (!errors.empty()) return api_json::FieldErrorsResponse(errors);
  auto saved = articles_.Create(request.user, input.draft);
  if (!saved) return api_json::ErrorResponse(saved.error(), "creating an article");
  if (!saved->article) return api_json::FieldErrorsResponse(ServiceErrors(saved->errors));
  Response response = ArticleResponse(services_, 201, *saved->article, request.user);
  if (response.status == 201) {
    response.SetHeader("Location", services_.config.site_url + "/api/admin/v1/articles/" +
                                       std::to_string(saved->article->id) + "/");
  }
  return response;
}

Response ArticleApi::Get(const AdminRequest& request) {
  std::optional<int64_t> id = ArticleId(request);
  if (!id) return UnknownArticle(request);
  auto article = services_.store.GetArticle(*id);
  if (!article && article.error().IsNotFound()) return UnknownArticle(request);
  if (!article) return api_json::ErrorResponse(article.error(), "reading an article");
  return ArticleResponse(services_, 200, *article, request.user);
}

Response ArticleApi::Replace(const AdminRequest& request) {
  std::optional<int64_t> id = ArticleId(request);
  if (!id) return UnknownArticle(request);
  auto body = api_input::ParseObject(request.http.body);
  if (!body) return ApiError(400, body.error().message());
  auto stored = services_.store.GetArticle(*id);
  if (!stored && stored.error().IsNotFound()) return UnknownArticle(request);
  if (!stored) return api_json::ErrorResponse(stored.error(), "reading an article");
  auto stored_json = SingleArticle(services_, *stored, request.user);
  if (!stored_json) return api_json::ErrorResponse(stored_json.error(), "reading an article");
  return Save(services_, articles_, request, *stored, *stored_json, *body);
}

Response ArticleApi::Change(const AdminRequest& request) {
  std::optional<int64_t> id = ArticleId(request);
  if (!id) return UnknownArticle(request);
  auto body = api_input::ParseObject(request.http.body);
  if (!body) return ApiError(400, body.error().message());
  auto stored = services_.store.GetArticle(*id);
  if (!stored && stored.error().IsNotFound()) return UnknownArticle(request);
  if (!stored) return api_json::ErrorResponse(stored.error(), "reading an article");
  auto stored_json = SingleArticle(services_, *stored, request.user);
  if (!stored_json) return api_json::ErrorResponse(stored_json.error(), "reading an article");
  // The stored article with the sent fields laid over it. The version is the client's own: a
  // PATCH without one must not pass for a save from the present version.
  Json merged = *stored_json;
  merged.erase("version");
  for (const auto& [key, value] : body->items()) merged[key] = value;
  return Save(services_, articles_, request, *stored, *stored_json, merged);
}

Response ArticleApi::Act(const AdminRequest& request, WorkflowAction action) {
  std::optional<int64_t> id = ArticleId(request);
  if (!id) return UnknownArticle(request);
  auto body = api_input::ParseObject(request.http.body);
  if (!body) return ApiError(400, body.error().message());
  std::vector<FieldError> errors;
  const api_input::ActionInput input =
      api_input::ReadAction(*body, action == WorkflowAction::kSchedule, errors);
  if (!errors.empty()) return api_json::FieldErrorsResponse(errors);
  auto moved = articles_.Transition(request.user, *id, input.version, action, input.at);
  if (!moved) {
    switch (moved.error().code()) {
      case base::ErrorCode::kNotFound:
        return UnknownArticle(request);
      case base::ErrorCode::kConflict:
        return Conflict(services_, *id, input.version);
      default:
        return api_json::ErrorResponse(
            moved.error(), "taking action '" + std::string(WorkflowActionName(action)) + "'");
    }
  }
  return ArticleResponse(services_, 200, *moved, request.user);
}

}  // namespace gazette::admin
