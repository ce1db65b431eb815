// The newsroom's partner pages, for editors and admins: the institutes whose pieces the magazine
// republishes, with the forms that add one or edit one (name, slug, home page, feed, how its
// pieces are credited to search engines, description).
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/partners/ (the list, by name), GET /admin/partners/new and POST /admin/partners/
// (create), GET and POST /admin/partners/{id}/ (edit). A save ends with a 303 to the list. Bad
// input (an empty name, a malformed or taken slug, a home page or feed that is not an absolute
// http(s) URL, an unknown credit) shows the form again with the input kept and a message next to
// each wrong field (422), and stores nothing.
void RegisterPartnerPages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
