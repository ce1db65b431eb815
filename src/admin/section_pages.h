// The newsroom's section pages, for editors and admins: every section in navigation order, and
// the forms that create a section or edit one (name, slug, kind, position, description).
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/sections/ (the list), GET /admin/sections/new and POST /admin/sections/ (create),
// GET and POST /admin/sections/{id}/ (edit). A save ends with a 303 to the list. Bad input (an
// empty name, a malformed slug, one the site's own pages or another section use, an unknown
// kind, a position that is not a whole number) shows the form again with the input kept and a
// message next to each wrong field (422), and stores nothing.
void RegisterSectionPages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
