#include "auth/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <memory>

#include "auth/sodium.h"
#include "auth/token.h"

namespace gazette::auth {
namespace {

constexpr int64_t kStepsBeforeAndAfter = 1;

base::Status InitOath() {
  // A function-local static is initialized exactly once, even when threads race to it.
  static const int rc = oath_init();
  if (rc != OATH_OK) {
    return base::InternalError(std::string("liboath could not be initialized: ") +
                               oath_strerror(rc));
  }
  return base::Ok();
}

// Frees memory that liboath allocated for a secret, wiping it first.
struct WipeAndFree {
  size_t size = 0;
  void operator()(char* bytes) const {
    sodium_memzero(bytes, size);
    std::free(bytes);
  }
};
using SecretBytes = std::unique_ptr<char, WipeAndFree>;

base::Result<SecretBytes> DecodeSecret(std::string_view secret) {
  if (auto ready = InitOath(); !ready) return base::Unexpected(ready.error());
  char* bytes = nullptr;
  size_t size = 0;
  const int rc = secret.empty() ? OATH_INVALID_BASE32
                                : oath_base32_decode(secret.data(), secret.size(), &bytes, &size);
  SecretBytes key(bytes, WipeAndFree{size});
  if (rc != OATH_OK || size == 0) {
    return base::InvalidArgumentError("the two-factor secret is not base32");
  }
  return key;
}

// The code of `step`: TOTP is HOTP over the step number (RFC 6238, section 4).
base::Result<std::string> CodeAtStep(const SecretBytes& key, int64_t step) {
  std::array<char, kTotpDigits + 1> code;
  const int rc = oath_totp_generate(
      key.get(), key.get_deleter().size, static_cast<time_t>(step * kTotpPeriodSeconds),
      kTotpPeriodSeconds, OATH_TOTP_DEFAULT_START_TIME, kTotpDigits, code.data());
  if (rc != OATH_OK) {
    return base::InternalError(std::string("liboath could not make a code: ") + oath_strerror(rc));
  }
  return std::string(code.data(), kTotpDigits);
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void AppendPercentEncoded(std::string_view text, std::string& out) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  for (const char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
}

}  // namespace

base::Result<std::string> NewTotpSecret() {
  if (auto ready = InitSodium(); !ready) return base::Unexpected(ready.error());
  if (auto ready = InitOath(); !ready) return base::Unexpected(ready.error());
  std::array<char, kTotpSecretBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  char* text = nullptr;
  size_t length = 0;
  const int rc = oath_base32_encode(bytes.data(), bytes.size(), &text, &length);
  sodium_memzero(bytes.data(), bytes.size());
  const SecretBytes owned_text(text, WipeAndFree{length});
  if (rc != OATH_OK) {
    return base::InternalError(std::string("liboath could not encode a secret: ") +
                               oath_strerror(rc));
  }
  std::string secret(text, length);
  secret.erase(secret.find_last_not_of('=') + 1);
  return secret;
}

std::string TotpProvisioningUri(std::string_view issuer, std::string_view account,
                                std::string_view secret) {
  std::string uri = "otpauth://totp/";
  AppendPercentEncoded(issuer, uri);
  uri += ':';
  AppendPercentEncoded(account, uri);
  uri += "?secret=";
  AppendPercentEncoded(secret, uri);
  uri += "&issuer=";
  AppendPercentEncoded(issuer, uri);
  uri += "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpPeriodSeconds);
  return uri;
}

int64_t TotpStep(base::Seconds at) {
  const int64_t seconds = at.time_since_epoch().count();
  // Rounds toward minus infinity, so that a second before the epoch is in step -1.
  return seconds >= 0 ? seconds / kTotpPeriodSeconds
                      : -((-seconds + kTotpPeriodSeconds - 1) / kTotpPeriodSeconds);
}

std::string TotpCode(std::string_view secret, base::Seconds at) {
  const int64_t step = TotpStep(at);
  if (step < 0) return "";
  auto key = DecodeSecret(secret);
  if (!key) return "";
  auto code = CodeAtStep(*key, step);
  return code ? *code : "";
}

base::Result<int64_t> VerifyTotp(std::string_view secret, std::string_view code, base::Seconds now,
                                 int64_t last_used_step) {
  std::string digits;
  for (const char c : code) {
    if (c != ' ') digits += c;
  }
  if (digits.size() != static_cast<size_t>(kTotpDigits) ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return base::InvalidArgumentError("a two-factor code is " + std::to_string(kTotpDigits) +
                                      " digits");
  }
  auto key = DecodeSecret(secret);
  if (!key) return base::Unexpected(key.error());
  const int64_t current = TotpStep(now);
  bool replayed = false;
  for (int64_t step = current - kStepsBeforeAndAfter; step <= current + kStepsBeforeAndAfter;
       ++step) {
    if (step < 0) continue;
    auto expected = CodeAtStep(*key, step);
    if (!expected) return base::Unexpected(expected.error());
    if (!ConstantTimeEquals(*expected, digits)) continue;
    if (step > last_used_step) return step;
    replayed = true;
  }
  if (replayed)
    return base::UnauthenticatedError("the code was already used; wait for the next one");
  return base::UnauthenticatedError("the code is not right");
}

}  // namespace gazette::auth
