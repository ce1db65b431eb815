// The address a server listens on, written "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::app {

struct ListenAddress {
  std::string host = "127.0.0.1";  // an IPv4 or IPv6 literal, without brackets
  uint16_t port = 8080;            // 0 asks the system for a free port

  bool operator==(const ListenAddress&) const = default;
};

// Parses "IPV4:PORT" or "[IPV6]:PORT" with PORT in 0..65535. Host names are not resolved.
// Errors: InvalidArgument "must be HOST:PORT ..., not 'TEXT'", for callers to prefix with
// the setting's name.
base::Result<ListenAddress> ParseListenAddress(std::string_view text);

// "127.0.0.1:8080", or "[::1]:8080" for an IPv6 host: the form ParseListenAddress accepts.
std::string FormatListenAddress(const ListenAddress& address);

}  // namespace gazette::app
