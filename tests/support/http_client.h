// A deliberately small HTTP/1.1 client over raw POSIX sockets, for tests that must control the
// exact bytes on the wire: keep-alive, partial requests, oversized headers, malformed lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace gazette::support {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  std::string reason;
  Headers headers;  // names lowercased, in arrival order
  std::string body;

  // The first value of header `name` (case-insensitive), or "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
  // The body decoded according to Content-Encoding (identity, gzip or br).
  base::Result<std::string> DecodedBody() const;
};

// "METHOD TARGET HTTP/1.1\r\nHost: 127.0.0.1\r\n<headers>\r\n" plus `body`, with a
// Content-Length header when `body` is not empty.
std::string BuildRequest(std::string_view method, std::string_view target,
                         const Headers& headers = {}, std::string_view body = "");

// One TCP connection to 127.0.0.1. Owns the socket. Movable; not safe for concurrent use.
class HttpConnection {
 public:
  // Connects to 127.0.0.1:`port`. Every later read waits at most `timeout`.
  // Unavailable if the connection is refused.
  static base::Result<HttpConnection> Connect(
      uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(20));

  HttpConnection(HttpConnection&& other) noexcept;
  HttpConnection& operator=(HttpConnection&& other) noexcept;
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;
  ~HttpConnection();

  // Writes all of `bytes`. Unavailable if the peer reset or closed the connection.
  base::Status Send(std::string_view bytes);

  // Shuts down the sending side (the peer reads end-of-input); reading still works.
  void CloseWrite();

  // Reads one response. The body is read by Content-Length, or until the peer closes when there
  // is none; it is empty for HEAD requests (`head_request`), 1xx, 204 and 304.
  // Unavailable on timeout or when the peer closes before a whole response arrived.
  base::Result<HttpResponse> ReadResponse(bool head_request = false);

  // Sends BuildRequest(method, target, headers) and reads the response.
  base::Result<HttpResponse> Request(std::string_view method, std::string_view target,
                                     const Headers& headers = {});

  // True if the peer closes (or resets) the connection within `timeout`; any bytes that
  // arrive before that are discarded.
  bool WaitForClose(std::chrono::milliseconds timeout);

 private:
  HttpConnection(int fd, std::chrono::milliseconds timeout) : fd_(fd), timeout_(timeout) {}
  // Appends what arrives next to buffer_. 0 when the peer closed; Unavailable on timeout/error.
  base::Result<size_t> ReadMore(std::chrono::milliseconds timeout);

  int fd_ = -1;
  std::chrono::milliseconds timeout_;
  std::string buffer_;  // received, not yet consumed
};

// GET (or another method) on a fresh connection.
base::Result<HttpResponse> Fetch(uint16_t port, std::string_view target,
                                 const Headers& headers = {}, std::string_view method = "GET");

}  // namespace gazette::support
