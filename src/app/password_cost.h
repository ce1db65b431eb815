// How costly the password hashes made by this process are: the one place that reads the
// test-only switch GAZETTE_TEST_PASSWORD_COST.
#pragma once

#include "auth/password.h"

namespace gazette::app {

// auth::PasswordCost::kInteractive, unless the environment variable GAZETTE_TEST_PASSWORD_COST
// is exactly "minimum": then kMinimum, so that test suites creating many accounts stay fast.
// FOR TESTS ONLY: a site whose passwords were hashed at minimum cost is easy to crack once its
// database leaks. Any other value of the variable is ignored.
auth::PasswordCost PasswordCostForThisProcess();

}  // namespace gazette::app
