// The JSON the Admin API answers with: an article as the newsroom sees it (any status, with what
// the caller may do to it), an uploaded image, the caller, and the error bodies. Each shape is
// built from an explicit list of fields: a field added to a type reaches the API only here.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "content/media.h"
#include "content/model.h"
#include "content/user.h"
#include "http/response.h"

namespace gazette::admin::api_json {

// Objects keep their keys in the order they were set, which is the order the docs show.
using Json = nlohmann::ordered_json;

// The fields of an article's JSON that a client writes (POST, PUT, PATCH), in order.
inline constexpr std::string_view kWritableFields[] = {
    "title", "dek",     "slug",         "section",    "authors",
    "tags",  "partner", "original_url", "lead_image", "body_md"};
// The fields the server sets. A client may send them back unchanged (a GET's JSON, edited and
// PUT again), never changed.
inline constexpr std::string_view kReadOnlyFields[] = {
    "id",         "status",     "url",      "edit_url",        "published_at", "updated_at",
    "word_count", "created_by", "can_edit", "allowed_actions", "body_html",    "revisions"};

// What an article's JSON names for its references, looked up by the caller.
struct ArticleNames {
  std::string section_slug;
  std::vector<std::string> author_slugs;  // in byline order
  std::vector<std::string> tag_names;
  std::optional<std::string> partner_slug;
};

// {id, version, status, title, dek, slug, section, authors, tags, partner, original_url,
// lead_image, url, edit_url, published_at, updated_at, word_count, created_by, can_edit,
// allowed_actions} and, when `revisions` is given (single articles), body_md, body_html and
// revisions (their number). `viewer` is the caller: can_edit and allowed_actions are theirs.
// URLs are absolute, on `base_url` ("https://example.org", no trailing '/').
Json Article(const content::Article& article, const ArticleNames& names,
             const content::User& viewer, std::string_view base_url,
             std::optional<int64_t> revisions);

// {id, filename, width, height, variants: [{width, height, format, url}]}
Json Media(const content::Media& media, std::string_view base_url);

// {id, email, name, role}
Json User(const content::User& user);

// A response with `body` as JSON (invalid UTF-8 in its strings sent as U+FFFD).
http::Response JsonResponse(int status, const Json& body);

// One problem with one submitted field: "title", "authors", "lead_image.alt", ...
struct FieldError {
  std::string field;
  std::string message;
};

// 422 {"errors": [{"field", "message", "status": 422}, ...]} in the order given.
http::Response FieldErrorsResponse(std::span<const FieldError> errors);

// The response for a failure of the store or the article service while doing `what` ("saving
// article 4"): its status by code, except that InvalidArgument (a request the article's state
// or the data do not allow) is 422. Server-side failures (500, 503) are logged with `what` and
// answered with a sentence that names no internals; 503 carries Retry-After.
http::Response ErrorResponse(const base::Error& error, std::string_view what);

}  // namespace gazette::admin::api_json
