// Browser sessions of the newsroom: signing in (a random 256-bit token in an HttpOnly cookie, its
// hash in the store), finding the session of a request, signing out. Also the API tokens that
// scripts present instead.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "content/user.h"
#include "http/request.h"
#include "store/store.h"

namespace gazette::admin {

inline constexpr std::string_view kSessionCookie = "gz_session";

struct SessionOptions {
  std::chrono::seconds idle{std::chrono::hours(48)};      // ends after this long unused
  std::chrono::seconds max{std::chrono::hours(24 * 30)};  // and in any case after this long
  bool secure_cookie = false;                             // the site is served over https
};

// The signed-in user of a request and how they signed in.
struct Caller {
  content::User user;
  std::optional<content::Session> session;  // none for an API token
};

class SessionAuth {
 public:
  // Borrows `store` and `clock`.
  SessionAuth(store::Store& store, const base::Clock& clock, SessionOptions options);

  struct Started {
    content::Session session;
    std::string set_cookie;  // the Set-Cookie header value that hands the token to the browser
  };
  // Starts a session for `user_id`.
  base::Result<Started> Start(int64_t user_id);

  // The session the request's cookie names, with its user, if it is valid now. Extends the
  // session's idle end (at most once a minute, to spare the store). Unauthenticated when there
  // is no cookie, or the session has ended, or its user is disabled.
  base::Result<Caller> FromCookie(const http::Request& request);

  // The user of the request's "Authorization: Bearer <token>" API token. Unauthenticated when
  // there is none or it is not valid (revoked, user disabled).
  base::Result<Caller> FromApiToken(const http::Request& request);

  // Ends the request's session (if any) in the store.
  base::Status End(const http::Request& request);

  // A Set-Cookie header value that removes the session cookie from the browser.
  std::string ClearCookie() const;

  const SessionOptions& options() const { return options_; }

 private:
  store::Store& store_;
  const base::Clock& clock_;
  SessionOptions options_;
};

}  // namespace gazette::admin
