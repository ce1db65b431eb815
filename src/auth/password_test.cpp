#include "auth/password.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gazette::auth {
namespace {

using base::ErrorCode;

constexpr std::string_view kPassword = "correct horse battery staple";

std::string MustHash(std::string_view password, PasswordCost cost = PasswordCost::kMinimum) {
  auto hash = HashPassword(password, cost);
  EXPECT_TRUE(hash.has_value()) << hash.error().ToString();
  return hash.value_or("");
}

TEST(PasswordTest, HashIsArgon2idAndVerifiesOnlyItsPassword) {
  const std::string hash = MustHash(kPassword);
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$")) << hash;
  EXPECT_TRUE(VerifyPassword(hash, kPassword));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(hash, "Correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST(PasswordTest, EachHashHasItsOwnSalt) {
  const std::string first = MustHash(kPassword);
  const std::string second = MustHash(kPassword);
  EXPECT_NE(first, second);
  EXPECT_TRUE(VerifyPassword(first, kPassword));
  EXPECT_TRUE(VerifyPassword(second, kPassword));
}

TEST(PasswordTest, InteractiveCostVerifiesAndCarriesItsLimits) {
  const std::string hash = MustHash(kPassword, PasswordCost::kInteractive);
  EXPECT_TRUE(VerifyPassword(hash, kPassword));
  EXPECT_FALSE(VerifyPassword(hash, "another password"));
  EXPECT_FALSE(NeedsRehash(hash, PasswordCost::kInteractive));
  EXPECT_TRUE(NeedsRehash(hash, PasswordCost::kMinimum));
  EXPECT_TRUE(NeedsRehash(MustHash(kPassword), PasswordCost::kInteractive));
  EXPECT_FALSE(NeedsRehash(MustHash(kPassword), PasswordCost::kMinimum));
}

TEST(PasswordTest, CorruptedHashesAreFalseNotCrashes) {
  const std::string hash = MustHash(kPassword);
  // One character inside the hash part (every bit of it counts there) made another.
  std::string flipped = hash;
  char& inside = flipped[flipped.size() - 10];
  inside = inside == 'A' ? 'B' : 'A';
  std::string bad_salt = hash;
  bad_salt[hash.rfind('$') - 1] = '*';
  EXPECT_FALSE(VerifyPassword(flipped, kPassword));
  EXPECT_FALSE(VerifyPassword(bad_salt, kPassword));
  // These are not argon2id hashes at all: nothing to verify against, and due for replacement.
  for (const std::string& malformed :
       {std::string(), std::string("$argon2id$"), hash.substr(0, hash.size() / 2),
        std::string("$2b$12$abcdefghijklmnopqrstuv"), std::string(500, '$'),
        hash + std::string(1, '\0') + "tail", std::string("$argon2id$v=19$m=8,t=1,p=1$$")}) {
    EXPECT_FALSE(VerifyPassword(malformed, kPassword)) << malformed;
    EXPECT_TRUE(NeedsRehash(malformed, PasswordCost::kMinimum)) << malformed;
  }
}

TEST(PasswordTest, LengthLimitsAreInvalidArgumentsWithReadableMessages) {
  auto short_one = HashPassword("nine char", PasswordCost::kMinimum);
  ASSERT_FALSE(short_one.has_value());
  EXPECT_EQ(short_one.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(short_one.error().message(), "the password must be at least 10 characters long");

  auto long_one = HashPassword(std::string(kMaxPasswordBytes + 1, 'x'), PasswordCost::kMinimum);
  ASSERT_FALSE(long_one.has_value());
  EXPECT_EQ(long_one.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(long_one.error().message(), "the password must be at most 1024 bytes long");

  EXPECT_TRUE(CheckPasswordRules("ten chars!").has_value());
  EXPECT_TRUE(CheckPasswordRules(std::string(kMaxPasswordBytes, 'x')).has_value());
  EXPECT_FALSE(VerifyPassword(MustHash(std::string(kMaxPasswordBytes, 'x')),
                              std::string(kMaxPasswordBytes + 1, 'x')));
}

TEST(PasswordTest, LengthCountsCharactersNotBytes) {
  // Nine characters in eighteen bytes: too short. Ten: long enough.
  const std::string nine = "ééééééééé";
  ASSERT_EQ(nine.size(), 18u);
  EXPECT_FALSE(CheckPasswordRules(nine).has_value());
  const std::string ten = nine + "é";
  EXPECT_TRUE(CheckPasswordRules(ten).has_value());
  EXPECT_TRUE(VerifyPassword(MustHash(ten), ten));
}

TEST(PasswordTest, GeneratedPasswordsUseTheAlphabetPassTheRulesAndDiffer) {
  std::set<std::string> seen;
  std::set<char> characters;
  for (int i = 0; i < 200; ++i) {
    auto password = GeneratePassword();
    ASSERT_TRUE(password.has_value());
    ASSERT_EQ(password->size(), kGeneratedPasswordLength);
    for (char c : *password) {
      ASSERT_NE(kGeneratedPasswordAlphabet.find(c), std::string_view::npos) << *password;
      characters.insert(c);
    }
    EXPECT_TRUE(CheckPasswordRules(*password).has_value());
    seen.insert(*password);
  }
  EXPECT_EQ(seen.size(), 200u);
  // 4000 draws from 56 characters: every one of them turns up (missing one has p < 1e-29).
  EXPECT_EQ(characters.size(), kGeneratedPasswordAlphabet.size());
  for (char ambiguous : std::string_view("0Oo1lI")) {
    EXPECT_EQ(kGeneratedPasswordAlphabet.find(ambiguous), std::string_view::npos) << ambiguous;
  }
}

}  // namespace
}  // namespace gazette::auth
