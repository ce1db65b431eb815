// Signing in and out through the real pages: cookies, the sign-in form's CSRF check, throttling,
// two-factor codes, session expiry and logout.
#include "admin/login_pages.h"

#include <gtest/gtest.h>

#include "admin/testing/newsroom_fixture.h"
#include "auth/signed_value.h"
#include "auth/token.h"
#include "auth/totp.h"

namespace gazette::admin {
namespace {

using testing::Client;
using testing::Fields;
using testing::kPassword;
using testing::MakeRequest;
using testing::SetCookieValue;
using testing::UrlEncode;

std::string SetCookieHeader(const http::Response& response, std::string_view name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "Set-Cookie" && value.starts_with(std::string(name) + "=")) return value;
  }
  return "";
}

class LoginPagesTest : public testing::NewsroomFixture {
 protected:
  // The sign-in form's token, and a POST of `fields` with it (as a browser would send it).
  http::Response PostLogin(const std::string& target, Fields fields,
                           const std::string& address = "127.0.0.1") {
    http::Response form = Anonymous().Get("/admin/login");
    const std::string token = SetCookieValue(form, "gz_login");
    fields.emplace_back("_csrf", token);
    http::Request post = MakeRequest(http::Method::kPost, target);
    post.remote_address = address;
    post.headers["content-type"] = "application/x-www-form-urlencoded";
    post.headers["cookie"] = "gz_login=" + token;
    post.body = UrlEncode(fields);
    return Dispatch(post);
  }

  http::Response SignInWith(const std::string& email, const std::string& password,
                            const std::string& address = "127.0.0.1") {
    return PostLogin("/admin/login", {{"email", email}, {"password", password}}, address);
  }

  int64_t SessionCount(int64_t user_id) { return store().DeleteUserSessions(user_id).value(); }

  void TurnOnTotp(int64_t user_id, const std::string& secret) {
    content::User user = store().GetUser(user_id).value();
    user.totp_secret = secret;
    ASSERT_TRUE(store().UpdateUser(user).has_value());
  }

  // The hidden "pending" field of a two-factor page.
  static std::string PendingField(const std::string& html) {
    const std::string marker = "name=\"pending\" value=\"";
    size_t at = html.find(marker);
    if (at == std::string::npos) return "";
    at += marker.size();
    return html.substr(at, html.find('"', at) - at);
  }
};

TEST_F(LoginPagesTest, RightPasswordStartsASessionWithAnHttpOnlyLaxCookie) {
  http::Response response = SignInWith("writer@example.org", std::string(kPassword));
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.Header("Location"), "/admin/");
  const std::string cookie = SetCookieHeader(response, "gz_session");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "the test site is plain http";
  const std::string token = SetCookieValue(response, "gz_session");
  EXPECT_EQ(token.size(), auth::kSessionTokenLength);
  EXPECT_TRUE(store().GetSession(auth::HashToken(token), clock().Now()).has_value());

  Client client{this, "gz_session=" + token, ""};
  http::Response dashboard = client.Get("/admin/");
  EXPECT_EQ(dashboard.status, 200);
  EXPECT_NE(dashboard.body.find("Wren Writer"), std::string::npos);
  EXPECT_EQ(dashboard.Header("Cache-Control"), "no-store");
}

TEST_F(LoginPagesTest, WrongPasswordOrUnknownEmailGet401WithTheSameMessage) {
  http::Response wrong = SignInWith("writer@example.org", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("The email or the password is not right."), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"writer@example.org\""), std::string::npos)
      << "the email is kept in the form";
  EXPECT_TRUE(SetCookieValue(wrong, "gz_session").empty());

  http::Response unknown = SignInWith("nobody@example.org", std::string(kPassword));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_NE(unknown.body.find("The email or the password is not right."), std::string::npos);
}

TEST_F(LoginPagesTest, DisabledAccountsCannotSignIn) {
  content::User user = store().GetUser(contributor_id_).value();
  user.disabled = true;
  ASSERT_TRUE(store().UpdateUser(user).has_value());
  EXPECT_EQ(SignInWith("writer@example.org", std::string(kPassword)).status, 401);
}

TEST_F(LoginPagesTest, SignInWithoutTheFormsTokenIsRefused) {
  http::Request post = MakeRequest(http::Method::kPost, "/admin/login");
  post.headers["content-type"] = "application/x-www-form-urlencoded";
  post.body = UrlEncode({{"email", "writer@example.org"}, {"password", std::string(kPassword)}});
  http::Response response = Dispatch(post);
  EXPECT_EQ(response.status, 403);
  EXPECT_TRUE(SetCookieValue(response, "gz_session").empty());

  post.headers["cookie"] = "gz_login=abc";
  post.body += "&_csrf=abd";
  EXPECT_EQ(Dispatch(post).status, 403);
}

