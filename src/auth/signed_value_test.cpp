#include "auth/signed_value.h"

#include <gtest/gtest.h>

namespace gazette::auth {
namespace {

TEST(SignedValueTest, RoundTripsWithTheSameKey) {
  const std::string key = NewSigningKey().value();
  EXPECT_EQ(key.size(), 2 * kSigningKeyBytes);
  auto signed_value = SignValue("user 7 until 1700000300", key);
  ASSERT_TRUE(signed_value.has_value());
  EXPECT_EQ(VerifySignedValue(*signed_value, key), "user 7 until 1700000300");
}

TEST(SignedValueTest, RefusesChangedValuesAndOtherKeys) {
  const std::string key = NewSigningKey().value();
  const std::string other_key = NewSigningKey().value();
  const std::string value = SignValue("user 7", key).value();
  const std::string forged = SignValue("user 8", other_key).value();

  EXPECT_FALSE(VerifySignedValue(value, other_key).has_value());
  // The payload of one value with the tag of another.
  const std::string spliced = forged.substr(0, forged.find('.')) + value.substr(value.find('.'));
  EXPECT_FALSE(VerifySignedValue(spliced, key).has_value());
  for (const std::string& broken : {std::string(""), std::string("no-dot"), value + "x",
                                    value.substr(0, value.find('.')) + ".", std::string(".")}) {
    auto verified = VerifySignedValue(broken, key);
    ASSERT_FALSE(verified.has_value()) << broken;
    EXPECT_EQ(verified.error().code(), base::ErrorCode::kUnauthenticated);
  }
}

TEST(SignedValueTest, RefusesAKeyThatIsNotHex) {
  EXPECT_FALSE(SignValue("x", "not a key").has_value());
  EXPECT_FALSE(SignValue("x", std::string(64, 'g')).has_value());
}

}  // namespace
}  // namespace gazette::auth
