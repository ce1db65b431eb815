// Requests the server must refuse without falling over: oversized headers (431) and bodies
// (413), malformed request lines (400), and clients too slow to finish a request.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "demo_site_test.h"

namespace gazette::integration {
namespace {

using HttpLimitsTest = DemoSiteTest;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Sends `request` on a fresh connection and reads the answer.
support::HttpResponse SendRaw(uint16_t port, const std::string& request) {
  auto connection = support::HttpConnection::Connect(port);
  if (!connection) {
    ADD_FAILURE() << connection.error().ToString();
    return {};
  }
  // The server may answer and close before reading everything; the answer still counts.
  (void)connection->Send(request);
  auto response = connection->ReadResponse();
  if (!response) {
    ADD_FAILURE() << "no response: " << response.error().ToString();
    return {};
  }
  return std::move(*response);
}

TEST_F(HttpLimitsTest, HeadersOverSixteenKibibytesGet431) {
  support::HttpResponse big = SendRaw(
      port(), support::BuildRequest("GET", "/", {{"X-Padding", std::string(17 * 1024, 'a')}}));
  EXPECT_EQ(big.status, 431);
  support::Headers headers;
  for (int i = 0; i < 400; ++i) {
    headers.emplace_back("X-Header-" + std::to_string(i), std::string(48, 'b'));
  }
  EXPECT_EQ(SendRaw(port(), support::BuildRequest("GET", "/", headers)).status, 431);
  support::HttpResponse fits = SendRaw(
      port(), support::BuildRequest("GET", "/", {{"X-Padding", std::string(8 * 1024, 'a')}}));
  EXPECT_EQ(fits.status, 200);
}

TEST_F(HttpLimitsTest, BodiesOverOneMebibyteGet413) {
  support::HttpResponse declared =
      SendRaw(port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n");
  EXPECT_EQ(declared.status, 413);
  support::HttpResponse sent =
      SendRaw(port(), support::BuildRequest("POST", "/", {}, std::string(1024 * 1024 + 1, 'x')));
  EXPECT_EQ(sent.status, 413);
}

TEST_F(HttpLimitsTest, MalformedRequestLinesGet400) {
  for (const std::string request :
       {"this is not http\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "GET / HTTX/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"}) {
    SCOPED_TRACE(request);
    EXPECT_EQ(SendRaw(port(), request).status, 400);
  }
  EXPECT_EQ(MustFetch(port(), "/healthz").status, 200);
}

TEST(HttpSlowClientTest, SlowClientIsDisconnectedWhileOthersAreServed) {
  support::SiteOptions options;
  options.env = {{"GAZETTE_LIMITS_REQUEST_TIMEOUT_SECONDS", "2"}};
  options.threads = 1;
  auto site = StartSite(options);
  ASSERT_NE(site, nullptr);

  auto stalled = support::HttpConnection::Connect(site->port());
  ASSERT_TRUE(stalled.has_value());
  ASSERT_TRUE(stalled->Send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").has_value());
  EXPECT_FALSE(stalled->WaitForClose(seconds(1))) << "closed before the configured timeout";
  auto trickle = support::HttpConnection::Connect(site->port());
  ASSERT_TRUE(trickle.has_value());

  const auto start = std::chrono::steady_clock::now();
  // One byte every 300 ms never completes the request; the request timeout must still cut it.
  const std::string endless =
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100, 'z');
  bool trickle_closed = false;
  for (size_t i = 0; i < endless.size() && !trickle_closed; ++i) {
    trickle_closed = !trickle->Send(endless.substr(i, 1)).has_value() ||
                     trickle->WaitForClose(milliseconds(300));
    if (i % 3 == 0) {
      EXPECT_EQ(MustFetch(site->port(), "/healthz").status, 200) << "others are not served";
    }
    if (std::chrono::steady_clock::now() - start > seconds(12)) {
      break;
    }
  }
  EXPECT_TRUE(trickle_closed) << "a client sending one byte at a time was never cut off";
  EXPECT_TRUE(stalled->WaitForClose(seconds(8))) << "a stalled request was never cut off";
  EXPECT_EQ(MustFetch(site->port(), "/").status, 200);
}

}  // namespace
}  // namespace gazette::integration
