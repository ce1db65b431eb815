// Passwords of the newsroom's accounts: the rules a new one must meet, argon2id hashing and
// verification (libsodium), and a generator of strong ones for accounts made from the command line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::auth {

// How much work a hash costs. kInteractive (libsodium's interactive limits, ~64 MiB and some
// 100 ms here) is for real accounts; kMinimum (the smallest limits argon2id allows) is for tests
// only, where thousands of hashes must be cheap.
enum class PasswordCost { kInteractive, kMinimum };

inline constexpr size_t kMinPasswordCharacters = 10;  // UTF-8 characters
inline constexpr size_t kMaxPasswordBytes = 1024;
inline constexpr size_t kGeneratedPasswordLength = 20;
// The characters of a generated password: letters and digits that cannot be mistaken for each
// other when read aloud or copied from a screen (no 0/O/o, 1/l/I).
inline constexpr std::string_view kGeneratedPasswordAlphabet =
    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// Ok when `password` may be set: at least kMinPasswordCharacters characters and at most
// kMaxPasswordBytes bytes. Errors: InvalidArgument with a sentence for the person choosing it.
base::Status CheckPasswordRules(std::string_view password);

// An argon2id hash of `password` in libsodium's string format ("$argon2id$v=19$m=...,t=...,p=1$
// salt$hash"), with a new random salt. Slow on purpose: never call it on an I/O thread.
// Errors: InvalidArgument as CheckPasswordRules; Internal when libsodium fails (out of memory).
base::Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// Whether `password` is the one `hash` was made from. False, never a crash, when `hash` is not a
// well-formed hash or `password` is longer than kMaxPasswordBytes. Takes as long as hashing.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Whether `hash` was made with other limits than `cost`'s (or is not a well-formed hash), so
// that it should be replaced by a new hash the next time its password is given.
bool NeedsRehash(std::string_view hash, PasswordCost cost);

// kGeneratedPasswordLength characters drawn uniformly from kGeneratedPasswordAlphabet
// (about 116 bits). Errors: Internal when libsodium cannot be initialized.
base::Result<std::string> GeneratePassword();

}  // namespace gazette::auth
