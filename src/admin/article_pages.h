// The newsroom's article pages: the list, the editor (with autosave for drafts, a preview
// exactly as readers would see it, and the workflow buttons), and the history of revisions.
// Role rules come from article_service.h; these pages only show and apply them.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// Registers, for every role unless said otherwise:
//   GET  /admin/articles/                  the list (article_list_page.h)
//   GET  /admin/articles/new               the form for a new article
//   POST /admin/articles/                  creates a draft -> 303 to its editor
//   GET  /admin/articles/{id}/             the editor, or a read-only page for a contributor
//                                          who may not edit the article
//   POST /admin/articles/{id}/             saves -> 303 back; 422 with the fields kept and
//                                          errors beside them; 409 (text kept) when someone
//                                          else saved meanwhile; 403 when not allowed
//   POST /admin/articles/{id}/autosave     saves a draft: JSON {"version": N}, or {"errors":
//                                          [{"message", "field"?}]} with 409 for a stale
//                                          version or an article that is not a draft, 422 for
//                                          field errors, 403 when not allowed
//   POST /admin/articles/{id}/preview      the submitted (unsaved) fields rendered by
//                                          AdminConfig::render_preview
//   POST /admin/articles/{id}/submit|return (contributors) and publish|schedule|unpublish|
//        archive (editors): saves the editor's fields when they are sent, then takes the action
//        -> 303 back; 403 when not allowed, with nothing changed. schedule takes "at", a UTC
//        time "YYYY-MM-DDTHH:MM" (what a datetime-local input sends) or any ISO 8601 time.
//   the history pages (revision_pages.h).
void RegisterArticlePages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
