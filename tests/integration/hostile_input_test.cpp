// A sweep of hostile and malformed requests: whatever a client sends, the server answers with
// no 5xx (or closes the connection) and keeps serving everyone else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demo_site_test.h"

namespace gazette::integration {
namespace {

using HostileInputTest = DemoSiteTest;
using namespace std::string_literals;

std::vector<std::string> HostileTargets() {
  const std::string section = "/" + Demo().sections.at(0).slug + "/";
  return {
      "/" + std::string(4000, 'a') + "/",
      "/" + std::string(6000, '/'),
      "/../../../../etc/passwd",
      "/assets/../gazette.toml",
      "/assets/../../gazette.db",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/assets/%2e%2e%2fgazette.toml",
      "/..%2f..%2fgazette.db",
      "/%00",
      "/foo%00bar/",
      section + "%00/",
      "/%ff%fe%fd/",
      "/\xff\xfe/",
      "/\xc3\x28/",
      "/\xed\xa0\x80/",
      "/%c0%af/",
      "/%",
      "/%zz/",
      "/%2",
      section + "?page=" + std::string(10000, '9'),
      section + "?page=1&page=2&page=abc",
      section + "?page=%00",
      section + "?page=-9223372036854775808",
      section + "?page=2147483648",
      "/?" + std::string(12000, 'q'),
      "/?a=" + std::string(3000, '%'),
      "/tag/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
      "/author/%27%20OR%201=1--/",
      "/partner/%22%3E%3Cimg%20src=x%3E/",
      "/./././",
      "/assets/",
      "/assets/style.css",
      "/assets/.",
      "/assets/..",
      "//",
      "/healthz/../healthz",
      "*",
      "http://evil.example/",
      "evil",
  };
}

std::vector<std::string> HostileRequests() {
  return {
      "FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
      "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n",
      "DELETE / HTTP/1.1\r\nHost: x\r\n\r\n",
      "PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
      "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
      "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n",
      "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n",
      "PATCH / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
      "G\x01T / HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.0\r\n\r\n",
      "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
      "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /\r\n\r\n",
      "GET / HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n"s,
      "GET / HTTP/1.1\r\nHost: x\r\n : empty name\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: "
      "5\r\n\r\n0\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
      "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 11\r\n\r\nq=%00%ff%fe",
      "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: " + std::string(8000, ',') + "\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br;q=nan, gzip;q=-1, *;q=2\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + std::string(4000, '"') + "\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n",
      "GET / HTTP/1.1\nHost: x\n\n",
      "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"s + std::string(64, 'A'),
      std::string(3000, '\0'),
  };
}

// Sends `request`; the server may answer (not with a 5xx) or close the connection.
void ExpectNoServerError(uint16_t port, const std::string& request) {
  auto connection = support::HttpConnection::Connect(port, std::chrono::seconds(20));
  ASSERT_TRUE(connection.has_value()) << connection.error().ToString();
  (void)connection->Send(request);
  // Half-close, so a server waiting for the rest of an incomplete request sees the end of input
  // at once instead of after its request timeout.
  connection->CloseWrite();
  auto response = connection->ReadResponse();
  if (response) {
    EXPECT_LT(response->status, 500) << "status " << response->status;
    EXPECT_GE(response->status, 100);
  }
}

TEST_F(HostileInputTest, OddTargetsNeverCauseServerErrors) {
  for (const std::string& target : HostileTargets()) {
    SCOPED_TRACE(target.substr(0, 80));
    for (const std::string method : {"GET", "HEAD"}) {
      ExpectNoServerError(port(), method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
  }
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get("/").status, 200);
}

TEST_F(HostileInputTest, OddRequestsNeverCauseServerErrors) {
  for (const std::string& request : HostileRequests()) {
    SCOPED_TRACE(request.substr(0, 80));
    ExpectNoServerError(port(), request);
  }
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get("/").status, 200);
}

TEST_F(HostileInputTest, TraversalNeverRevealsSiteFiles) {
  for (const std::string& target : HostileTargets()) {
    auto response = support::Fetch(port(), target);
    if (!response) {
      continue;
    }
    EXPECT_EQ(response->body.find("[database]"), std::string::npos) << target;
    EXPECT_EQ(response->body.find("SQLite format 3"), std::string::npos) << target;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(HostileInputTest, ManyConnectionsOpenedAndDroppedLeaveTheServerServing) {
  std::vector<support::HttpConnection> connections;
  for (int i = 0; i < 200; ++i) {
    auto connection = support::HttpConnection::Connect(port());
    ASSERT_TRUE(connection.has_value()) << i << ": " << connection.error().ToString();
    if (i % 2 == 0) {
      (void)connection->Send("GET / HTTP/1.1\r\nHost: x\r\n");
    }
    connections.push_back(std::move(*connection));
  }
  EXPECT_EQ(Get("/healthz").status, 200);
  connections.clear();
  EXPECT_EQ(Get("/").status, 200);
}

}  // namespace
}  // namespace gazette::integration
