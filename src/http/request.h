// An HTTP request as handlers see it: parsed, size-limited, independent of the socket.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace gazette::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

struct Request {
  Method method = Method::kGet;
  std::string target;  // as sent: "/east-asia/?page=2"
  std::string path;    // percent-decoded path: "/east-asia/"
  std::string query;   // raw query string without '?': "page=2"
  // Header names lowercased; a repeated header keeps its last value.
  std::map<std::string, std::string, std::less<>> headers;
  std::string body;
  std::string remote_address;  // "127.0.0.1"

  // The header's value, or "" when absent. `name` must be lowercase.
  std::string_view Header(std::string_view name) const;
  // The first value of a query parameter, percent-decoded ('+' as space); nullopt when absent.
  std::optional<std::string> QueryParam(std::string_view name) const;
  // The query parameter `name` as a whole number from 1 to `max`; `fallback` when it is absent
  // or empty. InvalidArgument naming the parameter and the value otherwise ("page=0",
  // "limit=ten", "page=99999999").
  base::Result<int> PositiveQueryParam(std::string_view name, int fallback, int max) const;
};

// "%41b+c" -> "Ab c" when `plus_as_space`; invalid escapes are kept as they are.
std::string PercentDecode(std::string_view text, bool plus_as_space);

// Every byte but A-Z a-z 0-9 - . _ ~ and those in `keep` becomes %XX; a space becomes '+' when
// `space_as_plus` (a query string or form body). "a b/c" -> "a+b%2Fc", or "a%20b/c" with
// keep "/" and no `space_as_plus`.
std::string PercentEncode(std::string_view text, bool space_as_plus, std::string_view keep = {});

}  // namespace gazette::http
