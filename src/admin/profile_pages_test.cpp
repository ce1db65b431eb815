// The profile pages through the router, signed in for real: the name, a password change that
// renews the session, two-factor setup (a signed pending secret that cannot be swapped, codes
// that must be right) and turning it off, and API tokens that stop working once revoked.
#include "admin/profile_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "admin/session_auth.h"
#include "admin/testing/newsroom_fixture.h"
#include "auth/password.h"
#include "auth/signed_value.h"
#include "auth/totp.h"

namespace gazette::admin {
namespace {

using testing::Client;
using ::testing::HasSubstr;
using testing::kPassword;
using ::testing::Not;

// The value of the hidden field `name` in `html`, or "".
std::string HiddenField(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

// The secret a page shows in <code class="nr-secret">…</code>, without the spaces that group it.
std::string ShownSecret(const std::string& html) {
  const std::string open = "<code class=\"nr-secret\">";
  const size_t at = html.find(open);
  if (at == std::string::npos) return "";
  const size_t start = at + open.size();
  std::string secret;
  for (char c : html.substr(start, html.find('<', start) - start)) {
    if (c != ' ') secret += c;
  }
  return secret;
}

// A code of the right form that `secret` does not give now (nor one step either side).
std::string WrongCode(const std::string& secret, base::Seconds now) {
  for (int candidate = 0;; ++candidate) {
    std::string code = std::to_string(100000 + candidate);
    bool right = false;
    for (int step = -1; step <= 1; ++step) {
      right = right || auth::TotpCode(secret, now + std::chrono::seconds(30 * step)) == code;
    }
    if (!right) return code;
  }
}

bool SignedIn(const Client& client) { return client.Get("/admin/").status == 200; }

class ProfilePagesTest : public testing::NewsroomFixture {
 protected:
  // The Authorization header of `token` checked as the Admin API checks it.
  base::Result<Caller> CallWithToken(const std::string& token) {
    SessionAuth sessions(store(), clock(), {});
    http::Request request = testing::MakeRequest(http::Method::kGet, "/api/admin/v1/articles/");
    request.headers["authorization"] = "Bearer " + token;
    return sessions.FromApiToken(request);
  }

  // Opens the two-factor setup page and returns its secret and signed pending value.
  std::pair<std::string, std::string> StartSetup(const Client& client) {
    http::Response page = client.Get("/admin/profile/totp");
    EXPECT_EQ(page.status, 200);
    EXPECT_THAT(page.body, HasSubstr("<svg"));
    return {ShownSecret(page.body), HiddenField(page.body, "pending")};
  }

  std::optional<std::string> StoredSecret(int64_t user_id) {
    return store().GetUser(user_id).value().totp_secret;
  }
};

TEST_F(ProfilePagesTest, EveryRoleSeesAndRenamesItsOwnProfile) {
  Client writer = SignIn("writer@example.org");
  http::Response page = writer.Get("/admin/profile/");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("writer@example.org"));
  EXPECT_THAT(page.body, HasSubstr("value=\"Wren Writer\""));

  EXPECT_EQ(writer.Post("/admin/profile/name", {{"name", "Wren W. Writer"}}).status, 303);
  EXPECT_EQ(store().GetUser(contributor_id_).value().name, "Wren W. Writer");

  http::Response empty = writer.Post("/admin/profile/name", {{"name", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("id=\"name-error\""));
  EXPECT_EQ(store().GetUser(contributor_id_).value().name, "Wren W. Writer");
}

TEST_F(ProfilePagesTest, APasswordChangeNeedsThePresentOneAndFollowsTheRules) {
  Client writer = SignIn("writer@example.org");
  const std::string hash = store().GetUser(contributor_id_).value().password_hash;
  http::Response wrong =
      writer.Post("/admin/profile/password", {{"current_password", "not my password"},
                                              {"new_password", "a long new password"},
                                              {"new_password_again", "a long new password"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_THAT(wrong.body, HasSubstr("This is not your present password."));
  EXPECT_THAT(wrong.body, Not(HasSubstr("a long new password")));

  http::Response short_one =
      writer.Post("/admin/profile/password", {{"current_password", std::string(kPassword)},
                                              {"new_password", "short"},
                                              {"new_password_again", "short"}});
  EXPECT_EQ(short_one.status, 422);
  EXPECT_THAT(short_one.body, HasSubstr("id=\"new_password-error\""));

  http::Response differ =
      writer.Post("/admin/profile/password", {{"current_password", std::string(kPassword)},
                                              {"new_password", "a long new password"},
                                              {"new_password_again", "a long new passwort"}});
  EXPECT_EQ(differ.status, 422);
  EXPECT_THAT(differ.body, HasSubstr("id=\"new_password_again-error\""));
  EXPECT_EQ(store().GetUser(contributor_id_).value().password_hash, hash);
}

TEST_F(ProfilePagesTest, AChangedPasswordEndsEverySessionAndRenewsThisOne) {
  Client elsewhere = SignIn("writer@example.org");
  Client writer = SignIn("writer@example.org");
  http::Response changed =
      writer.Post("/admin/profile/password", {{"current_password", std::string(kPassword)},
                                              {"new_password", "a long new password"},
                                              {"new_password_again", "a long new password"}});
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(changed.Header("Location"), "/admin/profile/?notice=password");
  const std::string token = testing::SetCookieValue(changed, "gz_session");
  ASSERT_FALSE(token.empty());

  EXPECT_FALSE(SignedIn(elsewhere));
  EXPECT_FALSE(SignedIn(writer));
  Client renewed{this, "gz_session=" + token, ""};
  http::Response profile = renewed.Get("/admin/profile/?notice=password");
  EXPECT_EQ(profile.status, 200);
  EXPECT_THAT(profile.body, HasSubstr("Your password was changed."));
  const content::User user = store().GetUser(contributor_id_).value();
  EXPECT_TRUE(auth::VerifyPassword(user.password_hash, "a long new password"));
}

TEST_F(ProfilePagesTest, WrongPresentPasswordsAreThrottledLikeSignIns) {
  Client writer = SignIn("writer@example.org");
  const testing::Fields guess = {{"current_password", "a wrong guess"},
                                 {"new_password", "a long new password"},
                                 {"new_password_again", "a long new password"}};
  int status = 0;
  for (int attempt = 0; attempt < 10 && status != 429; ++attempt) {
    status = writer.Post("/admin/profile/password", guess).status;
  }
  EXPECT_EQ(status, 429);
  http::Response right =
      writer.Post("/admin/profile/password", {{"current_password", std::string(kPassword)},
                                              {"new_password", "a long new password"},
                                              {"new_password_again", "a long new password"}});
  EXPECT_EQ(right.status, 429) << "a throttled account is not tried at all";
  EXPECT_FALSE(right.Header("Retry-After").empty());
}

TEST_F(ProfilePagesTest, TwoFactorIsStoredOnlyAfterARightCode) {
  Client writer = SignIn("writer@example.org");
  auto [secret, pending] = StartSetup(writer);
  ASSERT_EQ(secret.size(), auth::kTotpSecretLength);
  ASSERT_FALSE(pending.empty());

  http::Response wrong = writer.Post(
      "/admin/profile/totp", {{"pending", pending}, {"code", WrongCode(secret, clock().Now())}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_THAT(wrong.body, HasSubstr("id=\"code-error\""));
  EXPECT_EQ(HiddenField(wrong.body, "pending"), pending);
  EXPECT_FALSE(StoredSecret(contributor_id_).has_value());

  http::Response right =
      writer.Post("/admin/profile/totp",
                  {{"pending", pending}, {"code", auth::TotpCode(secret, clock().Now())}});
  EXPECT_EQ(right.status, 303);
  EXPECT_EQ(right.Header("Location"), "/admin/profile/?notice=totp-on");
  EXPECT_EQ(StoredSecret(contributor_id_), secret);
  EXPECT_THAT(writer.Get("/admin/profile/").body, HasSubstr("/admin/profile/totp/off"));
}

TEST_F(ProfilePagesTest, APendingSecretThatWasChangedExpiredOrIsAnothersIsRefused) {
  Client writer = SignIn("writer@example.org");
  auto [secret, pending] = StartSetup(writer);
  const std::string code = auth::TotpCode(secret, clock().Now());

  std::string tampered = pending;
  const size_t dot = tampered.find('.');
  ASSERT_NE(dot, std::string::npos);
  tampered[dot / 2] = tampered[dot / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(writer.Post("/admin/profile/totp", {{"pending", tampered}, {"code", code}}).status,
            400);

  // A secret of someone else's choosing, even signed with the site's own key, is refused when it
  // was made for another account.
  const std::string key = store().GetSetting("auth.signing_key").value();
  const std::string chosen = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const int64_t until = clock().Now().time_since_epoch().count() + 600;
  const std::string others = auth::SignValue("totp-setup:" + std::to_string(other_contributor_id_) +
                                                 ":" + std::to_string(until) + ":" + chosen,
                                             key)
                                 .value();
  EXPECT_EQ(writer
                .Post("/admin/profile/totp",
                      {{"pending", others}, {"code", auth::TotpCode(chosen, clock().Now())}})
                .status,
            400);

  clock().Advance(std::chrono::minutes(31));
  EXPECT_EQ(writer
                .Post("/admin/profile/totp",
                      {{"pending", pending}, {"code", auth::TotpCode(secret, clock().Now())}})
                .status,
            400);
  EXPECT_FALSE(StoredSecret(contributor_id_).has_value());
}

TEST_F(ProfilePagesTest, TurningTwoFactorOffNeedsThePasswordOrAFreshCode) {
  Client writer = SignIn("writer@example.org");
  auto [secret, pending] = StartSetup(writer);
  const std::string used = auth::TotpCode(secret, clock().Now());
  ASSERT_EQ(writer.Post("/admin/profile/totp", {{"pending", pending}, {"code", used}}).status, 303);

  http::Response nothing = writer.Post("/admin/profile/totp/off");
  EXPECT_EQ(nothing.status, 422);
  EXPECT_EQ(writer.Post("/admin/profile/totp/off", {{"off_password", "not my password"}}).status,
            422);
  http::Response replay = writer.Post("/admin/profile/totp/off", {{"off_code", used}});
  EXPECT_EQ(replay.status, 422);
  EXPECT_THAT(replay.body, HasSubstr("already used"));
  EXPECT_TRUE(StoredSecret(contributor_id_).has_value());

  clock().Advance(std::chrono::seconds(30));
  http::Response off =
      writer.Post("/admin/profile/totp/off", {{"off_code", auth::TotpCode(secret, clock().Now())}});
  EXPECT_EQ(off.status, 303);
  EXPECT_FALSE(StoredSecret(contributor_id_).has_value());

  ASSERT_TRUE(store()
                  .UpdateUser([&] {
                    content::User user = store().GetUser(contributor_id_).value();
                    user.totp_secret = secret;
                    return user;
                  }())
                  .has_value());
  EXPECT_EQ(
      writer.Post("/admin/profile/totp/off", {{"off_password", std::string(kPassword)}}).status,
      303);
  EXPECT_FALSE(StoredSecret(contributor_id_).has_value());
}

TEST_F(ProfilePagesTest, AnApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked) {
  Client writer = SignIn("writer@example.org");
  http::Response created = writer.Post("/admin/profile/tokens", {{"token_name", "newsletter"}});
  ASSERT_EQ(created.status, 200);
  const std::string token = ShownSecret(created.body);
  ASSERT_FALSE(token.empty());

  auto caller = CallWithToken(token);
  ASSERT_TRUE(caller.has_value()) << caller.error().ToString();
  EXPECT_EQ(caller->user.id, contributor_id_);
  auto tokens = store().ListApiTokens(contributor_id_).value();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].name, "newsletter");
  EXPECT_NE(tokens[0].token_hash, token);

  http::Response profile = writer.Get("/admin/profile/");
  EXPECT_THAT(profile.body, HasSubstr(">newsletter<"));
  EXPECT_THAT(profile.body, Not(HasSubstr(token)));

  const std::string revoke = "/admin/profile/tokens/" + std::to_string(tokens[0].id) + "/revoke";
  EXPECT_EQ(SignIn("other@example.org").Post(revoke).status, 404);
  EXPECT_TRUE(CallWithToken(token).has_value());

  http::Response revoked = writer.Post(revoke);
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(revoked.Header("Location"), "/admin/profile/?notice=token-revoked");
  auto refused = CallWithToken(token);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), base::ErrorCode::kUnauthenticated);
}

TEST_F(ProfilePagesTest, ATokenNeedsAName) {
  Client writer = SignIn("writer@example.org");
  http::Response refused = writer.Post("/admin/profile/tokens", {{"token_name", ""}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("id=\"token_name-error\""));
  EXPECT_TRUE(store().ListApiTokens(contributor_id_).value().empty());
}

}  // namespace
}  // namespace gazette::admin
