// The access log: one line per request on standard output.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::http {

struct AccessLogEntry {
  std::string_view remote_address;  // "127.0.0.1"
  std::string_view method;          // "GET"; "-" when the request line could not be read
  std::string_view target;          // "/east-asia/?page=2"; "-" likewise
  int status = 0;
  size_t bytes = 0;  // body bytes sent
  std::chrono::steady_clock::duration duration{};
  std::string_view user_agent;
};

// `remote method target status bytes duration_ms "user-agent"` and a newline. The duration has
// two decimals; control characters, quotes and backslashes in the request's strings are
// escaped (\xNN, \", \\) so a client cannot forge lines or fields.
std::string FormatAccessLogLine(const AccessLogEntry& entry);

// Writes `line` to standard output with one write(2), so concurrent lines never interleave.
void WriteAccessLogLine(std::string_view line);

}  // namespace gazette::http
