#include "http/server.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "http/testing/gunzip.h"
#include "http/testing/raw_client.h"

namespace gazette::http {
namespace {

using testing::Gunzip;

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::steady_clock;
using testing::RawClient;
using testing::RawResponse;

const std::string kFrontPage = "<p>front page</p>";

std::string BigText() {
  std::string text;
  for (int i = 0; text.size() < 4000; ++i) text += "line " + std::to_string(i) + " of the report\n";
  return text;
}

std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions SmallLimits() {
    ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.header_limit = 1024;
    options.body_limit = 1024;
    options.idle_timeout = seconds(3);
    options.request_timeout = seconds(1);
    options.access_log = false;
    return options;
  }

  void StartServer(const ServerOptions& options = SmallLimits()) {
    auto server =
        Server::Create(options, [this](const Request& request) { return Handle(request); });
    ASSERT_TRUE(server.has_value()) << server.error().ToString();
    server_ = std::move(*server);
    runner_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override { StopServer(); }

  void StopServer() {
    if (!runner_.joinable()) return;
    server_->Stop();
    runner_.join();
  }

  RawClient Connect() {
    auto client = RawClient::Connect(server_->port());
    EXPECT_TRUE(client.has_value()) << client.error().ToString();
    return std::move(*client);
  }

  RawResponse Exchange(RawClient& client, const std::string& request, bool head = false) {
    EXPECT_TRUE(client.Send(request));
    auto response = client.Read(head);
    EXPECT_TRUE(response.has_value()) << response.error().ToString();
    return response.value_or(RawResponse{});
  }

  Response Handle(const Request& request) {
    if (request.path == "/") return Response::Html(200, kFrontPage);
    if (request.path == "/big") return Response::Text(200, BigText());
    if (request.path == "/throw") throw std::runtime_error("handler bug");
    if (request.path == "/slow") {
      slow_started_ = true;
      std::this_thread::sleep_for(milliseconds(400));
      return Response::Text(200, "slow done");
    }
    if (request.path == "/wait-for-page") {
      // Holds its thread until a page is served: deadlocks if both share the only worker.
      std::unique_lock lock(page_mutex_);
      bool served = page_served_cv_.wait_for(lock, seconds(3), [this] { return page_served_; });
      return Response::Text(200, served ? "page was served meanwhile" : "page never served");
    }
    if (request.path == "/page") {
      {
        std::lock_guard lock(page_mutex_);
        page_served_ = true;
      }
      page_served_cv_.notify_all();
      return Response::Text(200, "page");
    }
    if (request.path.starts_with("/echo")) {
      std::string method = request.method == Method::kPost ? "POST" : "GET";
      return Response::Text(200, method + "|" + request.path + "|" + request.query + "|" +
                                     request.body + "|" + std::string(request.Header("x-test")) +
                                     "|" + request.remote_address);
    }
    return Response::Text(404, "not here");
  }

  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::atomic<bool> slow_started_{false};
  std::mutex page_mutex_;
  std::condition_variable page_served_cv_;
  bool page_served_ = false;
};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  RawClient client = Connect();
  RawResponse first = Exchange(client, Get("/"));
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, kFrontPage);
  EXPECT_EQ(first.Header("content-length"), std::to_string(kFrontPage.size()));
  EXPECT_EQ(first.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(first.Header("server"), "gazette");
  EXPECT_FALSE(first.Header("date").empty());
  EXPECT_EQ(first.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(first.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_FALSE(first.Header("etag").empty());
  EXPECT_NE(first.Header("connection"), "close");
  RawResponse second = Exchange(client, Get("/big"));
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, BigText());
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  RawClient client = Connect();
  ASSERT_TRUE(client.Send(Get("/echo?n=1") + Get("/echo?n=2") + Get("/")));
  EXPECT_EQ(client.Read()->body, "GET|/echo|n=1|||127.0.0.1");
  EXPECT_EQ(client.Read()->body, "GET|/echo|n=2|||127.0.0.1");
  EXPECT_EQ(client.Read()->body, kFrontPage);
}

TEST_F(ServerTest, HeadSendsContentLengthWithoutBody) {
  StartServer();
  RawClient client = Connect();
  RawResponse head = Exchange(client, "HEAD /big HTTP/1.1\r\nHost: test\r\n\r\n", true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), std::to_string(BigText().size()));
  EXPECT_EQ(head.body, "");
  // Had the server sent a body after all, it would be read here as the next response.
  EXPECT_EQ(Exchange(client, Get("/")).body, kFrontPage);
}

TEST_F(ServerTest, RequestFieldsReachTheHandler) {
  StartServer();
  RawClient client = Connect();
  RawResponse sized = Exchange(client,
                               "POST /echo/caf%C3%A9?q=a+b HTTP/1.1\r\nHost: test\r\n"
                               "X-Test: Yes\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(sized.body, "POST|/echo/caf\xC3\xA9|q=a+b|hello|Yes|127.0.0.1");
  RawResponse chunked =
      Exchange(client,
               "POST /echo HTTP/1.1\r\nHost: test\r\n"
               "Transfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.body, "POST|/echo||hello||127.0.0.1");
}

TEST_F(ServerTest, ExpectContinueGetsA100BeforeTheBody) {
  StartServer();
  RawClient client = Connect();
  ASSERT_TRUE(
      client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n"
                  "Expect: 100-continue\r\n\r\n"));
  EXPECT_EQ(client.Read()->status, 100);
  ASSERT_TRUE(client.Send("ok"));
  EXPECT_EQ(client.Read()->body, "POST|/echo||ok||127.0.0.1");
}

TEST_F(ServerTest, IfNoneMatchGives304) {
  StartServer();
  RawClient client = Connect();
  RawResponse full = Exchange(client, Get("/big"));
  std::string etag = full.Header("etag");
  ASSERT_FALSE(etag.empty());
  RawResponse cached = Exchange(client, Get("/big", "If-None-Match: \"x\", " + etag + "\r\n"));
  EXPECT_EQ(cached.status, 304);
  EXPECT_EQ(cached.body, "");
  EXPECT_EQ(cached.Header("etag"), etag);
  EXPECT_EQ(Exchange(client, Get("/big", "If-None-Match: \"stale\"\r\n")).status, 200);
}

TEST_F(ServerTest, CompressesWhenAccepted) {
  StartServer();
  RawClient client = Connect();
  RawResponse gzip = Exchange(client, Get("/big", "Accept-Encoding: gzip, deflate\r\n"));
  EXPECT_EQ(gzip.Header("content-encoding"), "gzip");
  EXPECT_EQ(gzip.Header("vary"), "Accept-Encoding");
  EXPECT_LT(gzip.body.size(), BigText().size());
  EXPECT_EQ(Gunzip(gzip.body), BigText());
  RawResponse brotli = Exchange(client, Get("/big", "Accept-Encoding: gzip, br\r\n"));
  EXPECT_EQ(brotli.Header("content-encoding"), "br");
  RawResponse plain = Exchange(client, Get("/big"));
  EXPECT_EQ(plain.Header("content-encoding"), "");
  EXPECT_EQ(plain.body, BigText());
}

TEST_F(ServerTest, OversizedHeaderGets431AndClose) {
  StartServer();
  RawClient client = Connect();
  RawResponse response =
      Exchange(client, Get("/", "X-Padding: " + std::string(2000, 'x') + "\r\n"));
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_TRUE(client.WaitForClose());
}

TEST_F(ServerTest, ManySmallHeadersSentInPiecesStillCountAgainstTheLimit) {
  StartServer();
  RawClient client = Connect();
  ASSERT_TRUE(client.Send("GET / HTTP/1.1\r\nHost: test\r\n"));
  // 40 lines of 50 bytes, each sent on its own: 2000 bytes in all, over the 1024-byte limit,
  // though no single piece is.
  for (int i = 0; i < 40; ++i) {
    std::string line = "X-Line-" + std::to_string(100 + i) + ": " + std::string(36, 'y') + "\r\n";
    if (!client.Send(line)) break;  // the server may answer and close before the end
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  (void)client.Send("\r\n");
  auto response = client.Read();
  ASSERT_TRUE(response.has_value()) << response.error().ToString();
  EXPECT_EQ(response->status, 431);
  EXPECT_TRUE(client.WaitForClose());
}

TEST_F(ServerTest, OversizedBodyGets413AndClose) {
  StartServer();
  RawClient client = Connect();
  RawResponse response =
      Exchange(client, "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n" +
                           std::string(5000, 'b'));
  EXPECT_EQ(response.status, 413);
  EXPECT_TRUE(client.WaitForClose());

  RawClient chunked = Connect();
  std::string chunk(1000, 'c');
  response = Exchange(chunked,
                      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n" +
                          std::string("3e8\r\n") + chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(response.status, 413);

  RawClient expecting = Connect();
  response = Exchange(expecting,
                      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n"
                      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(response.status, 413);
}

TEST_F(ServerTest, MultipartBodiesMayUseTheUploadLimit) {
  ServerOptions options = SmallLimits();
  options.upload_limit = 8000;
  StartServer(options);
  RawClient client = Connect();
  RawResponse response = Exchange(
      client,
      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=b\r\n"
      "Content-Length: 5000\r\n\r\n" +
          std::string(5000, 'u'));
  EXPECT_EQ(response.status, 200);

  response = Exchange(client,
                      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: image/jpeg\r\n"
                      "Content-Length: 5000\r\n\r\n" +
                          std::string(5000, 'j'));
  EXPECT_EQ(response.status, 200) << "raw image bodies are uploads too";

  RawClient second = Connect();
  response = Exchange(
      second,
      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=b\r\n"
      "Content-Length: 9000\r\n\r\n" +
          std::string(9000, 'u'));
  EXPECT_EQ(response.status, 413);
}

TEST_F(ServerTest, StateChangingRequestsRunBesideTheWorkerThreads) {
  ServerOptions options = SmallLimits();
  options.threads = 1;
  options.blocking_threads = 1;
  StartServer(options);
  RawClient poster = Connect();
  ASSERT_TRUE(
      poster.Send("POST /wait-for-page HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n"));
  std::this_thread::sleep_for(milliseconds(100));

  RawClient reader = Connect();
  EXPECT_EQ(Exchange(reader, Get("/page")).body, "page");
  auto posted = poster.Read();
  ASSERT_TRUE(posted.has_value()) << posted.error().ToString();
  EXPECT_EQ(posted->body, "page was served meanwhile");

  // The connection goes on after an answer from the blocking pool.
  EXPECT_EQ(Exchange(poster, Get("/")).body, kFrontPage);
}

TEST_F(ServerTest, StopWaitsForAStateChangingRequestInFlight) {
  StartServer();
  RawClient client = Connect();
  ASSERT_TRUE(client.Send("POST /slow HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n"));
  while (!slow_started_) std::this_thread::sleep_for(milliseconds(5));
  server_->Stop();
  auto response = client.Read();
  ASSERT_TRUE(response.has_value()) << response.error().ToString();
  EXPECT_EQ(response->body, "slow done");
  runner_.join();
}

TEST_F(ServerTest, MalformedRequestsGet400AndClose) {
  StartServer();
  for (std::string garbage :
       {"HELLO THERE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
    RawClient client = Connect();
    RawResponse response = Exchange(client, garbage);
    EXPECT_EQ(response.status, 400) << garbage;
    EXPECT_TRUE(client.WaitForClose()) << garbage;
  }
  RawClient absolute = Connect();
  EXPECT_EQ(Exchange(absolute, Get("http://elsewhere.example/")).status, 400);
}

TEST_F(ServerTest, StalledClientIsDroppedWhileOthersAreServed) {
  StartServer();
  RawClient stalled = Connect();
  ASSERT_TRUE(stalled.Send("GET / HTTP/1.1\r\nHost: te"));
  const auto start = steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    RawClient other = Connect();
    EXPECT_EQ(Exchange(other, Get("/")).status, 200);
    std::this_thread::sleep_for(milliseconds(100));
  }
  EXPECT_TRUE(stalled.WaitForClose());
  const auto waited = steady_clock::now() - start;
  EXPECT_GE(waited, milliseconds(900));
  EXPECT_LT(waited, milliseconds(2500));
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerOptions options = SmallLimits();
  options.idle_timeout = seconds(1);
  options.request_timeout = seconds(5);
  StartServer(options);
  RawClient client = Connect();
  EXPECT_EQ(Exchange(client, Get("/")).status, 200);
  const auto start = steady_clock::now();
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_GE(steady_clock::now() - start, milliseconds(900));
}

TEST_F(ServerTest, ThrowingHandlerGets500AndServerKeepsServing) {
  StartServer();
  RawClient client = Connect();
  RawResponse failed = Exchange(client, Get("/throw"));
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.body.find("handler bug"), std::string::npos);
  EXPECT_EQ(Exchange(client, Get("/")).status, 200);
  RawClient another = Connect();
  EXPECT_EQ(Exchange(another, Get("/")).status, 200);
}

TEST_F(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
  StartServer();
  RawClient closing = Connect();
  RawResponse response = Exchange(closing, Get("/", "Connection: close\r\n"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_TRUE(closing.WaitForClose());

  RawClient old = Connect();
  response = Exchange(old, "GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(response.body, kFrontPage);
  EXPECT_TRUE(old.WaitForClose());

  RawClient old_keep_alive = Connect();
  response = Exchange(old_keep_alive, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(response.Header("connection"), "keep-alive");
  EXPECT_EQ(Exchange(old_keep_alive, "GET / HTTP/1.0\r\n\r\n").body, kFrontPage);
}

TEST_F(ServerTest, StopLetsTheRequestInFlightFinishAndClosesIdleConnections) {
  StartServer();
  RawClient idle = Connect();
  EXPECT_EQ(Exchange(idle, Get("/")).status, 200);
  RawClient busy = Connect();
  ASSERT_TRUE(busy.Send(Get("/slow")));
  while (!slow_started_) std::this_thread::sleep_for(milliseconds(5));

  const auto start = steady_clock::now();
  server_->Stop();
  EXPECT_TRUE(idle.WaitForClose());
  EXPECT_LT(steady_clock::now() - start, milliseconds(300));
  auto response = busy.Read();
  ASSERT_TRUE(response.has_value()) << response.error().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "slow done");
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(busy.WaitForClose());
  runner_.join();
  EXPECT_LT(steady_clock::now() - start, seconds(1));
  EXPECT_FALSE(RawClient::Connect(server_->port()).has_value());
}

TEST_F(ServerTest, StopBeforeRunReturnsAtOnce) {
  auto server =
      Server::Create(SmallLimits(), [](const Request&) { return Response::Text(200, ""); });
  ASSERT_TRUE(server.has_value());
  (*server)->Stop();
  (*server)->Run();
}

TEST_F(ServerTest, SigtermStopsTheServer) {
  StartServer();
  RawClient client = Connect();
  // Once a request is answered, Run() has installed its signal handlers.
  EXPECT_EQ(Exchange(client, Get("/")).status, 200);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  EXPECT_TRUE(client.WaitForClose());
  runner_.join();
}

TEST_F(ServerTest, AccessLogWritesOneLinePerRequest) {
  ServerOptions options = SmallLimits();
  options.access_log = true;
  ::testing::internal::CaptureStdout();
  StartServer(options);
  RawClient client = Connect();
  Exchange(client, Get("/", "User-Agent: test-agent/1.0\r\n"));
  Exchange(client, Get("/nothing?x=1"));
  StopServer();
  std::string log = ::testing::internal::GetCapturedStdout();
  EXPECT_NE(log.find("127.0.0.1 GET / 200 " + std::to_string(kFrontPage.size()) + " "),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(" \"test-agent/1.0\"\n"), std::string::npos) << log;
  EXPECT_NE(log.find("127.0.0.1 GET /nothing?x=1 404 8 "), std::string::npos) << log;
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 2);
}

TEST(ServerCreateTest, RejectsABadAddress) {
  ServerOptions options;
  options.address = "not-an-address";
  auto server = Server::Create(options, [](const Request&) { return Response::Text(200, ""); });
  ASSERT_FALSE(server.has_value());
  EXPECT_EQ(server.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_NE(server.error().message().find("not-an-address"), std::string::npos);
}

TEST(ServerCreateTest, ReportsAPortInUse) {
  ServerOptions options;
  options.port = 0;
  auto handler = [](const Request&) { return Response::Text(200, ""); };
  auto first = Server::Create(options, handler);
  ASSERT_TRUE(first.has_value());
  options.port = (*first)->port();
  EXPECT_NE(options.port, 0);
  auto second = Server::Create(options, handler);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code(), base::ErrorCode::kUnavailable);
  EXPECT_EQ(second.error().message().find(
                "cannot listen on 127.0.0.1:" + std::to_string(options.port) + ": "),
            0u)
      << second.error().message();
}

}  // namespace
}  // namespace gazette::http
