#include "http/access_log.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(AccessLogTest, FormatsOneLine) {
  std::string line = FormatAccessLogLine({
      .remote_address = "127.0.0.1",
      .method = "GET",
      .target = "/east-asia/?page=2",
      .status = 200,
      .bytes = 3120,
      .duration = std::chrono::microseconds(1534),
      .user_agent = "Mozilla/5.0 (X11)",
  });
  EXPECT_EQ(line, "127.0.0.1 GET /east-asia/?page=2 200 3120 1.53 \"Mozilla/5.0 (X11)\"\n");
}

TEST(AccessLogTest, EscapesWhatCouldForgeALine) {
  std::string line = FormatAccessLogLine({
      .remote_address = "::1",
      .method = "-",
      .target = "-",
      .status = 400,
      .bytes = 12,
      .duration = {},
      .user_agent = "evil\"\n127.0.0.1 GET / 200\\",
  });
  EXPECT_EQ(line, "::1 - - 400 12 0.00 \"evil\\\"\\x0a127.0.0.1 GET / 200\\\\\"\n");
}

}  // namespace
}  // namespace gazette::http
