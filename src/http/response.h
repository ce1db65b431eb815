// An HTTP response as handlers build it. The server adds Date, Content-Length, ETag,
// compression and security headers on its way out.
#pragma once

#include <functional>
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
  // What the page shows, as tags the store's writes name (store/change_tags.h). A 200 answer to
  // a GET with tags may be kept by the page cache until one of its tags is invalidated; without
  // tags a response is never kept.
  std::vector<std::string> cache_tags;
  // Called each time the page cache answers with its kept copy of this response instead of
  // asking the handler again (to count a view of the page).
  std::function<void()> on_cache_hit;

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
