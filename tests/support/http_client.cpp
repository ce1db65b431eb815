#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "support/decompress.h"

namespace gazette::support {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Parses the status line and headers in `head` (without the final blank line).
base::Result<HttpResponse> ParseHead(std::string_view head) {
  HttpResponse response;
  size_t line_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, line_end);
  if (status_line.substr(0, 5) != "HTTP/" || status_line.size() < 12) {
    return base::InvalidArgumentError("bad status line: '" + std::string(status_line) + "'");
  }
  std::string_view code = status_line.substr(9, 3);
  auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), response.status);
  if (ec != std::errc() || ptr != code.data() + code.size()) {
    return base::InvalidArgumentError("bad status code in '" + std::string(status_line) + "'");
  }
  response.reason = std::string(Trim(status_line.substr(12)));
  while (line_end != std::string_view::npos) {
    size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    std::string_view line = head.substr(
        start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return base::InvalidArgumentError("bad header line: '" + std::string(line) + "'");
    }
    response.headers.emplace_back(Lowercase(Trim(line.substr(0, colon))),
                                  std::string(Trim(line.substr(colon + 1))));
  }
  return response;
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  std::string key = Lowercase(name);
  for (const auto& [header, value] : headers) {
    if (header == key) {
      return value;
    }
  }
  return "";
}

bool HttpResponse::HasHeader(std::string_view name) const {
  std::string key = Lowercase(name);
  for (const auto& header : headers) {
    if (header.first == key) {
      return true;
    }
  }
  return false;
}

base::Result<std::string> HttpResponse::DecodedBody() const {
  std::string encoding = Lowercase(Header("content-encoding"));
  if (encoding.empty() || encoding == "identity") {
    return body;
  }
  if (encoding == "gzip") {
    return Gunzip(body);
  }
  if (encoding == "br") {
    return Unbrotli(body);
  }
  return base::InvalidArgumentError("unknown Content-Encoding '" + encoding + "'");
}

std::string BuildRequest(std::string_view method, std::string_view target, const Headers& headers,
                         std::string_view body) {
  std::string request;
  request.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  request.append("Host: 127.0.0.1\r\n");
  for (const auto& [name, value] : headers) {
    request.append(name).append(": ").append(value).append("\r\n");
  }
  if (!body.empty()) {
    request.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  request.append("\r\n").append(body);
  return request;
}

base::Result<HttpConnection> HttpConnection::Connect(uint16_t port,
                                                     std::chrono::milliseconds timeout) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return base::InternalError(std::string("socket: ") + std::strerror(errno));
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    int error = errno;
    close(fd);
    return base::UnavailableError("connect to 127.0.0.1:" + std::to_string(port) + ": " +
                                  std::strerror(error));
  }
  return HttpConnection(fd, timeout);
}

HttpConnection::HttpConnection(HttpConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      timeout_(other.timeout_),
      buffer_(std::move(other.buffer_)) {}

HttpConnection& HttpConnection::operator=(HttpConnection&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) {
      close(fd_);
    }
    fd_ = std::exchange(other.fd_, -1);
    timeout_ = other.timeout_;
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) {
    close(fd_);
  }
}

base::Status HttpConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) {
        continue;
      }
      return base::UnavailableError(std::string("send: ") + std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
  return base::Ok();
}

void HttpConnection::CloseWrite() { shutdown(fd_, SHUT_WR); }

base::Result<size_t> HttpConnection::ReadMore(std::chrono::milliseconds timeout) {
  pollfd waiting{fd_, POLLIN, 0};
  int ready = poll(&waiting, 1, static_cast<int>(timeout.count()));
  if (ready == 0) {
    return base::UnavailableError("no data within " + std::to_string(timeout.count()) + " ms");
  }
  if (ready < 0) {
    return base::UnavailableError(std::string("poll: ") + std::strerror(errno));
  }
  char chunk[16384];
  ssize_t got = recv(fd_, chunk, sizeof chunk, 0);
  if (got < 0) {
    return base::UnavailableError(std::string("recv: ") + std::strerror(errno));
  }
  buffer_.append(chunk, static_cast<size_t>(got));
  return static_cast<size_t>(got);
}

base::Result<HttpResponse> HttpConnection::ReadResponse(bool head_request) {
  size_t head_end;
  while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    auto got = ReadMore(timeout_);
    if (!got) {
      return base::Unexpected(got.error());
    }
    if (*got == 0) {
      return base::UnavailableError("connection closed before a response head; got '" + buffer_ +
                                    "'");
    }
  }
  auto response = ParseHead(std::string_view(buffer_).substr(0, head_end));
  if (!response) {
    return response;
  }
  buffer_.erase(0, head_end + 4);

  bool no_body = head_request || response->status / 100 == 1 || response->status == 204 ||
                 response->status == 304;
  if (no_body) {
    return response;
  }
  std::string length_text = response->Header("content-length");
  if (length_text.empty()) {
    while (true) {
      auto got = ReadMore(timeout_);
      if (!got) {
        return base::Unexpected(got.error());
      }
      if (*got == 0) {
        break;
      }
    }
    response->body = std::move(buffer_);
    buffer_.clear();
    return response;
  }
  size_t length = 0;
  auto [ptr, ec] =
      std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
  if (ec != std::errc() || ptr != length_text.data() + length_text.size()) {
    return base::InvalidArgumentError("bad Content-Length '" + length_text + "'");
  }
  while (buffer_.size() < length) {
    auto got = ReadMore(timeout_);
    if (!got) {
      return base::Unexpected(got.error());
    }
    if (*got == 0) {
      return base::UnavailableError("connection closed after " + std::to_string(buffer_.size()) +
                                    " of " + length_text + " body bytes");
    }
  }
  response->body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return response;
}

base::Result<HttpResponse> HttpConnection::Request(std::string_view method, std::string_view target,
                                                   const Headers& headers) {
  if (auto sent = Send(BuildRequest(method, target, headers)); !sent) {
    return base::Unexpected(sent.error());
  }
  return ReadResponse(method == "HEAD");
}

bool HttpConnection::WaitForClose(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return false;
    }
    pollfd waiting{fd_, POLLIN, 0};
    int ready = poll(&waiting, 1, static_cast<int>(left.count()));
    if (ready == 0) {
      return false;
    }
    if (ready < 0) {
      continue;
    }
    char chunk[4096];
    ssize_t got = recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) {
      return true;
    }
  }
}

base::Result<HttpResponse> Fetch(uint16_t port, std::string_view target, const Headers& headers,
                                 std::string_view method) {
  auto connection = HttpConnection::Connect(port);
  if (!connection) {
    return base::Unexpected(connection.error());
  }
  return connection->Request(method, target, headers);
}

}  // namespace gazette::support
