// Short values the server hands to a browser and must get back unchanged (a sign-in waiting for
// its second factor), signed with a key only the servers know (HMAC-SHA-512-256, libsodium).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::auth {

// The length in bytes of a signing key.
inline constexpr size_t kSigningKeyBytes = 32;

// A new random key, as 64 lowercase hex digits. Errors: Internal when libsodium fails to start.
base::Result<std::string> NewSigningKey();

// "<base64url payload>.<base64url tag>". REQUIRES: `key_hex` came from NewSigningKey.
// Errors: InvalidArgument when the key is not kSigningKeyBytes in hex.
base::Result<std::string> SignValue(std::string_view payload, std::string_view key_hex);

// The payload of a value SignValue made with the same key. Unauthenticated when the value was
// changed, made with another key, or is not in SignValue's shape.
base::Result<std::string> VerifySignedValue(std::string_view signed_value,
                                            std::string_view key_hex);

}  // namespace gazette::auth
