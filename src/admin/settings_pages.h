// The newsroom's site settings page, for admins: the site's name, tagline, description, address,
// articles per listing page and whether feeds carry whole articles, kept in the store's settings
// table where the reader site reads them.
#pragma once

#include <string>
#include <string_view>

#include "admin/admin_services.h"
#include "admin/routes.h"
#include "base/result.h"
#include "store/site_settings.h"

namespace gazette::admin {

struct SiteSettings {
  std::string name;
  std::string tagline;
  std::string description;
  std::string url;  // absolute http(s), no trailing '/'
  int articles_per_page = 10;
  store::FeedContent feed_content = store::FeedContent::kFull;  // what feed entries carry
};

// The settings as stored (store/site_settings.h); each one not stored yet is taken from
// `services.config` (name, url, articles per page) or is empty (tagline, description). Errors:
// those of the store (Unavailable, Internal).
base::Result<SiteSettings> LoadSiteSettings(const AdminServices& services);

// GET /admin/settings/ (the form with the present values) and POST /admin/settings/ (saves them
// all, then a 303 back). Bad input (an empty name, an address that is not an absolute http(s)
// URL or ends with '/' or has a query or fragment, a number of articles outside 1 to 100, a feed
// content other than "full" or "summary") shows
// the form again with the input kept and a message next to each wrong field (422), and stores
// nothing. The reader site reads the new values when it next loads its settings.
void RegisterSettingsPages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
