#include "auth/signed_value.h"

#include <sodium.h>

#include <array>
#include <optional>
#include <vector>

#include "auth/sodium.h"

namespace gazette::auth {
namespace {

constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string ToBase64(const unsigned char* bytes, size_t size) {
  std::string text(sodium_base64_ENCODED_LEN(size, kBase64Variant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, kBase64Variant);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string bytes(text.size(), '\0');
  size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), nullptr, &size, nullptr, kBase64Variant) != 0) {
    return std::nullopt;
  }
  bytes.resize(size);
  return bytes;
}

std::optional<std::array<unsigned char, kSigningKeyBytes>> KeyFromHex(std::string_view hex) {
  std::array<unsigned char, kSigningKeyBytes> key{};
  size_t size = 0;
  if (hex.size() != 2 * kSigningKeyBytes ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &size, nullptr) !=
          0 ||
      size != kSigningKeyBytes) {
    return std::nullopt;
  }
  return key;
}

std::array<unsigned char, crypto_auth_BYTES> Tag(std::string_view payload,
                                                 const std::array<unsigned char, 32>& key) {
  std::array<unsigned char, crypto_auth_BYTES> tag{};
  crypto_auth(tag.data(), reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
              key.data());
  return tag;
}

}  // namespace

static_assert(kSigningKeyBytes == crypto_auth_KEYBYTES);

base::Result<std::string> NewSigningKey() {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  std::array<unsigned char, kSigningKeyBytes> key{};
  crypto_auth_keygen(key.data());
  std::string hex(2 * kSigningKeyBytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  hex.pop_back();
  return hex;
}

base::Result<std::string> SignValue(std::string_view payload, std::string_view key_hex) {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  auto key = KeyFromHex(key_hex);
  if (!key) return base::InvalidArgumentError("the signing key is not 32 bytes in hex");
  const auto tag = Tag(payload, *key);
  return ToBase64(reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) + "." +
         ToBase64(tag.data(), tag.size());
}

base::Result<std::string> VerifySignedValue(std::string_view signed_value,
                                            std::string_view key_hex) {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  auto key = KeyFromHex(key_hex);
  const size_t dot = signed_value.find('.');
  auto refused = [] { return base::UnauthenticatedError("the signed value is not valid"); };
  if (!key || dot == std::string_view::npos) return refused();
  auto payload = FromBase64(signed_value.substr(0, dot));
  auto tag = FromBase64(signed_value.substr(dot + 1));
  if (!payload || !tag || tag->size() != crypto_auth_BYTES) return refused();
  if (crypto_auth_verify(reinterpret_cast<const unsigned char*>(tag->data()),
                         reinterpret_cast<const unsigned char*>(payload->data()), payload->size(),
                         key->data()) != 0) {
    return refused();
  }
  return *payload;
}

}  // namespace gazette::auth
