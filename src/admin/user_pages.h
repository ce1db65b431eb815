// The newsroom's user pages, for admins: every account with its role and state, and the forms
// that create an account, change its name or role, disable or enable it, give it a new password
// or turn its two-factor sign-in off (for someone who lost their phone).
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/users/ (the list, by email), GET /admin/users/new and POST /admin/users/ (create),
// GET and POST /admin/users/{id}/ (name and role), POST /admin/users/{id}/disable, /enable,
// /password and /totp-off.
//
// Passwords are generated (auth::GeneratePassword), stored only as hashes, never logged, and
// shown once on the page that answers the POST that made them (creating the account, or a
// reset). Disabling an account and resetting its password end all its sessions. An admin cannot
// take the admin role from themself, disable themself or reset their own password here (their
// profile page does that): such a request is answered 422 with a sentence saying so, and changes
// nothing. Bad input shows the form again with the input kept and messages next to the fields
// (422); an email another account has gets one too.
void RegisterUserPages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
