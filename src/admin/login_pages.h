// Signing in and out of the newsroom: the password form, the second-factor step for accounts
// with two-factor sign-in on, and signing out. Failed attempts are throttled per account and per
// client address, and a throttled attempt is told how long to wait (429 with Retry-After).
#pragma once

#include <string>

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET/POST /admin/login, POST /admin/login/code, POST /admin/logout.
// `dummy_hash` is a password hash of the configured cost, verified against when the email names
// no account, so that a wrong email takes as long as a wrong password.
void RegisterLoginPages(AdminRoutes& routes, AdminServices& services, std::string dummy_hash);

// The setting that holds the time step of a user's last accepted two-factor code: every place
// that accepts a code records it there, so that no code is accepted twice.
std::string TotpLastStepKey(int64_t user_id);

// Where to go after signing in: `next` when it is a newsroom path, else the dashboard.
std::string SafeNextPath(std::string_view next);

}  // namespace gazette::admin
