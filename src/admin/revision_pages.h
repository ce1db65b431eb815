// An article's history in the newsroom: the revisions kept when it was saved in review or later
// (who, when, in which status), the line differences between two of them, and restoring one.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/articles/{id}/revisions/ (the history, for every role),
// GET /admin/articles/{id}/revisions/diff?from=A&to=B (A and B are revision ids of the article,
// or "current" for the article as stored now), and
// POST /admin/articles/{id}/revisions/{rev}/restore (form field "version": the article's version
// the history page showed), which puts the revision's title, dek and body back under
// ArticleService's rules: 403 when the user may not edit the article, 409 when it was saved
// meanwhile; nothing changes then.
void RegisterRevisionPages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
