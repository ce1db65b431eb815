// Reading what clients send the Admin API: a JSON body, an article's fields, a workflow action's
// version and time. Problems with fields are collected, each naming its field, so that a client
// hears of every mistake at once, a misspelt field name included (it is never silently ignored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "admin/admin_api_json.h"
#include "admin/article_service.h"
#include "base/clock.h"
#include "base/result.h"

namespace gazette::admin::api_input {

using api_json::FieldError;
using api_json::Json;

// `body` as a JSON object; a body of nothing but whitespace is an empty object. InvalidArgument
// naming the problem when it is not JSON (saying where the parser stopped) or not an object.
base::Result<Json> ParseObject(std::string_view body);

// An author or a partner as a client names it: by slug or by id.
using Reference = std::variant<int64_t, std::string>;

struct ArticleInput {
  // Every field but author_ids and partner_id, which `authors` and `partner` name.
  ArticleDraft draft;
  std::vector<Reference> authors;
  std::optional<Reference> partner;
  std::optional<int64_t> version;  // the version the client last read; updates only
};

// Reads the article fields of `body` (see api_json::kWritableFields), adding to `errors` one entry
// for every field of the wrong type and every unknown field. `stored` is the article's present
// JSON (api_json::Article with its revisions) when `body` replaces it: then every writable field
// and "version" are required, and read-only fields may be sent back only with their present
// values. `stored` is nullptr for a new article: absent fields are empty, and "version" and the
// read-only fields are refused. Both are only borrowed for the call.
ArticleInput ReadArticle(const Json& body, const Json* stored, std::vector<FieldError>& errors);

struct ActionInput {
  int64_t version = 0;
  std::optional<base::Seconds> at;  // when a scheduled article goes out
};

// Reads {"version": N}, or with `with_time` (schedule) {"at": "<ISO 8601>", "version": N}, adding
// to `errors` for a missing or mistyped field, a time ParseIso8601 refuses, or any other field.
ActionInput ReadAction(const Json& body, bool with_time, std::vector<FieldError>& errors);

// The name an API client knows a field by, for a field of the article service's FieldErrors:
// "section_slug" -> "section", "author_ids" -> "authors", "lead_image_alt" -> "lead_image.alt".
std::string ApiFieldName(std::string_view service_field);

}  // namespace gazette::admin::api_input
