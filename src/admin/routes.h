// Where the newsroom's role checks live: every /admin/ and /api/admin/v1/ route is registered
// here with the least role it needs, once, and the checks run before any handler. The table of
// registered routes is kept, so that a test can cover every route against every role.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "admin/admin_request.h"
#include "admin/route_spec.h"
#include "content/user.h"
#include "http/router.h"

namespace gazette::admin {

class SessionAuth;
class Ui;

class AdminRoutes {
 public:
  // Borrows all three, which must outlive the router's use.
  AdminRoutes(http::Router& router, SessionAuth& sessions, const Ui& ui);

  // A page for users with at least `min_role`. Without a session: GET redirects to the sign-in
  // page, other methods get 401. With too small a role: 403. A POST whose form is malformed
  // gets 400; one without the session's CSRF token (form field "_csrf" or header
  // X-CSRF-Token), or from another origin, gets 403. Responses are never cached.
  void Page(http::Method method, std::string pattern, content::Role min_role, AdminHandler handler);
  // An Admin API endpoint: the caller presents an API token (or, from the newsroom's own
  // scripts, a session cookie with the X-CSRF-Token header). Errors are JSON:
  // 401 without valid credentials, 403 with too small a role.
  void Api(http::Method method, std::string pattern, content::Role min_role, AdminHandler handler);
  // A route open to anyone, such as the sign-in form.
  void Public(http::Method method, std::string pattern, http::RouteHandler handler);

  // Every route registered so far, in order.
  const std::vector<RouteSpec>& table() const { return table_; }

 private:
  http::Router& router_;
  SessionAuth& sessions_;
  const Ui& ui_;
  std::vector<RouteSpec> table_;
};

// The JSON error body of the Admin API: {"errors":[{"message": …, "status": …}]}.
http::Response ApiError(int status, std::string_view message);

}  // namespace gazette::admin
