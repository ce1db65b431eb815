// A blocking HTTP/1.1 client on plain POSIX sockets, for tests of the server: it sends raw bytes
// (so tests can send what no well-behaved client would) and reads responses one by one.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::http::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string, std::less<>> headers;  // names lowercased
  std::string body;

  // The header's value, or "" when absent. `name` must be lowercase.
  std::string Header(std::string_view name) const;
};

// One connection to 127.0.0.1. Not safe for concurrent use.
class RawClient {
 public:
  // Connects to 127.0.0.1:`port`. Every read gives up after `read_timeout`.
  // Unavailable when the connection is refused.
  static base::Result<RawClient> Connect(
      uint16_t port, std::chrono::milliseconds read_timeout = std::chrono::seconds(5));

  RawClient(RawClient&& other) noexcept;
  RawClient& operator=(RawClient&& other) noexcept;
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;
  ~RawClient();

  // Sends all of `bytes`; false if the connection is gone.
  bool Send(std::string_view bytes);

  // Reads one response. A body is read by Content-Length, or to the end of the connection when
  // there is none; `head_request` says the request was HEAD, so no body follows.
  // Unavailable on timeout or when the connection closes before a whole response.
  base::Result<RawResponse> Read(bool head_request = false);

  // Reads (and discards) until the server closes the connection: true if it does within the
  // read timeout, false if the timeout passes first.
  bool WaitForClose();

 private:
  explicit RawClient(int fd) : fd_(fd) {}
  // Appends what arrives to buffer_: the number of bytes, 0 at end of stream, -1 on error or
  // timeout.
  long Receive();

  int fd_ = -1;
  std::string buffer_;  // received, not yet consumed
};

}  // namespace gazette::http::testing
