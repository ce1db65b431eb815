// libsodium for the auth component: initialized once per process, from whichever thread first
// needs it. Private to src/auth/.
#pragma once

#include "base/result.h"

namespace gazette::auth {

// Ok once sodium_init() has succeeded; later calls return at once. Safe for concurrent use.
// Errors: Internal "libsodium could not be initialized".
base::Status InitSodium();

}  // namespace gazette::auth
