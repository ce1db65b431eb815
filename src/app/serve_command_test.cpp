// `gazette serve` in-process on 127.0.0.1:0: the announced line, real requests, SIGTERM.
#include "app/serve_command.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <regex>
#include <streambuf>
#include <thread>

#include "app/init_command.h"
#include "base/testing/temp_dir.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

// An output stream buffer that another thread can wait on for a complete line.
class LineBuffer : public std::streambuf {
 public:
  // The first line written, once it is there; "" after `timeout`.
  std::string WaitForLine(std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    written_.wait_for(lock, timeout, [&] { return text_.find('\n') != std::string::npos; });
    const size_t end = text_.find('\n');
    return end == std::string::npos ? "" : text_.substr(0, end);
  }

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    std::lock_guard lock(mutex_);
    text_.push_back(traits_type::to_char_type(c));
    written_.notify_all();
    return c;
  }

 private:
  std::mutex mutex_;
  std::condition_variable written_;
  std::string text_;
};

// Sends one HTTP/1.1 request to 127.0.0.1:`port` and returns the whole response.
std::string Get(uint16_t port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
    }
  }
  close(fd);
  return response;
}

class ServeCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { site_ = tmp_ / "site"; }

  const base::SystemClock clock_;
  base::testing::TempDir temp_dir_{"gazette-serve-"};
  fs::path tmp_ = temp_dir_.path();
  fs::path site_;
};

TEST_F(ServeCommandTest, AnnouncesThePortServesAndStopsOnSigterm) {
  auto initialized = InitSite({.dir = site_,
                               .demo = true,
                               .admin_password = "admin-password-for-tests",
                               .password_cost = auth::PasswordCost::kMinimum},
                              clock_);
  ASSERT_TRUE(initialized.has_value()) << initialized.error().message();

  LineBuffer buffer;
  std::ostream out(&buffer);
  base::Status served;
  std::thread server([&] { served = Serve(site_, {.listen = "127.0.0.1:0", .threads = 2}, out); });

  const std::string line = buffer.WaitForLine(std::chrono::seconds(30));
  std::smatch match;
  const std::regex announced("gazette: serving (.*) at http://127\\.0\\.0\\.1:([0-9]+)/");
  const bool listening = std::regex_match(line, match, announced);
  EXPECT_TRUE(listening) << line;
  if (listening) {
    EXPECT_EQ(match[1], site_.string());
    const auto port = static_cast<uint16_t>(std::stoi(match[2]));
    EXPECT_NE(port, 0);
    const std::string health = Get(port, "/healthz");
    EXPECT_TRUE(health.starts_with("HTTP/1.1 200")) << health;
    EXPECT_TRUE(health.ends_with("\r\n\r\nok")) << health;
    const std::string home = Get(port, "/");
    EXPECT_TRUE(home.starts_with("HTTP/1.1 200")) << home.substr(0, 200);
    // The answered requests show that the server is running, and so handles SIGTERM.
    kill(getpid(), SIGTERM);
  }
  server.join();
  EXPECT_TRUE(served.has_value()) << served.error().message();
}

TEST_F(ServeCommandTest, FailsOnAMissingSiteWithoutListening) {
  LineBuffer buffer;
  std::ostream out(&buffer);
  auto served = Serve(site_, {}, out);
  ASSERT_FALSE(served.has_value());
  EXPECT_EQ(served.error().message(), "site folder not found: " + site_.string());
}

}  // namespace
}  // namespace gazette::app
