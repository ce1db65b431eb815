#include "app/listen_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <charconv>

namespace gazette::app {
namespace {

bool IsIpv4(const std::string& host) {
  in_addr address{};
  return inet_pton(AF_INET, host.c_str(), &address) == 1;
}

bool IsIpv6(const std::string& host) {
  in6_addr address{};
  return inet_pton(AF_INET6, host.c_str(), &address) == 1;
}

}  // namespace

base::Result<ListenAddress> ParseListenAddress(std::string_view text) {
  const auto invalid = [&](std::string_view what) {
    return base::InvalidArgumentError(std::string(what) + ", not '" + std::string(text) + "'");
  };
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return invalid("must be HOST:PORT");

  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  const bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
  if (bracketed) host = host.substr(1, host.size() - 2);

  ListenAddress address;
  address.host = std::string(host);
  if (bracketed ? !IsIpv6(address.host) : !IsIpv4(address.host)) {
    return invalid("must be HOST:PORT with an IPv4 address or a bracketed IPv6 address as HOST");
  }
  unsigned port = 0;
  const auto [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || error != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return invalid("must end in a port number from 0 to 65535");
  }
  address.port = static_cast<uint16_t>(port);
  return address;
}

std::string FormatListenAddress(const ListenAddress& address) {
  const bool ipv6 = address.host.find(':') != std::string::npos;
  const std::string host = ipv6 ? "[" + address.host + "]" : address.host;
  return host + ":" + std::to_string(address.port);
}

}  // namespace gazette::app
