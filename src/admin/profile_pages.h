// The newsroom's profile pages, for every signed-in user: their own name and password, their
// two-factor sign-in (set up with an authenticator app, or turned off), and the API tokens their
// scripts call the Admin API with.
#pragma once

#include "admin/admin_services.h"
#include "admin/routes.h"

namespace gazette::admin {

// GET /admin/profile/ shows it all; each change posts one form and ends with a 303 back:
//   POST /admin/profile/name          the name (not empty, one line)
//   POST /admin/profile/password      current_password, new_password, new_password_again. The
//       present password is checked under the sign-in throttle (too many wrong ones: 429). On
//       success every session of the user ends, this one included, and this browser is given a
//       new session (a new cookie and CSRF token) in the 303 that answers it, so that a session
//       someone else may hold on the old password does not survive the change.
//   GET /admin/profile/totp           the setup page: a new secret as text and as a QR code of
//       its otpauth:// URI, and a form to confirm it with a code from the app. The pending
//       secret travels in a hidden field signed with the site's key (bound to the user, valid 30
//       minutes), so that no one can swap in a secret of their choosing.
//   POST /admin/profile/totp          pending, code: a right code stores the secret; a wrong
//       one shows the setup page again (422); a changed, expired or another user's pending
//       value is refused (400) and stores nothing.
//   POST /admin/profile/totp/off      off_password or off_code (either proves it is the user).
//   POST /admin/profile/tokens        token_name: makes a token, answered with a page (200) that
//       shows it once; only its hash is stored.
//   POST /admin/profile/tokens/{id}/revoke   revokes one of the user's own tokens (404 if not).
// Bad input shows the profile again with the input kept (but never a password) and a message
// next to each wrong field (422), and changes nothing.
void RegisterProfilePages(AdminRoutes& routes, AdminServices& services);

}  // namespace gazette::admin
