// The newsroom's people: user accounts with their roles, the sessions they sign in with, and the
// rule an email address must meet. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace gazette::content {

// What an account may do: contributors write drafts, editors publish, admins manage the site.
// Each role may do everything the roles before it may.
enum class Role { kContributor, kEditor, kAdmin };
std::string_view RoleName(Role role);  // "contributor" | "editor" | "admin"
base::Result<Role> ParseRole(std::string_view name);

// The longest email address accepted, in bytes (RFC 5321's limit on a path, less its brackets).
inline constexpr size_t kMaxEmailBytes = 254;

// Ok when `email` can name an account: at most kMaxEmailBytes, exactly one '@' with something
// on each side, no spaces or control characters. It does not check that mail can be delivered.
// Errors: InvalidArgument with a sentence naming the problem.
base::Status CheckEmail(std::string_view email);

struct User {
  int64_t id = 0;
  std::string email;  // unique, compared without regard to ASCII case
  std::string name;   // shown to colleagues
  Role role = Role::kContributor;
  std::string password_hash;               // argon2id, in libsodium's string format
  std::optional<std::string> totp_secret;  // a second factor, once set up
  bool disabled = false;                   // a disabled account cannot sign in
  base::Seconds created_at{};
};

// One signed-in browser. The browser holds a random token; only its hash is kept.
struct Session {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;  // echoed by every form the session posts
  base::Seconds created_at{};
  base::Seconds expires_at{};  // the session ends at this second
  base::Seconds last_seen_at{};
};

// A key a script uses to call the Admin API as one user. Only the hash of its secret is kept.
struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;  // what the user called it ("newsletter script")
  std::string token_hash;
  base::Seconds created_at{};
  std::optional<base::Seconds> last_used_at;
};

}  // namespace gazette::content
