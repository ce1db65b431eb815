#include "admin/admin_api.h"

#include <memory>
#include <string>

#include "admin/admin_api_articles.h"
#include "admin/admin_api_json.h"
#include "admin/admin_api_media.h"

namespace gazette::admin {
namespace {

using http::Method;

constexpr std::string_view kPrefix = "/api/admin/v1/";

constexpr WorkflowAction kActions[] = {
    WorkflowAction::kSubmit,   WorkflowAction::kReturnToDraft, WorkflowAction::kPublish,
    WorkflowAction::kSchedule, WorkflowAction::kUnpublish,     WorkflowAction::kArchive,
};

}  // namespace

void RegisterAdminApi(AdminRoutes& routes, AdminServices& services) {
  // Every endpoint is open to every role: the finer rules (who may edit or publish what) are
  // ArticleService's, so that the API and the pages cannot disagree.
  auto add = [&routes](Method method, std::string_view path, const AdminHandler& handler) {
    const std::string pattern = std::string(kPrefix) + std::string(path);
    const std::string other =
        pattern.ends_with('/') ? pattern.substr(0, pattern.size() - 1) : pattern + "/";
    routes.Api(method, pattern, content::Role::kContributor, handler);
    routes.Api(method, other, content::Role::kContributor, handler);
  };
  auto articles = std::make_shared<ArticleApi>(services);
  add(Method::kGet, "articles/",
      [articles](const AdminRequest& request) { return articles->List(request); });
  add(Method::kPost, "articles/",
      [articles](const AdminRequest& request) { return articles->Create(request); });
  add(Method::kGet, "articles/{id}/",
      [articles](const AdminRequest& request) { return articles->Get(request); });
  add(Method::kPut, "articles/{id}/",
      [articles](const AdminRequest& request) { return articles->Replace(request); });
  add(Method::kPatch, "articles/{id}/",
      [articles](const AdminRequest& request) { return articles->Change(request); });
  for (WorkflowAction action : kActions) {
    add(Method::kPost, "articles/{id}/" + std::string(WorkflowActionName(action)),
        [articles, action](const AdminRequest& request) { return articles->Act(request, action); });
  }
  add(Method::kPost, "media/",
      [&services](const AdminRequest& request) { return UploadMedia(services, request); });
  add(Method::kGet, "me", [](const AdminRequest& request) {
    return api_json::JsonResponse(200, api_json::User(request.user));
  });
}

}  // namespace gazette::admin
