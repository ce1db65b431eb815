#include "auth/token.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <string>
#include <vector>

namespace gazette::auth {
namespace {

// The bytes a base64url token (no padding) stands for; empty when it is not such a token.
std::vector<unsigned char> DecodeToken(const std::string& token) {
  std::vector<unsigned char> bytes(token.size());
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(bytes.data(), bytes.size(), token.data(), token.size(), nullptr, &length,
                        &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != token.data() + token.size()) {
    return {};
  }
  bytes.resize(length);
  return bytes;
}

TEST(TokenTest, SessionTokensAre32RandomBytesInBase64Url) {
  ASSERT_GE(sodium_init(), 0);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto token = NewSessionToken();
    ASSERT_TRUE(token.has_value());
    EXPECT_EQ(token->size(), kSessionTokenLength);
    EXPECT_EQ(token->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789-_"),
              std::string::npos)
        << *token;
    EXPECT_EQ(DecodeToken(*token).size(), kSessionTokenBytes) << *token;
    seen.insert(*token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(TokenTest, HashIsStableHexSha256) {
  // SHA-256("abc") from FIPS 180-2, appendix B.1.
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto token = NewSessionToken();
  ASSERT_TRUE(token.has_value());
  const std::string hash = HashToken(*token);
  EXPECT_EQ(hash.size(), kTokenHashLength);
  EXPECT_EQ(hash, HashToken(*token));
  EXPECT_EQ(hash.find(*token), std::string::npos);
  EXPECT_NE(hash, HashToken(*token + "x"));
}

TEST(TokenTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("csrf-token", "csrf-token"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "csrf-tokem"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "Csrf-token"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "csrf-token-longer"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", ""));
  EXPECT_FALSE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace gazette::auth
