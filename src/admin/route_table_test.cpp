// Every newsroom route against every role: the table below is the expected access rule of each
// route, the test checks that it is exactly what Admin registers, and then that anonymous
// callers, too small roles and allowed roles get what the rule says — before any handler can
// get it wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "admin/testing/newsroom_fixture.h"
#include "auth/token.h"

namespace gazette::admin {
namespace {

using content::Role;
using http::Method;

struct Rule {
  Method method;
  std::string_view pattern;
  RouteKind kind;
  Role min_role;
};

constexpr Role kAny = Role::kContributor;

// The access rule of every route. A new route must be added here, with its rule.
constexpr Rule kRules[] = {
    {Method::kGet, "/admin/assets/{file}", RouteKind::kPublic, kAny},
    {Method::kGet, "/admin/login", RouteKind::kPublic, kAny},
    {Method::kPost, "/admin/login", RouteKind::kPublic, kAny},
    {Method::kPost, "/admin/login/code", RouteKind::kPublic, kAny},
    {Method::kPost, "/admin/logout", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/sections/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/sections/new", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/sections/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/sections/{id}/", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/sections/{id}/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/partners/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/partners/new", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/partners/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/partners/{id}/", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/partners/{id}/", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/users/", RouteKind::kPage, Role::kAdmin},
    {Method::kGet, "/admin/users/new", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/", RouteKind::kPage, Role::kAdmin},
    {Method::kGet, "/admin/users/{id}/", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/{id}/", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/{id}/disable", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/{id}/enable", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/{id}/password", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/users/{id}/totp-off", RouteKind::kPage, Role::kAdmin},
    {Method::kGet, "/admin/settings/", RouteKind::kPage, Role::kAdmin},
    {Method::kPost, "/admin/settings/", RouteKind::kPage, Role::kAdmin},
    {Method::kGet, "/admin/profile/", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/name", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/password", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/profile/totp", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/totp", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/totp/off", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/tokens", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/profile/tokens/{id}/revoke", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/articles/", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/articles/new", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/articles/{id}/", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/autosave", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/preview", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/submit", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/return", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/publish", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/articles/{id}/schedule", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/articles/{id}/unpublish", RouteKind::kPage, Role::kEditor},
    {Method::kPost, "/admin/articles/{id}/archive", RouteKind::kPage, Role::kEditor},
    {Method::kGet, "/admin/articles/{id}/revisions/", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/articles/{id}/revisions/diff", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/articles/{id}/revisions/{rev}/restore", RouteKind::kPage, kAny},
    {Method::kGet, "/admin/media/", RouteKind::kPage, kAny},
    {Method::kPost, "/admin/media/", RouteKind::kPage, kAny},
    {Method::kGet, "/api/admin/v1/articles/", RouteKind::kApi, kAny},
    {Method::kGet, "/api/admin/v1/articles", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles", RouteKind::kApi, kAny},
    {Method::kGet, "/api/admin/v1/articles/{id}/", RouteKind::kApi, kAny},
    {Method::kGet, "/api/admin/v1/articles/{id}", RouteKind::kApi, kAny},
    {Method::kPut, "/api/admin/v1/articles/{id}/", RouteKind::kApi, kAny},
    {Method::kPut, "/api/admin/v1/articles/{id}", RouteKind::kApi, kAny},
    {Method::kPatch, "/api/admin/v1/articles/{id}/", RouteKind::kApi, kAny},
    {Method::kPatch, "/api/admin/v1/articles/{id}", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/submit", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/submit/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/return", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/return/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/publish", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/publish/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/schedule", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/schedule/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/unpublish", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/unpublish/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/archive", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/articles/{id}/archive/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/media/", RouteKind::kApi, kAny},
    {Method::kPost, "/api/admin/v1/media", RouteKind::kApi, kAny},
    {Method::kGet, "/api/admin/v1/me", RouteKind::kApi, kAny},
    {Method::kGet, "/api/admin/v1/me/", RouteKind::kApi, kAny},
};

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    default:
      return "OTHER";
  }
}

std::string Describe(Method method, std::string_view pattern, RouteKind kind, Role role) {
  const char* kinds[] = {"public", "page", "api"};
  return std::string(MethodName(method)) + " " + std::string(pattern) + " " +
         kinds[static_cast<int>(kind)] +
         (kind == RouteKind::kPublic ? "" : " " + std::string(content::RoleName(role)));
}

// A concrete path for a pattern: every parameter becomes an id that names nothing.
std::string Concrete(std::string_view pattern) {
  return std::regex_replace(std::string(pattern), std::regex("\\{[a-z_]+\\}"), "987654");
}

class RouteTableTest : public testing::NewsroomFixture {
 protected:
  // An API token of `user_id`, made straight in the store.
  std::string ApiToken(int64_t user_id) {
    const std::string token = auth::NewSessionToken().value();
    content::ApiToken stored;
    stored.user_id = user_id;
    stored.name = "route table";
    stored.token_hash = auth::HashToken(token);
    stored.created_at = clock().Now();
    EXPECT_TRUE(store().CreateApiToken(stored).has_value());
    return token;
  }

  http::Response Call(const Rule& rule, const testing::Client& client, const std::string& token) {
    http::Request request = testing::MakeRequest(rule.method, Concrete(rule.pattern));
    if (rule.kind == RouteKind::kApi) {
      if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
      request.headers["content-type"] = "application/json";
      request.body = rule.method == Method::kGet ? "" : "{}";
      return Dispatch(request);
    }
    if (rule.method != Method::kGet) {
      request.headers["content-type"] = "application/x-www-form-urlencoded";
      request.body = "_csrf=" + client.csrf;
    }
    return client.Send(request);
  }
};

TEST_F(RouteTableTest, EveryRegisteredRouteHasARuleHereAndEveryRuleARoute) {
  std::set<std::string> registered;
  for (const RouteSpec& spec : admin().RouteTable()) {
    registered.insert(Describe(spec.method, spec.pattern, spec.kind, spec.min_role));
  }
  std::set<std::string> expected;
  for (const Rule& rule : kRules) {
    expected.insert(Describe(rule.method, rule.pattern, rule.kind, rule.min_role));
  }
  EXPECT_EQ(registered, expected);
}

TEST_F(RouteTableTest, AnonymousCallersAreSentToSignInOrRefused) {
  for (const Rule& rule : kRules) {
    if (rule.kind == RouteKind::kPublic) continue;
    SCOPED_TRACE(Describe(rule.method, rule.pattern, rule.kind, rule.min_role));
    http::Response response = Call(rule, Anonymous(), "");
    if (rule.kind == RouteKind::kApi) {
      EXPECT_EQ(response.status, 401);
      EXPECT_EQ(response.Header("WWW-Authenticate"), "Bearer");
      EXPECT_TRUE(response.content_type.starts_with("application/json"));
    } else if (rule.method == Method::kGet) {
      EXPECT_EQ(response.status, 303);
      EXPECT_TRUE(std::string(response.Header("Location")).starts_with("/admin/login"));
    } else {
      EXPECT_EQ(response.status, 401);
    }
  }
}

TEST_F(RouteTableTest, EachRoleGetsInExactlyWhereItsRuleSays) {
  const std::pair<Role, std::string> callers[] = {{Role::kContributor, "writer@example.org"},
                                                  {Role::kEditor, "editor@example.org"},
                                                  {Role::kAdmin, "admin@example.org"}};
  const int64_t ids[] = {contributor_id_, editor_id_, admin_id_};
  for (size_t i = 0; i < std::size(callers); ++i) {
    const auto& [role, email] = callers[i];
    const std::string token = ApiToken(ids[i]);
    for (const Rule& rule : kRules) {
      if (rule.kind == RouteKind::kPublic) continue;
      SCOPED_TRACE(std::string(content::RoleName(role)) + " on " +
                   Describe(rule.method, rule.pattern, rule.kind, rule.min_role));
      // A fresh session each time: some allowed routes (sign out) end the one they are given.
      const testing::Client client = SignIn(email);
      const http::Response response = Call(rule, client, token);
      if (static_cast<int>(role) < static_cast<int>(rule.min_role)) {
        EXPECT_EQ(response.status, 403);
      } else {
        EXPECT_NE(response.status, 401);
        EXPECT_NE(response.status, 403);
        EXPECT_LT(response.status, 500) << response.body;
      }
    }
  }
}

}  // namespace
}  // namespace gazette::admin
