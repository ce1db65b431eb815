// Two-factor codes (RFC 6238 TOTP, on liboath) as authenticator apps make them: HMAC-SHA-1, 30 s
// steps, 6 digits; the secrets behind them and the otpauth:// URI that carries one to an app.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace gazette::auth {

inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends
// The length of NewTotpSecret's result: base32 of kTotpSecretBytes without padding.
inline constexpr size_t kTotpSecretLength = 32;
inline constexpr int kTotpDigits = 6;
inline constexpr int64_t kTotpPeriodSeconds = 30;

// kTotpSecretBytes from libsodium's random generator as RFC 4648 base32 (A-Z, 2-7) without
// padding: what the store keeps and what an app is given. Errors: Internal when libsodium or
// liboath cannot be initialized, or memory runs out.
base::Result<std::string> NewTotpSecret();

// "otpauth://totp/ISSUER:ACCOUNT?secret=SECRET&issuer=ISSUER&algorithm=SHA1&digits=6&period=30",
// the Key URI an authenticator app reads from a QR code, with ISSUER and ACCOUNT percent-encoded
// (every byte but A-Z a-z 0-9 - . _ ~) in the label and the parameters alike.
std::string TotpProvisioningUri(std::string_view issuer, std::string_view account,
                                std::string_view secret);

// The time step `at` falls in: whole kTotpPeriodSeconds since the Unix epoch, rounded down.
int64_t TotpStep(base::Seconds at);

// The kTotpDigits-digit code of `secret` (base32, as NewTotpSecret makes; case and spaces do not
// matter) at time `at`. Empty when `secret` is not base32 of at least one byte, or `at` is before
// the Unix epoch.
std::string TotpCode(std::string_view secret, base::Seconds at);

// Checks `code` against `secret` at time `now`: the code of now's step or of one step either side
// (clocks drift, people type slowly) matches, unless that step is <= `last_used_step`, so that a
// code is accepted once only. Returns the matched step, which the caller stores as the new
// `last_used_step` (pass 0 before any code was accepted).
// Errors: InvalidArgument when `code` is not kTotpDigits digits (spaces are ignored) or `secret`
// is not base32 of at least one byte; Unauthenticated "the code is not right" when no step in the
// window has that code, and Unauthenticated "the code was already used; wait for the next one"
// when only a step <= `last_used_step` has it; Internal when liboath fails.
base::Result<int64_t> VerifyTotp(std::string_view secret, std::string_view code, base::Seconds now,
                                 int64_t last_used_step);

}  // namespace gazette::auth
