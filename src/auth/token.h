// Session tokens: random 256-bit values handed to a browser in a cookie, and the hashes the store
// keeps instead of them, so that a copy of the database opens no session.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::auth {

inline constexpr size_t kSessionTokenBytes = 32;
// The length of a token as text: base64url of kSessionTokenBytes without padding.
inline constexpr size_t kSessionTokenLength = 43;
// The length of HashToken's result: SHA-256 in hex.
inline constexpr size_t kTokenHashLength = 64;

// kSessionTokenBytes from libsodium's random generator, as base64url without padding (safe in a
// cookie and a URL). Errors: Internal when libsodium cannot be initialized.
base::Result<std::string> NewSessionToken();

// SHA-256 of `token`, 64 lowercase hex digits: what the store keeps and looks sessions up by.
// The same token always gives the same hash. A token's 256 random bits make a salt or a slow
// hash unnecessary.
std::string HashToken(std::string_view token);

// Whether `a` and `b` are equal, in a time that depends on their length only, not on where they
// differ: for comparing secrets (CSRF tokens) that an attacker may probe.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gazette::auth
