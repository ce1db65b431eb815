#include "http/testing/raw_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace gazette::http::testing {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string RawResponse::Header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

base::Result<RawClient> RawClient::Connect(uint16_t port, std::chrono::milliseconds read_timeout) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return base::UnavailableError(std::string("socket: ") + std::strerror(errno));
  RawClient client(fd);
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(read_timeout.count() / 1000);
  timeout.tv_usec = static_cast<suseconds_t>((read_timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    return base::UnavailableError(std::string("connect: ") + std::strerror(errno));
  }
  return client;
}

RawClient::RawClient(RawClient&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

RawClient& RawClient::operator=(RawClient&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

RawClient::~RawClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawClient::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
  return true;
}

long RawClient::Receive() {
  char chunk[16384];
  ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
  if (received > 0) buffer_.append(chunk, static_cast<size_t>(received));
  return received;
}

base::Result<RawResponse> RawClient::Read(bool head_request) {
  size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (Receive() <= 0) return base::UnavailableError("no complete response header");
  }
  std::string_view head(buffer_.data(), header_end);
  RawResponse response;
  size_t line_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, line_end);
  if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12) {
    return base::UnavailableError("bad status line: " + std::string(status_line));
  }
  response.status = std::stoi(std::string(status_line.substr(9, 3)));
  while (line_end != std::string_view::npos) {
    head.remove_prefix(line_end + 2);
    line_end = head.find("\r\n");
    std::string_view line = head.substr(0, line_end);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    response.headers[Lower(line.substr(0, colon))] = std::string(Trim(line.substr(colon + 1)));
  }
  buffer_.erase(0, header_end + 4);

  const bool bodiless =
      head_request || response.status < 200 || response.status == 204 || response.status == 304;
  if (bodiless) return response;
  if (auto length = response.headers.find("content-length"); length != response.headers.end()) {
    size_t size = std::stoul(length->second);
    while (buffer_.size() < size) {
      if (Receive() <= 0) return base::UnavailableError("body cut short");
    }
    response.body = buffer_.substr(0, size);
    buffer_.erase(0, size);
    return response;
  }
  long received;
  while ((received = Receive()) > 0) {
  }
  if (received < 0) return base::UnavailableError("no end to a body without length");
  response.body = std::move(buffer_);
  buffer_.clear();
  return response;
}

bool RawClient::WaitForClose() {
  for (;;) {
    long received = Receive();
    if (received == 0) return true;
    if (received < 0) return errno == ECONNRESET;
    buffer_.clear();
  }
}

}  // namespace gazette::http::testing
