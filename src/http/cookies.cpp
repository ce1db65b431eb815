#include "http/cookies.h"

#include "http/ascii.h"

namespace gazette::http {

std::optional<std::string> GetCookie(const Request& request, std::string_view name) {
  std::string_view header = request.Header("cookie");
  while (!header.empty()) {
    size_t semicolon = header.find(';');
    std::string_view pair = TrimSpace(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || TrimSpace(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimSpace(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::string FormatSetCookie(std::string_view name, std::string_view value,
                            const CookieOptions& options) {
  std::string header = std::string(name) + "=" + std::string(value) + "; Path=" + options.path;
  if (options.max_age) header += "; Max-Age=" + std::to_string(options.max_age->count());
  if (options.http_only) header += "; HttpOnly";
  if (options.secure) header += "; Secure";
  header += options.same_site == SameSite::kLax ? "; SameSite=Lax" : "; SameSite=Strict";
  return header;
}

}  // namespace gazette::http
