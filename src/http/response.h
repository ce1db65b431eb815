// An HTTP response as handlers build it. The server adds Date, Content-Length, ETag,
// compression and security headers on its way out.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::http {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // Extra headers, in order (e.g. Location, Cache-Control, Link). Set with SetHeader.
  std::vector<std::pair<std::string, std::string>> headers;

  // Replaces a header of the same name (case-insensitive), or adds it.
  void SetHeader(std::string_view name, std::string value);
  // Adds a header even when one of that name exists (several Set-Cookie headers).
  void AddHeader(std::string_view name, std::string value);
  // The header's value, or "" when absent (case-insensitive).
  std::string_view Header(std::string_view name) const;

  static Response Html(int status, std::string body);
  static Response Text(int status, std::string body);  // text/plain; charset=utf-8
  // 301, 302, 303, 307 or 308 to `location`, with a short HTML body.
  static Response Redirect(int status, std::string location);
};

}  // namespace gazette::http
