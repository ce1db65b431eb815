// What the newsroom's handlers share: the store, the clock, the configuration, the look, the
// sessions, the login throttle and the signing key. Owned by Admin; page modules borrow it.
#pragma once

#include <string>

#include "admin/admin.h"
#include "admin/session_auth.h"
#include "admin/ui.h"
#include "auth/login_throttle.h"
#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"

namespace gazette::admin {

struct AdminServices {
  store::Store& store;
  const base::Clock& clock;
  const AdminConfig& config;
  const Ui& ui;
  SessionAuth& sessions;
  auth::LoginThrottle& throttle;

  // The key (hex) that signs the sign-in step waiting for a second factor and a two-factor setup,
  // read from the store at each use: nodes that started together on a new database may each have
  // stored one, and only the one stored last is every node's.
  base::Result<std::string> SigningKey() const;
};

}  // namespace gazette::admin
