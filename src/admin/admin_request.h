// What a newsroom handler gets: the HTTP request, the signed-in user, and the submitted form.
// Built by AdminRoutes after the role and CSRF checks passed.
#pragma once

#include <functional>
#include <string>

#include "content/user.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace gazette::admin {

struct AdminRequest {
  const http::Request& http;
  const http::PathParams& params;
  const content::User& user;
  // The browser session, or nullptr when the caller authenticated with an API token.
  const content::Session* session;
  // The submitted fields of a POST page (empty for GET and for API calls, which send JSON).
  const http::Form& form;

  // The token the session's forms echo; "" for API calls.
  std::string csrf_token() const { return session ? session->csrf_token : std::string(); }
  // The path parameter `name`, or "" when the route has none.
  std::string Param(std::string_view name) const;
};

using AdminHandler = std::function<http::Response(const AdminRequest&)>;

}  // namespace gazette::admin