TEST_F(LoginPagesTest, RepeatedFailuresOnOneAccountAreThrottledAndReported) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(SignInWith("writer@example.org", "wrong password " + std::to_string(i)).status, 401);
  }
  EXPECT_EQ(SignInWith("writer@example.org", "wrong again").status, 401);
  http::Response throttled = SignInWith("writer@example.org", std::string(kPassword));
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Header("Retry-After"), "1");
  EXPECT_NE(throttled.body.find("Too many failed sign-ins"), std::string::npos);
  EXPECT_TRUE(SetCookieValue(throttled, "gz_session").empty());

  // Another account is not held up by this one's failures.
  EXPECT_EQ(SignInWith("editor@example.org", std::string(kPassword)).status, 303);

  clock().Advance(std::chrono::seconds(2));
  EXPECT_EQ(SignInWith("writer@example.org", std::string(kPassword)).status, 303);
}

TEST_F(LoginPagesTest, ManyFailuresFromOneAddressThrottleEveryAccountFromIt) {
  for (int i = 0; i < 21; ++i) {
    SignInWith("guess" + std::to_string(i) + "@example.org", "wrong", "203.0.113.9");
  }
  EXPECT_EQ(SignInWith("editor@example.org", std::string(kPassword), "203.0.113.9").status, 429);
  EXPECT_EQ(SignInWith("editor@example.org", std::string(kPassword), "198.51.100.4").status, 303);
}

TEST_F(LoginPagesTest, WithoutASessionPagesRedirectToSignInAndPostsGet401) {
  http::Response page = Anonymous().Get("/admin/?since=2026-01-01");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.Header("Location"), "/admin/login?next=/admin/%3Fsince%3D2026-01-01");
  http::Response post = Anonymous().Post("/admin/logout");
  EXPECT_EQ(post.status, 401);
  EXPECT_NE(post.body.find("Sign in again"), std::string::npos);
}

TEST_F(LoginPagesTest, SignInGoesToTheNextNewsroomPageButNeverElsewhere) {
  auto next = [&](const std::string& target) -> std::string {
    return std::string(PostLogin("/admin/login", {{"email", "writer@example.org"},
                                                  {"password", std::string(kPassword)},
                                                  {"next", target}})
                           .Header("Location"));
  };
  EXPECT_EQ(next("/admin/articles/?status=draft"), "/admin/articles/?status=draft");
  EXPECT_EQ(next("https://evil.example/"), "/admin/");
  EXPECT_EQ(next("//evil.example/admin/"), "/admin/");
  EXPECT_EQ(next("/admin//evil.example"), "/admin/");
  EXPECT_EQ(next("/admin/\r\nSet-Cookie: x=1"), "/admin/");
}

TEST_F(LoginPagesTest, SessionsEndAfterBeingIdleTooLong) {
  Client client = SignIn("writer@example.org");
  clock().Advance(std::chrono::hours(47));
  EXPECT_EQ(client.Get("/admin/").status, 200) << "used within the idle time: still valid";
  clock().Advance(std::chrono::hours(47));
  EXPECT_EQ(client.Get("/admin/").status, 200) << "each use moves the end forward";
  clock().Advance(std::chrono::hours(49));
  http::Response expired = client.Get("/admin/");
  EXPECT_EQ(expired.status, 303);
  EXPECT_TRUE(std::string(expired.Header("Location")).starts_with("/admin/login"));
}

