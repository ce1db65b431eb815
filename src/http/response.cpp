#include "http/response.h"

#include "base/html_escape.h"
#include "http/ascii.h"

namespace gazette::http {
namespace {}  // namespace

void Response::SetHeader(std::string_view name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (EqualsIgnoreCase(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

void Response::AddHeader(std::string_view name, std::string value) {
  headers.emplace_back(std::string(name), std::move(value));
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

Response Response::Html(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response Response::Text(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::Redirect(int status, std::string location) {
  std::string escaped = base::EscapeHtml(location);
  Response response = Html(status, "<!doctype html><title>Moved</title><p>Moved to <a href=\"" +
                                       escaped + "\">" + escaped + "</a>.</p>\n");
  response.SetHeader("Location", std::move(location));
  return response;
}

}  // namespace gazette::http
