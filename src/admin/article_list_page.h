// The newsroom's list of articles of every status: filtered by status, section and author,
// searched by title, newest edits first, a page at a time.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/articles/?status=<name>&section=<slug>&author=<id>&q=<text>&page=<n>, for every
// role. A filter value that names nothing known, or a page that is not a positive whole number,
// gets a 400 page saying which.
void RegisterArticleList(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
