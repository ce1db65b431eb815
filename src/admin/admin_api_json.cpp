#include "admin/admin_api_json.h"

#include "admin/article_service.h"
#include "admin/routes.h"
#include "base/log.h"
#include "base/time_format.h"
#include "http/error_mapping.h"

namespace gazette::admin::api_json {
namespace {

// ISO 8601, or null for a time never set (a draft's publication time).
Json TimeOrNull(base::Seconds t) {
  return t == base::Seconds{} ? Json() : Json(base::FormatIso8601(t));
}

}  // namespace

Json Article(const content::Article& article, const ArticleNames& names,
             const content::User& viewer, std::string_view base_url,
             std::optional<int64_t> revisions) {
  const std::string site(base_url);
  Json actions = Json::array();
  for (WorkflowAction action : AllowedActions(viewer, article)) {
    actions.push_back(WorkflowActionName(action));
  }
  Json result = {
      {"id", article.id},
      {"version", article.version},
      {"status", content::ArticleStatusName(article.status)},
      {"title", article.title},
      {"dek", article.dek},
      {"slug", article.slug},
      {"section", names.section_slug},
      {"authors", names.author_slugs},
      {"tags", names.tag_names},
      {"partner", names.partner_slug ? Json(*names.partner_slug) : Json()},
      {"original_url", article.original_url},
      {"lead_image", article.lead_image_id
                         ? Json{{"id", *article.lead_image_id}, {"alt", article.lead_image_alt}}
                         : Json()},
      {"url", site + "/" + names.section_slug + "/" + article.slug + "/"},
      {"edit_url", site + "/admin/articles/" + std::to_string(article.id) + "/"},
      {"published_at", TimeOrNull(article.published_at)},
      {"updated_at", TimeOrNull(article.updated_at)},
      {"word_count", article.word_count},
      {"created_by", article.created_by ? Json(*article.created_by) : Json()},
      {"can_edit", CanEdit(viewer, article)},
      {"allowed_actions", std::move(actions)},
  };
  if (revisions) {
    result["body_md"] = article.body_md;
    result["body_html"] = article.body_html;
    result["revisions"] = *revisions;
  }
  return result;
}

Json Media(const content::Media& media, std::string_view base_url) {
  const std::string prefix = std::string(base_url) + "/media/" + std::to_string(media.id) + "/";
  Json variants = Json::array();
  for (const content::MediaVariant& variant : media.variants) {
    const std::string_view format = content::ImageFormatName(variant.format);
    variants.push_back(
        {{"width", variant.width},
         {"height", variant.height},
         {"format", format},
         {"url", prefix + std::to_string(variant.width) + "." + std::string(format)}});
  }
  return {{"id", media.id},
          {"filename", media.filename},
          {"width", media.width},
          {"height", media.height},
          {"variants", std::move(variants)}};
}

Json User(const content::User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"role", content::RoleName(user.role)}};
}

http::Response JsonResponse(int status, const Json& body) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

http::Response FieldErrorsResponse(std::span<const FieldError> errors) {
  Json list = Json::array();
  for (const FieldError& error : errors) {
    list.push_back({{"field", error.field}, {"message", error.message}, {"status", 422}});
  }
  return JsonResponse(422, Json{{"errors", std::move(list)}});
}

http::Response ErrorResponse(const base::Error& error, std::string_view what) {
  if (error.code() == base::ErrorCode::kInvalidArgument) return ApiError(422, error.message());
  const int status = http::StatusForError(error);
  if (status < 500) return ApiError(status, error.message());
  base::LogError("admin api, " + std::string(what) + ": " + error.ToString());
  if (status == 503) {
    http::Response response =
        ApiError(503, "the database cannot be reached just now; try again shortly");
    response.SetHeader("Retry-After", "5");
    return response;
  }
  return ApiError(status, "the server failed to do this; the failure is in its log");
}

}  // namespace gazette::admin::api_json
