// The Admin API under /api/admin/v1/: what scripts and other tools use to write, publish and
// upload images, with an API token made on the profile page, under the editor pages' role rules.
// docs/api.md describes it for its users.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// Adds every Admin API endpoint to `routes`, each with and without its trailing '/', so that the
// API never redirects. Borrows `services`, which must outlive the routes.
void RegisterAdminApi(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
