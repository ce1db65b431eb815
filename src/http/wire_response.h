// The last step before a response goes on the wire: framing, Date, security headers, ETag and
// 304, compression by Accept-Encoding, and HEAD. Pure functions: no socket, no Beast.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace gazette::http {

// Exactly what is sent: status line code, header fields in order, and the bytes after them.
struct WireResponse {
  int status = 200;
  // Every header the server sends except Connection, which the session decides.
  std::vector<std::pair<std::string, std::string>> headers;
  // Empty for HEAD (whose Content-Length is that of the GET body), 304, 204 and 1xx.
  std::string body;
};

// Turns a handler's `response` to `request` into what is sent at `now`:
// - drops Content-Length, Transfer-Encoding and Connection set by the handler, and any header
//   whose name is not a token or whose value holds CR, LF or NUL (logged as an error);
// - adds Date, Server: gazette, Content-Type, Content-Length, and the security headers
//   (X-Content-Type-Options, Referrer-Policy, X-Frame-Options, and Content-Security-Policy for
//   HTML) the handler did not set;
// - gives a 200 answer to GET or HEAD a strong ETag of its body unless it has one, and turns it
//   into a bodiless 304 when If-None-Match names that tag or one of its compressed variants;
// - compresses a body of a compressible type of at least 512 bytes without Content-Encoding
//   with brotli (quality 2) or gzip (level 1) as Accept-Encoding allows, adding
//   "Vary: Accept-Encoding" whether it compresses or not, and a "-br"/"-gz" suffix to the ETag.
WireResponse PrepareForWire(const Request& request, Response response,
                            std::chrono::system_clock::time_point now);

// The status line and header block of `wire` for HTTP/1.`minor_version`, up to and including the
// empty line that ends it, with "Connection: close" when a 1.1 connection is not kept alive and
// "Connection: keep-alive" when a 1.0 one is. The body follows it on the wire as it is.
std::string WireHead(const WireResponse& wire, unsigned minor_version, bool keep_alive);

// An IMF-fixdate as HTTP wants it: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(std::chrono::system_clock::time_point time);

}  // namespace gazette::http
