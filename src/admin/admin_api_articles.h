// The Admin API's article endpoints: list and read articles of any status, create, replace or
// change them, and move them through the workflow. Every write goes through ArticleService, so the
// role rules are the editor pages' own.
#pragma once

#include "admin/admin_request.h"
#include "admin/admin_services.h"
#include "admin/article_service.h"
#include "http/response.h"

namespace gazette::admin {

// Safe for concurrent use. Borrows `services`, which must outlive it.
class ArticleApi {
 public:
  explicit ArticleApi(AdminServices& services);

  // GET articles/?status=&section=&author=&q=&page=&limit=: 200 {articles, meta}, newest change
  // first; 400 for a bad parameter, 404 for a section or author slug that names none.
  http::Response List(const AdminRequest& request);
  // POST articles/: 201 with the new draft; 400 for a body that is not a JSON object; 422 with
  // one error per field otherwise.
  http::Response Create(const AdminRequest& request);
  // GET articles/{id}/: 200 with the article, body and revision count included; 404.
  http::Response Get(const AdminRequest& request);
  // PUT articles/{id}/: every field and the version read; 200 with the saved article; 403 when
  // the caller may not edit it; 409 when the version is not the stored one; 422; 404; 400.
  http::Response Replace(const AdminRequest& request);
  // PATCH articles/{id}/: as PUT, with the fields not sent kept as they are.
  http::Response Change(const AdminRequest& request);
  // POST articles/{id}/<action>: 200 with the moved article; 403 when the caller may not take
  // it; 422 when the article's status does not allow it (or for a bad body); 409; 404.
  http::Response Act(const AdminRequest& request, WorkflowAction action);

 private:
  AdminServices& services_;
  ArticleService articles_;
};

}  // namespace gazette::admin
