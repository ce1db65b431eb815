// Cookies: reading one from a request's Cookie header, and writing a Set-Cookie value.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace gazette::http {

// The value of cookie `name` in the request's Cookie header, or nullopt. Values are returned as
// sent (surrounding double quotes removed); the first of repeated names wins.
std::optional<std::string> GetCookie(const Request& request, std::string_view name);

enum class SameSite { kLax, kStrict };

struct CookieOptions {
  std::string path = "/";
  // How long the browser keeps it; nullopt for a cookie that ends with the browser session.
  // Zero deletes the cookie.
  std::optional<std::chrono::seconds> max_age;
  bool http_only = true;  // out of reach of page scripts
  bool secure = false;    // sent over https only
  SameSite same_site = SameSite::kLax;
};

// A Set-Cookie header value: "name=value; Path=/; Max-Age=…; HttpOnly; Secure; SameSite=Lax".
// REQUIRES: `name` is a cookie token and `value` holds only cookie-octets (base64url, hex).
std::string FormatSetCookie(std::string_view name, std::string_view value,
                            const CookieOptions& options);

}  // namespace gazette::http
