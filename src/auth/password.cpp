#include "auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "auth/sodium.h"

namespace gazette::auth {
namespace {

struct Limits {
  unsigned long long ops;
  size_t mem;
};

Limits LimitsOf(PasswordCost cost) {
  if (cost == PasswordCost::kMinimum) {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

// A NUL-terminated copy of a stored hash, as libsodium reads it; false when it cannot be one.
using HashBuffer = std::array<char, crypto_pwhash_STRBYTES>;
bool ToHashBuffer(std::string_view hash, HashBuffer& buffer) {
  if (hash.size() >= buffer.size() || hash.find('\0') != std::string_view::npos) return false;
  buffer.fill('\0');
  std::copy(hash.begin(), hash.end(), buffer.begin());
  return true;
}

// UTF-8 characters: every byte that does not continue a multi-byte sequence starts one.
size_t CountCharacters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

base::Status CheckPasswordRules(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return base::InvalidArgumentError("the password must be at most " +
                                      std::to_string(kMaxPasswordBytes) + " bytes long");
  }
  if (CountCharacters(password) < kMinPasswordCharacters) {
    return base::InvalidArgumentError("the password must be at least " +
                                      std::to_string(kMinPasswordCharacters) + " characters long");
  }
  return base::Ok();
}

base::Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (auto allowed = CheckPasswordRules(password); !allowed) {
    return base::Unexpected(allowed.error());
  }
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  const Limits limits = LimitsOf(cost);
  HashBuffer hash;
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(), limits.ops, limits.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return base::InternalError("could not hash the password (out of memory)");
  }
  return std::string(hash.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  HashBuffer buffer;
  if (password.size() > kMaxPasswordBytes || !ToHashBuffer(hash, buffer)) return false;
  if (!InitSodium()) return false;
  return crypto_pwhash_str_verify(buffer.data(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, PasswordCost cost) {
  HashBuffer buffer;
  if (!ToHashBuffer(hash, buffer) || !InitSodium()) return true;
  const Limits limits = LimitsOf(cost);
  return crypto_pwhash_str_needs_rehash(buffer.data(), limits.ops, limits.mem) != 0;
}

base::Result<std::string> GeneratePassword() {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  std::string password(kGeneratedPasswordLength, '\0');
  for (char& c : password) {
    c = kGeneratedPasswordAlphabet[randombytes_uniform(
        static_cast<uint32_t>(kGeneratedPasswordAlphabet.size()))];
  }
  return password;
}

}  // namespace gazette::auth
