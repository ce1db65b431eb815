#include "auth/sodium.h"

#include <sodium.h>

namespace gazette::auth {

base::Status InitSodium() {
  // A function-local static is initialized exactly once, even when threads race to it.
  static const bool initialized = sodium_init() >= 0;
  if (!initialized) return base::InternalError("libsodium could not be initialized");
  return base::Ok();
}

}  // namespace gazette::auth
