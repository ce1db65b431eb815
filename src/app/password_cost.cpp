#include "app/password_cost.h"

#include <cstdlib>
#include <string_view>

namespace gazette::app {

auth::PasswordCost PasswordCostForThisProcess() {
  const char* value = std::getenv("GAZETTE_TEST_PASSWORD_COST");
  if (value != nullptr && std::string_view(value) == "minimum") return auth::PasswordCost::kMinimum;
  return auth::PasswordCost::kInteractive;
}

}  // namespace gazette::app
