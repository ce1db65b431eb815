#include "auth/token.h"

#include <sodium.h>

#include <array>

#include "auth/sodium.h"

namespace gazette::auth {

base::Result<std::string> NewSessionToken() {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  std::array<unsigned char, kSessionTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kSessionTokenBytes, kVariant)> text;
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  std::string token(text.data());
  sodium_memzero(text.data(), text.size());
  return token;
}

// SHA-256, hex and comparison have a single implementation each: they need no sodium_init().
std::string HashToken(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace gazette::auth
