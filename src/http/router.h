// Maps a method and a path to a handler. Patterns are literal segments and "{name}" parameters;
// a literal segment beats a parameter whatever the registration order.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace gazette::http {

// Parameter values by name, percent-decoded: pattern "/{section}/{slug}/" on "/asia/x/" gives
// {"section": "asia", "slug": "x"}.
using PathParams = std::map<std::string, std::string, std::less<>>;

using RouteHandler = std::function<Response(const Request&, const PathParams&)>;

// Built once at start, then read-only: Dispatch is safe for concurrent use.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers `handler` for `method` on `pattern`. A pattern starts with '/'; a trailing '/'
  // is significant. GET routes also answer HEAD. Registering the same method and pattern twice
  // replaces the first handler.
  void Add(Method method, std::string_view pattern, RouteHandler handler);

  // Answers the request: the matching handler's response; else a 301 to the same path with a
  // trailing '/' when that would match; else 405 (with Allow) when only other methods match;
  // else the not-found handler's response. Matches the raw path of `request.target` (or
  // `request.path` when the target is empty) segment by segment, each percent-decoded; paths
  // with "//", "." or ".." segments, NUL bytes, backslashes or invalid escapes match nothing.
  Response Dispatch(const Request& request) const;

  // Answers requests that match no route. Default: a plain 404.
  void SetNotFound(std::function<Response(const Request&)> handler);

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::function<Response(const Request&)> not_found_;
};

}  // namespace gazette::http