TEST_F(LoginPagesTest, SignOutEndsTheSessionInTheStore) {
  Client client = SignIn("writer@example.org");
  http::Response refused = client.Post("/admin/logout", {}, /*with_csrf=*/false);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(client.Get("/admin/").status, 200) << "a forged sign-out changes nothing";

  http::Response out = client.Post("/admin/logout");
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.Header("Location"), "/admin/login?notice=signed-out");
  EXPECT_NE(SetCookieHeader(out, "gz_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client.Get("/admin/").status, 303) << "the old cookie opens nothing";
  EXPECT_EQ(SessionCount(contributor_id_), 0);
}

TEST_F(LoginPagesTest, PostsFromAnotherOriginAreRefused) {
  Client client = SignIn("writer@example.org");
  http::Request request = MakeRequest(http::Method::kPost, "/admin/logout");
  request.headers["content-type"] = "application/x-www-form-urlencoded";
  request.headers["origin"] = "https://evil.example";
  request.body = "_csrf=" + client.csrf;
  EXPECT_EQ(client.Send(request).status, 403);
  request.headers["origin"] = "http://127.0.0.1:8080";
  EXPECT_EQ(client.Send(request).status, 303);
}

TEST_F(LoginPagesTest, TwoFactorAccountsNeedACurrentCodeOnce) {
  const std::string secret = auth::NewTotpSecret().value();
  TurnOnTotp(editor_id_, secret);

  http::Response first_step = SignInWith("editor@example.org", std::string(kPassword));
  EXPECT_EQ(first_step.status, 200);
  EXPECT_TRUE(SetCookieValue(first_step, "gz_session").empty()) << "not signed in yet";
  const std::string pending = PendingField(first_step.body);
  ASSERT_FALSE(pending.empty());

  http::Response wrong = PostLogin("/admin/login/code", {{"pending", pending}, {"code", "000000"}});
  const std::string right_code = auth::TotpCode(secret, clock().Now());
  if (right_code != "000000") {
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("The code is not right."), std::string::npos);
  }

  std::string forged = pending;
  forged[forged.size() / 2] = forged[forged.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(PostLogin("/admin/login/code", {{"pending", forged}, {"code", right_code}}).status,
            401);

  http::Response signed_in =
      PostLogin("/admin/login/code", {{"pending", pending}, {"code", right_code}});
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_FALSE(SetCookieValue(signed_in, "gz_session").empty());

  http::Response replay =
      PostLogin("/admin/login/code", {{"pending", pending}, {"code", right_code}});
  EXPECT_EQ(replay.status, 401) << "a code is accepted once";
  EXPECT_NE(replay.body.find("already used"), std::string::npos);
}

TEST_F(LoginPagesTest, TheSecondStepExpires) {
  const std::string secret = auth::NewTotpSecret().value();
  TurnOnTotp(editor_id_, secret);
  const std::string pending =
      PendingField(SignInWith("editor@example.org", std::string(kPassword)).body);
  clock().Advance(std::chrono::minutes(6));
  http::Response late = PostLogin(
      "/admin/login/code", {{"pending", pending}, {"code", auth::TotpCode(secret, clock().Now())}});
  EXPECT_EQ(late.status, 401);
  EXPECT_NE(late.body.find("took too long"), std::string::npos);
}

// Two nodes that started together on a new database each stored a signing key; the one stored
// last is the store's. A sign-in whose first step was on one node and whose code goes to the
// other still works: both sign and check with the stored key.
TEST_F(LoginPagesTest, TheSecondStepWorksOnAnotherNodeThatStartedWithAnotherKey) {
  const std::string secret = auth::NewTotpSecret().value();
  TurnOnTotp(editor_id_, secret);
  ASSERT_TRUE(store().SetSetting("auth.signing_key", auth::NewSigningKey().value()).has_value());
  auto other_node =
      Admin::Create(store(), clock(), {.password_cost = auth::PasswordCost::kMinimum});
  ASSERT_TRUE(other_node.has_value()) << other_node.error().ToString();
  http::Router other_router;
  (*other_node)->Register(other_router);

  const std::string pending =
      PendingField(SignInWith("editor@example.org", std::string(kPassword)).body);
  ASSERT_FALSE(pending.empty());
  const std::string token = SetCookieValue(Anonymous().Get("/admin/login"), "gz_login");
  http::Request code = MakeRequest(http::Method::kPost, "/admin/login/code");
  code.headers["content-type"] = "application/x-www-form-urlencoded";
  code.headers["cookie"] = "gz_login=" + token;
  code.body = UrlEncode(
      {{"pending", pending}, {"code", auth::TotpCode(secret, clock().Now())}, {"_csrf", token}});
  EXPECT_EQ(other_router.Dispatch(code).status, 303);
}

class HttpsSiteTest : public testing::NewsroomFixture {};

TEST_F(HttpsSiteTest, CookiesAreSecureWhenTheSiteIsServedOverHttps) {
  AdminConfig config;
  config.site_url = "https://news.example";
  config.password_cost = auth::PasswordCost::kMinimum;
  auto https_admin = Admin::Create(store(), clock(), std::move(config));
  ASSERT_TRUE(https_admin.has_value()) << https_admin.error().ToString();
  http::Router router;
  (*https_admin)->Register(router);

  http::Response form = router.Dispatch(MakeRequest(http::Method::kGet, "/admin/login"));
  EXPECT_NE(SetCookieHeader(form, "gz_login").find("; Secure"), std::string::npos);
  const std::string login = SetCookieValue(form, "gz_login");
  http::Request post = MakeRequest(http::Method::kPost, "/admin/login");
  post.headers["content-type"] = "application/x-www-form-urlencoded";
  post.headers["cookie"] = "gz_login=" + login;
  post.body = UrlEncode(
      {{"_csrf", login}, {"email", "editor@example.org"}, {"password", std::string(kPassword)}});
  http::Response signed_in = router.Dispatch(post);
  ASSERT_EQ(signed_in.status, 303);
  const std::string cookie = SetCookieHeader(signed_in, "gz_session");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
}

TEST(SafeNextPathTest, KeepsOnlyNewsroomPaths) {
  EXPECT_EQ(SafeNextPath("/admin/media/"), "/admin/media/");
  EXPECT_EQ(SafeNextPath(""), "/admin/");
  EXPECT_EQ(SafeNextPath("/"), "/admin/");
  EXPECT_EQ(SafeNextPath("/admin/login"), "/admin/");
  EXPECT_EQ(SafeNextPath("/admin/\\\\evil"), "/admin/");
}

}  // namespace
}  // namespace gazette::admin
