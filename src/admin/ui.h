// The newsroom's look: its page templates and assets (built into the binary from src/admin/ui/),
// and the layout every page shares — navigation by role, the signed-in user, the CSRF token
// for forms, and a notice after a redirect.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "admin/admin_request.h"
#include "content/user.h"
#include "http/request.h"
#include "http/response.h"
#include "http/static_assets.h"
#include "render/template_set.h"

namespace gazette::admin {

// The URL prefix of the newsroom's assets.
inline constexpr std::string_view kAssetPrefix = "/admin/assets/";

class Ui {
 public:
  // Loads the built-in templates and assets. Internal if a template does not load.
  static base::Result<std::unique_ptr<Ui>> Load(std::string site_name);

  // A page of the signed-in newsroom: `page` ("dashboard.tpl") inside the layout, filled from
  // `view` plus the layout's own keys, which views must not use for anything else:
  //   site_name, title, stylesheet_url, script_url, icon_url, user {name, email, role}, is_editor,
  //   is_admin, nav, signed_in, csrf (for every form's hidden "_csrf" field), notice (from
  //   ?notice=<code>).
  // Every page is sent with Cache-Control: no-store.
  http::Response Page(const AdminRequest& request, int status, std::string_view page,
                      std::string_view title, nlohmann::json view) const;
  // A page for someone not signed in (the sign-in forms), with the same layout but no
  // navigation. `csrf` is what the forms echo.
  http::Response PublicPage(int status, std::string_view page, std::string_view title,
                            std::string_view csrf, nlohmann::json view) const;
  // A readable error page with `status` and a sentence saying what happened and what to do.
  // `user` is the signed-in user, if known, for the navigation.
  http::Response Error(int status, std::string_view message, const content::User* user) const;
  // A 303 to `location`, the way every successful POST ends (so a reload does not post again).
  static http::Response SeeOther(std::string location);

  const http::StaticAssets& assets() const { return *assets_; }

 private:
  Ui(std::string site_name, std::shared_ptr<const render::TemplateSet> templates,
     std::shared_ptr<const http::StaticAssets> assets);

  std::string site_name_;
  std::shared_ptr<const render::TemplateSet> templates_;
  std::shared_ptr<const http::StaticAssets> assets_;
};

// The notice shown after a redirect carries "?notice=<code>"; only known codes show text, so
// that no one can make the newsroom display words of their choosing.
std::string_view NoticeText(std::string_view code);

}  // namespace gazette::admin
