// What the newsroom's handlers share: the store, the clock, the configuration, the look, the
// sessions and the login throttle. Owned by Admin; page modules borrow it.
#pragma once

#include <string>

#include "admin/admin.h"
#include "admin/session_auth.h"
#include "admin/ui.h"
#include "auth/login_throttle.h"
#include "base/clock.h"
#include "store/store.h"

namespace gazette::admin {

struct AdminServices {
  store::Store& store;
  const base::Clock& clock;
  const AdminConfig& config;
  const Ui& ui;
  SessionAuth& sessions;
  auth::LoginThrottle& throttle;
  std::string signing_key;  // hex; signs the sign-in step that waits for a second factor
};

}  // namespace gazette::admin
