// The user pages through the router, signed in for real: the list, accounts made with a password
// shown once and stored only as a hash, role and name changes, disabling (which ends sessions),
// password resets, and the rules that keep an admin from locking themself out.
#include "admin/user_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "admin/testing/newsroom_fixture.h"
#include "auth/password.h"

namespace gazette::admin {
namespace {

using testing::Client;
using ::testing::HasSubstr;
using ::testing::Not;

// The secret a result page shows in <code class="nr-secret">…</code>, or "".
std::string ShownSecret(const std::string& html) {
  const std::string open = "<code class=\"nr-secret\">";
  const size_t at = html.find(open);
  if (at == std::string::npos) return "";
  const size_t start = at + open.size();
  return html.substr(start, html.find('<', start) - start);
}

bool SignedIn(const Client& client) { return client.Get("/admin/").status == 200; }

class UserPagesTest : public testing::NewsroomFixture {
 protected:
  std::string UserUrl(int64_t id, std::string_view action = "") {
    return "/admin/users/" + std::to_string(id) + "/" + std::string(action);
  }
};

TEST_F(UserPagesTest, ListShowsEveryAccountWithRoleStateAndTwoFactor) {
  content::User other = store().GetUser(other_contributor_id_).value();
  other.disabled = true;
  other.totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  ASSERT_TRUE(store().UpdateUser(other).has_value());

  http::Response list = SignIn("admin@example.org").Get("/admin/users/");
  ASSERT_EQ(list.status, 200);
  const std::string& html = list.body;
  for (std::string_view email :
       {"admin@example.org", "editor@example.org", "writer@example.org", "other@example.org"}) {
    EXPECT_THAT(html, HasSubstr(std::string(email))) << email;
  }
  const std::string other_row = html.substr(html.find("other@example.org"));
  const std::string other_cells = other_row.substr(0, other_row.find("</tr>"));
  EXPECT_THAT(other_cells, HasSubstr(">Otto Other<"));
  EXPECT_THAT(other_cells, HasSubstr(">contributor<"));
  EXPECT_THAT(other_cells, HasSubstr(">disabled<"));
  EXPECT_THAT(other_cells, HasSubstr(">on<"));
  const std::string editor_row = html.substr(html.find("editor@example.org"));
  const std::string editor_cells = editor_row.substr(0, editor_row.find("</tr>"));
  EXPECT_THAT(editor_cells, HasSubstr(">active<"));
  EXPECT_THAT(editor_cells, HasSubstr(">off<"));
}

TEST_F(UserPagesTest, ANewAccountsPasswordIsShownOnceAndStoredOnlyAsAHash) {
  Client admin = SignIn("admin@example.org");
  EXPECT_EQ(admin.Get("/admin/users/new").status, 200);
  http::Response created = admin.Post(
      "/admin/users/", {{"email", "new@example.org"}, {"name", "Nia New"}, {"role", "editor"}});
  ASSERT_EQ(created.status, 200);
  EXPECT_EQ(created.Header("Cache-Control"), "no-store");
  const std::string password = ShownSecret(created.body);
  EXPECT_EQ(password.size(), auth::kGeneratedPasswordLength);

  auto user = store().GetUserByEmail("new@example.org");
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->name, "Nia New");
  EXPECT_EQ(user->role, content::Role::kEditor);
  EXPECT_EQ(user->password_hash.find(password), std::string::npos);
  EXPECT_TRUE(auth::VerifyPassword(user->password_hash, password));
  EXPECT_THAT(admin.Get("/admin/users/").body, Not(HasSubstr(password)));
  EXPECT_THAT(admin.Get(UserUrl(user->id)).body, Not(HasSubstr(password)));
}

TEST_F(UserPagesTest, BadOrTakenFieldsAreMarkedKeepTheInputAndStoreNothing) {
  Client admin = SignIn("admin@example.org");
  http::Response bad =
      admin.Post("/admin/users/", {{"email", "not an email"}, {"name", ""}, {"role", "owner"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("id=\"email-error\""));
  EXPECT_THAT(bad.body, HasSubstr("id=\"name-error\""));
  EXPECT_THAT(bad.body, HasSubstr("id=\"role-error\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"not an email\""));

  http::Response taken = admin.Post(
      "/admin/users/", {{"email", "Editor@Example.org"}, {"name", "Twin"}, {"role", "editor"}});
  EXPECT_EQ(taken.status, 422);
  EXPECT_THAT(taken.body, HasSubstr("An account with this email exists already."));
  EXPECT_THAT(taken.body, HasSubstr("value=\"Twin\""));
  EXPECT_EQ(store().ListUsers().value().size(), 4u);
}

TEST_F(UserPagesTest, EditorsAndContributorsMayNotManageUsers) {
  for (const char* email : {"editor@example.org", "writer@example.org"}) {
    Client client = SignIn(email);
    EXPECT_EQ(client.Get("/admin/users/").status, 403) << email;
    EXPECT_EQ(client
                  .Post("/admin/users/",
                        {{"email", "sneaky@example.org"}, {"name", "Sneaky"}, {"role", "admin"}})
                  .status,
              403)
        << email;
    EXPECT_EQ(client.Post(UserUrl(contributor_id_), {{"name", "Wren"}, {"role", "admin"}}).status,
              403);
  }
  EXPECT_FALSE(store().GetUserByEmail("sneaky@example.org").has_value());
  EXPECT_EQ(store().GetUser(contributor_id_).value().role, content::Role::kContributor);
}

TEST_F(UserPagesTest, AnAdminChangesAnothersNameAndRole) {
  Client admin = SignIn("admin@example.org");
  ASSERT_EQ(admin.Get(UserUrl(contributor_id_)).status, 200);
  http::Response saved =
      admin.Post(UserUrl(contributor_id_), {{"name", "Wren Editor"}, {"role", "editor"}});
  EXPECT_EQ(saved.status, 303);
  content::User user = store().GetUser(contributor_id_).value();
  EXPECT_EQ(user.name, "Wren Editor");
  EXPECT_EQ(user.role, content::Role::kEditor);
  EXPECT_EQ(admin.Get(UserUrl(999)).status, 404);
}

TEST_F(UserPagesTest, AnAdminCannotDemoteDisableOrResetThemself) {
  Client admin = SignIn("admin@example.org");
  http::Response demoted = admin.Post(UserUrl(admin_id_), {{"name", "Ada"}, {"role", "editor"}});
  EXPECT_EQ(demoted.status, 422);
  EXPECT_THAT(demoted.body, HasSubstr("You cannot take the admin role from yourself."));
  EXPECT_EQ(store().GetUser(admin_id_).value().role, content::Role::kAdmin);

  http::Response disabled = admin.Post(UserUrl(admin_id_, "disable"));
  EXPECT_EQ(disabled.status, 422);
  EXPECT_THAT(disabled.body, HasSubstr("You cannot disable your own account."));
  EXPECT_FALSE(store().GetUser(admin_id_).value().disabled);

  const std::string hash = store().GetUser(admin_id_).value().password_hash;
  http::Response reset = admin.Post(UserUrl(admin_id_, "password"));
  EXPECT_EQ(reset.status, 422);
  EXPECT_EQ(store().GetUser(admin_id_).value().password_hash, hash);
  EXPECT_TRUE(SignedIn(admin));
}

TEST_F(UserPagesTest, DisablingEndsTheAccountsSessionsAndEnablingLetsItSignInAgain) {
  Client writer = SignIn("writer@example.org");
  ASSERT_TRUE(SignedIn(writer));
  Client admin = SignIn("admin@example.org");
  http::Response disabled = admin.Post(UserUrl(contributor_id_, "disable"));
  EXPECT_EQ(disabled.status, 303);
  EXPECT_TRUE(store().GetUser(contributor_id_).value().disabled);
  EXPECT_FALSE(SignedIn(writer));
  EXPECT_EQ(store().DeleteUserSessions(contributor_id_).value(), 0);
  EXPECT_THAT(admin.Get(UserUrl(contributor_id_) + "?notice=disabled").body,
              HasSubstr("The account was disabled"));

  EXPECT_EQ(admin.Post(UserUrl(contributor_id_, "enable")).status, 303);
  EXPECT_FALSE(store().GetUser(contributor_id_).value().disabled);
  EXPECT_TRUE(SignedIn(SignIn("writer@example.org")));
}

TEST_F(UserPagesTest, AResetPasswordIsShownOnceAndEndsTheAccountsSessions) {
  Client writer = SignIn("writer@example.org");
  Client admin = SignIn("admin@example.org");
  http::Response reset = admin.Post(UserUrl(contributor_id_, "password"));
  ASSERT_EQ(reset.status, 200);
  const std::string password = ShownSecret(reset.body);
  ASSERT_EQ(password.size(), auth::kGeneratedPasswordLength);
  const content::User user = store().GetUser(contributor_id_).value();
  EXPECT_TRUE(auth::VerifyPassword(user.password_hash, password));
  EXPECT_FALSE(auth::VerifyPassword(user.password_hash, testing::kPassword));
  EXPECT_FALSE(SignedIn(writer));
}

TEST_F(UserPagesTest, AnAdminTurnsOffAnothersTwoFactorSignIn) {
  content::User writer = store().GetUser(contributor_id_).value();
  writer.totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  ASSERT_TRUE(store().UpdateUser(writer).has_value());
  Client admin = SignIn("admin@example.org");
  EXPECT_THAT(admin.Get(UserUrl(contributor_id_)).body, HasSubstr("totp-off"));
  EXPECT_EQ(admin.Post(UserUrl(contributor_id_, "totp-off")).status, 303);
  EXPECT_FALSE(store().GetUser(contributor_id_).value().totp_secret.has_value());
}

}  // namespace
}  // namespace gazette::admin
