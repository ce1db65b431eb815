#include "auth/totp.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include "base/error.h"

namespace gazette::auth {
namespace {

using base::ErrorCode;
using base::Seconds;
using std::chrono::seconds;

// The RFC 6238 test key for SHA-1: "12345678901234567890" in ASCII, as base32.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

Seconds At(long long unix_seconds) { return Seconds(seconds(unix_seconds)); }

TEST(TotpTest, CodesMatchRfc6238Sha1Vectors) {
  // RFC 6238, appendix B: the 8-digit codes' last 6 digits are the 6-digit codes.
  const std::pair<long long, std::string> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& [time, code] : vectors) {
    EXPECT_EQ(TotpCode(kRfcSecret, At(time)), code) << time;
  }
}

TEST(TotpTest, SecretCaseAndSpacesDoNotMatter) {
  EXPECT_EQ(TotpCode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", At(59)), "287082");
  EXPECT_EQ(TotpCode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", At(59)), "287082");
}

TEST(TotpTest, NoCodeForMalformedSecretOrTimeBeforeEpoch) {
  EXPECT_EQ(TotpCode("", At(59)), "");
  EXPECT_EQ(TotpCode("not base32!", At(59)), "");
  EXPECT_EQ(TotpCode("18", At(59)), "");
  EXPECT_EQ(TotpCode(kRfcSecret, At(-1)), "");
}

TEST(TotpTest, StepsAreThirtySecondsRoundedDown) {
  EXPECT_EQ(TotpStep(At(0)), 0);
  EXPECT_EQ(TotpStep(At(29)), 0);
  EXPECT_EQ(TotpStep(At(30)), 1);
  EXPECT_EQ(TotpStep(At(59)), 1);
  EXPECT_EQ(TotpStep(At(1111111109)), 37037036);
  EXPECT_EQ(TotpStep(At(-1)), -1);
  EXPECT_EQ(TotpStep(At(-30)), -1);
  EXPECT_EQ(TotpStep(At(-31)), -2);
}

TEST(TotpTest, NewSecretsAre20RandomBytesInBase32) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto secret = NewTotpSecret();
    ASSERT_TRUE(secret.has_value()) << secret.error().ToString();
    EXPECT_EQ(secret->size(), kTotpSecretLength);
    EXPECT_EQ(secret->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos)
        << *secret;
    EXPECT_EQ(TotpCode(*secret, At(1111111109)).size(), 6u);
    seen.insert(*secret);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(TotpTest, ProvisioningUriEncodesLabelAndParameters) {
  EXPECT_EQ(TotpProvisioningUri("Gazette", "editor@example.org", kRfcSecret),
            "otpauth://totp/Gazette:editor%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Gazette&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpProvisioningUri("The Daily: East & West", "Zoë Ng", "ABC"),
            "otpauth://totp/The%20Daily%3A%20East%20%26%20West:Zo%C3%AB%20Ng?secret=ABC"
            "&issuer=The%20Daily%3A%20East%20%26%20West&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpProvisioningUri("a-b.c_d~e", "x?y#z/w+v=u", "S"),
            "otpauth://totp/a-b.c_d~e:x%3Fy%23z%2Fw%2Bv%3Du?secret=S&issuer=a-b.c_d~e"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(TotpTest, AcceptsTheCurrentStepAndOneEitherSide) {
  const Seconds now = At(1111111111);  // step 37037037
  const int64_t step = TotpStep(now);
  for (int64_t offset : {-1, 0, 1}) {
    const std::string code = TotpCode(kRfcSecret, now + seconds(offset * kTotpPeriodSeconds));
    auto matched = VerifyTotp(kRfcSecret, code, now, 0);
    ASSERT_TRUE(matched.has_value()) << offset << ": " << matched.error().ToString();
    EXPECT_EQ(*matched, step + offset);
  }
  EXPECT_EQ(*VerifyTotp(kRfcSecret, "050471", now, 0), step);
}

TEST(TotpTest, RejectsCodesOutsideTheWindow) {
  const Seconds now = At(1111111111);
  for (int64_t offset : {-3, -2, 2, 3}) {
    const std::string code = TotpCode(kRfcSecret, now + seconds(offset * kTotpPeriodSeconds));
    auto matched = VerifyTotp(kRfcSecret, code, now, 0);
    ASSERT_FALSE(matched.has_value()) << offset;
    EXPECT_EQ(matched.error().code(), ErrorCode::kUnauthenticated);
    EXPECT_EQ(matched.error().message(), "the code is not right");
  }
}

TEST(TotpTest, WrongCodeIsNotRight) {
  const Seconds now = At(1111111111);
  const std::string right = TotpCode(kRfcSecret, now);
  std::string wrong = right;
  wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
  auto matched = VerifyTotp(kRfcSecret, wrong, now, 0);
  ASSERT_FALSE(matched.has_value());
  EXPECT_EQ(matched.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(matched.error().message(), "the code is not right");
  // The right code under another secret is wrong too.
  EXPECT_FALSE(VerifyTotp("MZXW6YTBOI", right, now, 0).has_value());
}

TEST(TotpTest, CodeIsAcceptedOnceOnly) {
  const Seconds now = At(1111111111);
  const std::string code = TotpCode(kRfcSecret, now);
  auto first = VerifyTotp(kRfcSecret, code, now, 0);
  ASSERT_TRUE(first.has_value());
  auto again = VerifyTotp(kRfcSecret, code, now + seconds(10), *first);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(again.error().message(), "the code was already used; wait for the next one");
  // A code of an older step than the last one used is refused as well.
  const std::string older = TotpCode(kRfcSecret, now - seconds(kTotpPeriodSeconds));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, older, now, *first).has_value());
  // The next step's code is still good.
  const std::string next = TotpCode(kRfcSecret, now + seconds(kTotpPeriodSeconds));
  auto later = VerifyTotp(kRfcSecret, next, now + seconds(kTotpPeriodSeconds), *first);
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(*later, *first + 1);
}

TEST(TotpTest, SpacesInTheCodeAreIgnored) {
  const Seconds now = At(59);
  EXPECT_EQ(*VerifyTotp(kRfcSecret, "287 082", now, 0), 1);
  EXPECT_EQ(*VerifyTotp(kRfcSecret, " 28 70 82 ", now, 0), 1);
}

TEST(TotpTest, MalformedCodeOrSecretIsInvalidArgument) {
  const Seconds now = At(59);
  for (std::string_view code :
       {"", "28708", "2870820", "28708a", "287-082", "２８７０８２", "287082\n"}) {
    auto matched = VerifyTotp(kRfcSecret, code, now, 0);
    ASSERT_FALSE(matched.has_value()) << code;
    EXPECT_EQ(matched.error().code(), ErrorCode::kInvalidArgument) << code;
  }
  for (std::string_view secret : {"", "not base32!", "1234"}) {
    auto matched = VerifyTotp(secret, "287082", now, 0);
    ASSERT_FALSE(matched.has_value()) << secret;
    EXPECT_EQ(matched.error().code(), ErrorCode::kInvalidArgument) << secret;
  }
}

}  // namespace
}  // namespace gazette::auth
