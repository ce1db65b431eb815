#include "app/listen_address.h"

#include <gtest/gtest.h>

namespace gazette::app {
namespace {

TEST(ListenAddressTest, ParsesIpv4) {
  auto address = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(address.has_value()) << address.error().message();
  EXPECT_EQ(*address, (ListenAddress{"127.0.0.1", 8080}));
}

TEST(ListenAddressTest, ParsesBracketedIpv6) {
  auto address = ParseListenAddress("[::1]:8080");
  ASSERT_TRUE(address.has_value()) << address.error().message();
  EXPECT_EQ(*address, (ListenAddress{"::1", 8080}));
  auto any = ParseListenAddress("[::]:0");
  ASSERT_TRUE(any.has_value()) << any.error().message();
  EXPECT_EQ(*any, (ListenAddress{"::", 0}));
}

TEST(ListenAddressTest, AcceptsThePortRange) {
  EXPECT_EQ(ParseListenAddress("0.0.0.0:0")->port, 0);
  EXPECT_EQ(ParseListenAddress("0.0.0.0:65535")->port, 65535);
  EXPECT_FALSE(ParseListenAddress("0.0.0.0:65536").has_value());
  EXPECT_FALSE(ParseListenAddress("0.0.0.0:-1").has_value());
  EXPECT_FALSE(ParseListenAddress("0.0.0.0:80x").has_value());
  EXPECT_FALSE(ParseListenAddress("0.0.0.0:").has_value());
}

TEST(ListenAddressTest, RejectsWhatIsNotAnAddressLiteral) {
  for (const char* text : {"", "8080", ":8080", "localhost:8080", "::1:8080", "[127.0.0.1]:80",
                           "[::1]8080", "256.0.0.1:80", "[::1:80"}) {
    auto address = ParseListenAddress(text);
    EXPECT_FALSE(address.has_value()) << text;
    if (!address) {
      EXPECT_EQ(address.error().code(), base::ErrorCode::kInvalidArgument);
      EXPECT_TRUE(address.error().message().ends_with("'" + std::string(text) + "'"));
    }
  }
}

TEST(ListenAddressTest, FormatsWhatItParses) {
  EXPECT_EQ(FormatListenAddress({"127.0.0.1", 80}), "127.0.0.1:80");
  EXPECT_EQ(FormatListenAddress({"::1", 8080}), "[::1]:8080");
  for (const char* text : {"10.1.2.3:4", "[fe80::1]:65535"}) {
    EXPECT_EQ(FormatListenAddress(*ParseListenAddress(text)), text);
  }
}

}  // namespace
}  // namespace gazette::app
