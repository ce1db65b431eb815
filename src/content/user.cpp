#include "content/user.h"

#include <algorithm>

namespace gazette::content {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kContributor:
      return "contributor";
    case Role::kEditor:
      return "editor";
    case Role::kAdmin:
      return "admin";
  }
  return "contributor";
}

base::Result<Role> ParseRole(std::string_view name) {
  for (auto role : {Role::kContributor, Role::kEditor, Role::kAdmin}) {
    if (RoleName(role) == name) return role;
  }
  return base::InvalidArgumentError("role must be 'contributor', 'editor' or 'admin', not '" +
                                    std::string(name) + "'");
}

base::Status CheckEmail(std::string_view email) {
  if (email.empty()) return base::InvalidArgumentError("the email address is empty");
  if (email.size() > kMaxEmailBytes) {
    return base::InvalidArgumentError("the email address is longer than " +
                                      std::to_string(kMaxEmailBytes) + " bytes");
  }
  const bool blank_or_control = std::any_of(email.begin(), email.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
  if (blank_or_control) {
    return base::InvalidArgumentError("the email address '" + std::string(email) +
                                      "' contains a space or a control character");
  }
  const size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == email.size() ||
      email.find('@', at + 1) != std::string_view::npos) {
    return base::InvalidArgumentError("the email address '" + std::string(email) +
                                      "' must have one '@' with text on both sides");
  }
  return base::Ok();
}

}  // namespace gazette::content
