// The newsroom's routes as data: how each is reached and the least role it needs. AdminRoutes
// records one per registration, so that tests can check every route against every role.
#pragma once

#include <string>

#include "content/user.h"
#include "http/request.h"

namespace gazette::admin {

// How a route is reached.
enum class RouteKind {
  kPublic,  // no account needed: the sign-in pages, the newsroom's assets
  kPage,    // a browser session cookie; POSTs carry the session's CSRF token
  kApi,     // an API token (Authorization: Bearer); errors in JSON
};

struct RouteSpec {
  http::Method method = http::Method::kGet;
  std::string pattern;
  RouteKind kind = RouteKind::kPage;
  content::Role min_role = content::Role::kContributor;  // ignored for kPublic
};

}  // namespace gazette::admin
