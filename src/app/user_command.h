// `gazette user add|passwd|list|disable|enable`: the newsroom's accounts, managed from the command
// line on a site folder; and the account creation that `gazette init` shares with `user add`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password.h"
#include "base/clock.h"
#include "base/result.h"
#include "content/user.h"
#include "store/store.h"

namespace gazette::app {

// Where a command gets a new password: the terminal, standard input or the generator. Called at
// most once, and only after everything else the command needs has been checked, so that nobody
// types a password for a command that fails anyway.
using PasswordSource = std::function<base::Result<std::string>()>;

struct NewAccount {
  std::string email;  // must pass content::CheckEmail
  std::string name;   // shown to colleagues; empty: the part of the email before '@'
  content::Role role = content::Role::kContributor;
};

// Stores a new account with `password` hashed at `cost`, created at clock.Now(); returns it.
// Errors: InvalidArgument for an email that fails content::CheckEmail, a name with control
// characters, or a password that fails auth::CheckPasswordRules; Conflict "user 'EMAIL' already
// exists" (emails are compared without regard to ASCII case); the store's errors.
base::Result<content::User> CreateAccount(store::Store& store, const NewAccount& account,
                                          std::string_view password, auth::PasswordCost cost,
                                          const base::Clock& clock);

// `user add`: CreateAccount on the site folder `dir`, with a password from `password`, which is
// asked only once the account is known to be valid and its email free.
// Errors: as CreateAccount, OpenSiteStore and `password`.
base::Result<content::User> AddUser(const std::filesystem::path& dir, const NewAccount& account,
                                    const PasswordSource& password, auth::PasswordCost cost,
                                    const base::Clock& clock);

// `user passwd`: gives the user with `email` a new password from `password` (asked once the user
// is found), hashed at `cost`, and ends all of their sessions; returns how many were ended.
// Errors: NotFound "no user 'EMAIL'"; InvalidArgument when the password breaks the rules; as
// OpenSiteStore and `password`.
base::Result<int64_t> ChangePassword(const std::filesystem::path& dir, std::string_view email,
                                     const PasswordSource& password, auth::PasswordCost cost);

// `user disable` (disabled = true), which also ends the user's sessions, and `user enable`.
// Returns how many sessions were ended (0 when enabling). Doing either twice is not an error.
// Errors: NotFound "no user 'EMAIL'"; as OpenSiteStore.
base::Result<int64_t> SetUserDisabled(const std::filesystem::path& dir, std::string_view email,
                                      bool disabled);

// `user list`: every account of the site folder `dir`, by email. Errors: as OpenSiteStore.
base::Result<std::vector<content::User>> ListAccounts(const std::filesystem::path& dir);

// The users as a table for a terminal: a header line "EMAIL NAME ROLE DISABLED", then one line
// per user, columns padded with spaces to line up (counting UTF-8 characters), "yes" or "no"
// in the last.
std::string FormatUserTable(const std::vector<content::User>& users);

}  // namespace gazette::app
