#include "admin/ui.h"

#include <utility>
#include <vector>

#include "admin/embedded_ui.h"
#include "base/log.h"

namespace gazette::admin {
namespace {

constexpr std::string_view kTemplateDir = "templates/";
constexpr std::string_view kAssetDir = "assets/";

struct Notice {
  std::string_view code;
  std::string_view text;
};

constexpr Notice kNotices[] = {
    {"saved", "Saved."},
    {"created", "Created."},
    {"submitted", "Submitted for review."},
    {"published", "Published: readers see it now."},
    {"scheduled", "Scheduled."},
    {"unpublished", "Unpublished: readers no longer see it."},
    {"archived", "Archived."},
    {"returned", "Returned to draft."},
    {"restored", "The revision was restored."},
    {"uploaded", "The image was uploaded."},
    {"password", "Your password was changed."},
    {"totp-on", "Two-factor sign-in is on."},
    {"totp-off", "Two-factor sign-in is off."},
    {"token-revoked", "The API token was revoked."},
    {"disabled", "The account was disabled, and its sessions ended."},
    {"enabled", "The account was enabled: it can sign in again."},
    {"signed-out", "You have signed out."},
};

std::string_view RoleLabel(content::Role role) { return content::RoleName(role); }

}  // namespace

std::string_view NoticeText(std::string_view code) {
  for (const Notice& notice : kNotices) {
    if (notice.code == code) return notice.text;
  }
  return {};
}

base::Result<std::unique_ptr<Ui>> Ui::Load(std::string site_name) {
  std::vector<render::TemplateSource> templates;
  std::vector<http::StaticAssets::MemoryFile> assets;
  for (const base::EmbeddedFile& file : AdminUiFiles()) {
    if (file.path.starts_with(kTemplateDir)) {
      templates.push_back({file.path.substr(kTemplateDir.size()), file.contents});
    } else if (file.path.starts_with(kAssetDir)) {
      assets.push_back({file.path.substr(kAssetDir.size()), file.contents});
    }
  }
  auto set = render::TemplateSet::Load(templates, "layout.tpl");
  if (!set) {
    return base::InternalError("the newsroom's templates do not load: " + set.error().message());
  }
  return std::unique_ptr<Ui>(
      new Ui(std::move(site_name), std::move(*set),
             http::StaticAssets::FromMemory(assets, std::string(kAssetPrefix))));
}

Ui::Ui(std::string site_name, std::shared_ptr<const render::TemplateSet> templates,
       std::shared_ptr<const http::StaticAssets> assets)
    : site_name_(std::move(site_name)),
      templates_(std::move(templates)),
      assets_(std::move(assets)) {}

http::Response Ui::Page(const AdminRequest& request, int status, std::string_view page,
                        std::string_view title, nlohmann::json view) const {
  const content::User& user = request.user;
  view["user"] = {{"name", user.name.empty() ? user.email : user.name},
                  {"email", user.email},
                  {"role", RoleLabel(user.role)}};
  view["is_editor"] = user.role != content::Role::kContributor;
  view["is_admin"] = user.role == content::Role::kAdmin;
  view["nav"] = true;
  view["signed_in"] = true;
  std::string_view notice = NoticeText(request.http.QueryParam("notice").value_or(""));
  if (!notice.empty()) view["notice"] = notice;
  return PublicPage(status, page, title, request.csrf_token(), std::move(view));
}

http::Response Ui::PublicPage(int status, std::string_view page, std::string_view title,
                              std::string_view csrf, nlohmann::json view) const {
  view["site_name"] = site_name_;
  view["title"] = title;
  view["csrf"] = csrf;
  view["stylesheet_url"] = assets_->UrlFor("admin.css").value_or("");
  view["script_url"] = assets_->UrlFor("admin.js").value_or("");
  view["icon_url"] = assets_->UrlFor("favicon.svg").value_or("");
  auto html = templates_->Render(page, view);
  http::Response response;
  if (!html) {
    base::LogError("newsroom page " + std::string(page) + ": " + html.error().message());
    response = http::Response::Text(500, "The newsroom could not show this page.\n");
  } else {
    response = http::Response::Html(status, std::move(*html));
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response Ui::Error(int status, std::string_view message, const content::User* user) const {
  nlohmann::json view = {{"status", status}, {"message", message}};
  if (user != nullptr) {
    view["user"] = {{"name", user->name.empty() ? user->email : user->name},
                    {"email", user->email},
                    {"role", RoleLabel(user->role)}};
    view["is_editor"] = user->role != content::Role::kContributor;
    view["is_admin"] = user->role == content::Role::kAdmin;
    view["nav"] = true;
  }
  std::string title = status == 401   ? "Sign in again"
                      : status == 403 ? "Not allowed"
                      : status == 404 ? "Not found"
                      : status == 429 ? "Too many attempts"
                      : status >= 500 ? "Something went wrong"
                                      : "That did not work";
  return PublicPage(status, "error.tpl", title, "", std::move(view));
}

http::Response Ui::SeeOther(std::string location) {
  http::Response response = http::Response::Redirect(303, std::move(location));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace gazette::admin
