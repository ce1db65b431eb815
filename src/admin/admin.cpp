#include "admin/admin.h"

#include "admin/admin_api.h"
#include "admin/admin_services.h"
#include "admin/article_pages.h"
#include "admin/dashboard_page.h"
#include "admin/login_pages.h"
#include "admin/media_pages.h"
#include "admin/partner_pages.h"
#include "admin/profile_pages.h"
#include "admin/routes.h"
#include "admin/section_pages.h"
#include "admin/settings_pages.h"
#include "admin/user_pages.h"
#include "auth/signed_value.h"
#include "base/log.h"

namespace gazette::admin {
namespace {

// The settings key of the key that signs the sign-in step waiting for a second factor. Kept in
// the store so that every node of a site signs and checks with the same one.
constexpr std::string_view kSigningKeySetting = "auth.signing_key";

// Stores a signing key unless there is one.
base::Status EnsureSigningKey(store::Store& store) {
  auto stored = store.GetSetting(kSigningKeySetting);
  if (stored) return base::Ok();
  if (stored.error().code() != base::ErrorCode::kNotFound) return base::Unexpected(stored.error());
  auto key = auth::NewSigningKey();
  if (!key) return base::Unexpected(key.error());
  return store.SetSetting(kSigningKeySetting, *key);
}

bool IsHttps(std::string_view url) { return url.starts_with("https://"); }

}  // namespace

struct Admin::Impl {
  Impl(store::Store& store, const base::Clock& clock, AdminConfig config_in,
       std::unique_ptr<Ui> ui_in, std::string dummy_hash_in)
      : config(std::move(config_in)),
        ui(std::move(ui_in)),
        sessions(store, clock,
                 {.idle = config.session_idle,
                  .max = config.max_session,
                  .secure_cookie = IsHttps(config.site_url)}),
        throttle(clock),
        services{store, clock, config, *ui, sessions, throttle},
        dummy_hash(std::move(dummy_hash_in)) {}

  AdminConfig config;
  std::unique_ptr<Ui> ui;
  SessionAuth sessions;
  auth::LoginThrottle throttle;
  AdminServices services;
  std::string dummy_hash;
  std::vector<std::unique_ptr<AdminRoutes>> routes;  // one per router registered with
};

base::Result<std::unique_ptr<Admin>> Admin::Create(store::Store& store, const base::Clock& clock,
                                                   AdminConfig config) {
  // The name an admin set in the newsroom wins over the configured one, as on the site.
  if (auto name = store.GetSetting("site.name")) config.site_name = *name;
  auto ui = Ui::Load(config.site_name);
  if (!ui) return base::Unexpected(ui.error());
  if (auto key = EnsureSigningKey(store); !key) return base::Unexpected(key.error());
  // Verified against when an email names no account, so that it costs what a real check costs.
  auto dummy_hash = auth::HashPassword("no account has this password", config.password_cost);
  if (!dummy_hash) return base::Unexpected(dummy_hash.error());
  return std::unique_ptr<Admin>(new Admin(std::make_unique<Impl>(
      store, clock, std::move(config), std::move(*ui), std::move(*dummy_hash))));
}

base::Result<std::string> AdminServices::SigningKey() const {
  return store.GetSetting(kSigningKeySetting);
}

Admin::Admin(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Admin::~Admin() = default;

void Admin::Register(http::Router& router) {
  auto& routes = *impl_->routes.emplace_back(
      std::make_unique<AdminRoutes>(router, impl_->sessions, *impl_->ui));
  const Ui& ui = *impl_->ui;
  routes.Public(http::Method::kGet, "/admin/assets/{file}",
                [&ui](const http::Request& request, const http::PathParams&) {
                  return ui.assets().Serve(request);
                });
  RegisterLoginPages(routes, impl_->services, impl_->dummy_hash);
  RegisterDashboard(routes, impl_->services);
  RegisterArticlePages(routes, impl_->services);
  RegisterSectionPages(routes, impl_->services);
  RegisterPartnerPages(routes, impl_->services);
  RegisterUserPages(routes, impl_->services);
  RegisterSettingsPages(routes, impl_->services);
  RegisterProfilePages(routes, impl_->services);
  RegisterMediaPages(routes, impl_->services);
  RegisterAdminApi(routes, impl_->services);
}

std::vector<RouteSpec> Admin::RouteTable() const {
  std::vector<RouteSpec> table;
  for (const auto& routes : impl_->routes) {
    table.insert(table.end(), routes->table().begin(), routes->table().end());
  }
  return table;
}

base::Result<int> Admin::PublishDueArticles() {
  auto published = impl_->services.store.PublishDueArticles(impl_->services.clock.Now());
  if (!published) return base::Unexpected(published.error());
  for (int64_t id : *published) base::LogInfo("published scheduled article " + std::to_string(id));
  return static_cast<int>(published->size());
}

}  // namespace gazette::admin
