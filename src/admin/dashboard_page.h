// The newsroom's front page: my drafts, what waits for review, what is scheduled, and what was
// published lately.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/.
void RegisterDashboard(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
