#include "admin/routes.h"

#include <nlohmann/json.hpp>

#include "admin/session_auth.h"
#include "admin/ui.h"
#include "auth/token.h"
#include "base/log.h"

namespace gazette::admin {
namespace {

bool ChangesState(http::Method method) {
  return method != http::Method::kGet && method != http::Method::kHead &&
         method != http::Method::kOptions;
}

bool HasRole(const content::User& user, content::Role min_role) {
  return static_cast<int>(user.role) >= static_cast<int>(min_role);
}

// "https://example.org:8443/path" -> "https://example.org:8443".
std::string_view OriginOf(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return url;
  size_t path = url.find('/', scheme_end + 3);
  return url.substr(0, path);
}

// A browser's POST names where its page came from. A page of another site posting here (even
// with a stolen token) is refused; requests without Origin (older browsers, scripts) are judged
// by their token alone.
bool FromThisOrigin(const http::Request& request) {
  std::string_view origin = request.Header("origin");
  if (origin.empty()) return true;
  std::string_view host = request.Header("host");
  std::string_view without_scheme =
      origin.substr(origin.find("://") == std::string_view::npos ? 0 : origin.find("://") + 3);
  return !host.empty() && without_scheme == host && OriginOf(origin) == origin;
}

http::Response NoStore(http::Response response) {
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("X-Robots-Tag", "noindex, nofollow");
  return response;
}

std::string SignInLocation(const http::Request& request) {
  std::string location = "/admin/login";
  if (request.target != "/admin/" && request.target.starts_with("/admin/")) {
    location += "?next=" + http::PercentEncode(request.target, /*space_as_plus=*/false, "/");
  }
  return location;
}

}  // namespace

std::string AdminRequest::Param(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

http::Response ApiError(int status, std::string_view message) {
  nlohmann::json body = {{"errors", {{{"message", message}, {"status", status}}}}};
  http::Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = body.dump();
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

AdminRoutes::AdminRoutes(http::Router& router, SessionAuth& sessions, const Ui& ui)
    : router_(router), sessions_(sessions), ui_(ui) {}

void AdminRoutes::Page(http::Method method, std::string pattern, content::Role min_role,
                       AdminHandler handler) {
  table_.push_back({method, pattern, RouteKind::kPage, min_role});
  router_.Add(
      method, pattern,
      [this, method, min_role, handler = std::move(handler)](const http::Request& request,
                                                             const http::PathParams& params) {
        auto caller = sessions_.FromCookie(request);
        if (!caller) {
          if (caller.error().code() != base::ErrorCode::kUnauthenticated) {
            base::LogError("newsroom session lookup: " + caller.error().message());
            return NoStore(ui_.Error(503,
                                     "The newsroom cannot reach its database just now. "
                                     "Try again in a moment.",
                                     nullptr));
          }
          if (!ChangesState(method)) {
            return NoStore(http::Response::Redirect(303, SignInLocation(request)));
          }
          return NoStore(
              ui_.Error(401,
                        "You are not signed in, or your session has ended. Sign in again; "
                        "nothing was changed.",
                        nullptr));
        }
        if (!HasRole(caller->user, min_role)) {
          return NoStore(ui_.Error(403, "Your role does not allow this. Ask an editor or an admin.",
                                   &caller->user));
        }
        http::Form form;
        if (ChangesState(method)) {
          auto parsed = http::ParseForm(request);
          if (!parsed) {
            return NoStore(ui_.Error(400, parsed.error().message(), &caller->user));
          }
          form = std::move(*parsed);
          std::string sent = form.Value("_csrf");
          if (sent.empty()) sent = std::string(request.Header("x-csrf-token"));
          if (!FromThisOrigin(request) ||
              !auth::ConstantTimeEquals(sent, caller->session->csrf_token)) {
            return NoStore(
                ui_.Error(403,
                          "This form has expired or did not come from the newsroom. Reload "
                          "the page and try again; nothing was changed.",
                          &caller->user));
          }
        }
        const AdminRequest admin_request{request, params, caller->user, &*caller->session, form};
        return NoStore(handler(admin_request));
      });
}

void AdminRoutes::Api(http::Method method, std::string pattern, content::Role min_role,
                      AdminHandler handler) {
  table_.push_back({method, pattern, RouteKind::kApi, min_role});
  router_.Add(
      method, pattern,
      [this, method, min_role, handler = std::move(handler)](const http::Request& request,
                                                             const http::PathParams& params) {
        const bool bearer = !request.Header("authorization").empty();
        auto caller = bearer ? sessions_.FromApiToken(request) : sessions_.FromCookie(request);
        if (!caller) {
          if (caller.error().code() != base::ErrorCode::kUnauthenticated) {
            base::LogError("newsroom API credentials: " + caller.error().message());
            return ApiError(503, "the database cannot be reached just now");
          }
          http::Response response = ApiError(401, caller.error().message());
          response.SetHeader("WWW-Authenticate", "Bearer");
          return response;
        }
        if (!HasRole(caller->user, min_role)) {
          return ApiError(403, "your role (" + std::string(content::RoleName(caller->user.role)) +
                                   ") does not allow this");
        }
        // A session cookie rides along on any request the browser makes, so without a
        // token of its own a cookie-authenticated call must prove it comes from our pages.
        if (!bearer && ChangesState(method) &&
            (!FromThisOrigin(request) || !auth::ConstantTimeEquals(request.Header("x-csrf-token"),
                                                                   caller->session->csrf_token))) {
          return ApiError(403, "missing or wrong X-CSRF-Token header");
        }
        const http::Form no_form;
        const AdminRequest admin_request{request, params, caller->user,
                                         caller->session ? &*caller->session : nullptr, no_form};
        http::Response response = handler(admin_request);
        response.SetHeader("Cache-Control", "no-store");
        return response;
      });
}

void AdminRoutes::Public(http::Method method, std::string pattern, http::RouteHandler handler) {
  table_.push_back({method, pattern, RouteKind::kPublic, content::Role::kContributor});
  router_.Add(method, pattern, std::move(handler));
}

}  // namespace gazette::admin
