#include "content/user.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace gazette::content {
namespace {

TEST(UserTest, RoleRoundTrips) {
  const std::pair<Role, std::string_view> names[] = {
      {Role::kContributor, "contributor"}, {Role::kEditor, "editor"}, {Role::kAdmin, "admin"}};
  for (const auto& [role, name] : names) {
    EXPECT_EQ(RoleName(role), name);
    auto parsed = ParseRole(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, role);
  }
}

TEST(UserTest, UnknownRolesAreRefusedByName) {
  for (std::string_view name : {"", "Admin", "owner", "editor "}) {
    auto parsed = ParseRole(name);
    ASSERT_FALSE(parsed.has_value()) << name;
    EXPECT_EQ(parsed.error().code(), base::ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message(),
              "role must be 'contributor', 'editor' or 'admin', not '" + std::string(name) + "'");
  }
}

TEST(UserTest, PlausibleEmailAddressesPass) {
  for (std::string_view email :
       {"ann@example.com", "admin@localhost", "A.Lee+news@mail.example.org", "x@y"}) {
    EXPECT_TRUE(CheckEmail(email).has_value()) << email;
  }
  const std::string longest = std::string(kMaxEmailBytes - 12, 'a') + "@example.com";
  ASSERT_EQ(longest.size(), kMaxEmailBytes);
  EXPECT_TRUE(CheckEmail(longest).has_value());
}

TEST(UserTest, MalformedEmailAddressesAreRefused) {
  const std::string too_long = std::string(kMaxEmailBytes - 11, 'a') + "@example.com";
  for (std::string_view email :
       {std::string_view(""), std::string_view("ann"), std::string_view("@example.com"),
        std::string_view("ann@"), std::string_view("ann@b@example.com"),
        std::string_view("ann lee@example.com"), std::string_view("ann@example.com\n"),
        std::string_view("ann\t@example.com"), std::string_view("ann\x7f@example.com"),
        std::string_view(too_long)}) {
    auto checked = CheckEmail(email);
    ASSERT_FALSE(checked.has_value()) << email;
    EXPECT_EQ(checked.error().code(), base::ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(CheckEmail("ann").error().message(),
            "the email address 'ann' must have one '@' with text on both sides");
  EXPECT_EQ(CheckEmail("a b@c").error().message(),
            "the email address 'a b@c' contains a space or a control character");
  EXPECT_EQ(CheckEmail(too_long).error().message(), "the email address is longer than 254 bytes");
}

}  // namespace
}  // namespace gazette::content
