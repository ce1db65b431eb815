// A newsroom for tests: a real SQLite store in a scratch folder, a fixed clock, two sections,
// one user of each role (and a second contributor), the Admin registered on a router, and
// clients that sign in through the real sign-in form and then carry its cookie and CSRF token.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "admin/admin.h"
#include "base/clock.h"
#include "base/testing/temp_dir.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "store/store.h"

namespace gazette::admin::testing {

// The password of every fixture user.
inline constexpr std::string_view kPassword = "correct horse battery";

using Fields = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x+y", percent-encoded as a browser's form would be.
std::string UrlEncode(const Fields& fields);

// The value of cookie `name` set by `response`'s Set-Cookie headers, or "" when none.
std::string SetCookieValue(const http::Response& response, std::string_view name);

class NewsroomFixture;

// A browser of one signed-in user (or of no one, when cookie is empty).
struct Client {
  NewsroomFixture* fixture = nullptr;
  std::string cookie;  // "gz_session=…"
  std::string csrf;    // the session's CSRF token

  http::Response Get(const std::string& target) const;
  // A form POST (urlencoded). The session's "_csrf" field is added unless `with_csrf` is false.
  http::Response Post(const std::string& target, Fields fields = {}, bool with_csrf = true) const;
  // A request as given, with this client's cookie added.
  http::Response Send(http::Request request) const;
};

class NewsroomFixture : public ::testing::Test {
 protected:
  void SetUp() override;

  // Signs `email` in through GET and POST /admin/login; fails the test if that does not work.
  Client SignIn(const std::string& email);
  // Someone without a session.
  Client Anonymous() { return Client{this, "", ""}; }

  // Answers `request` as the server would.
  http::Response Dispatch(const http::Request& request) { return router_.Dispatch(request); }

  store::Store& store() { return *store_; }
  base::FixedClock& clock() { return clock_; }
  Admin& admin() { return *admin_; }

  // What the fixture made.
  int64_t europe_id_ = 0;             // section "europe" (region)
  int64_t economy_id_ = 0;            // section "economy" (topic)
  int64_t admin_id_ = 0;              // admin@example.org
  int64_t editor_id_ = 0;             // editor@example.org
  int64_t contributor_id_ = 0;        // writer@example.org
  int64_t other_contributor_id_ = 0;  // other@example.org

 private:
  friend struct Client;
  int64_t AddUser(const std::string& email, const std::string& name, content::Role role);

  base::testing::TempDir dir_{"gazette-newsroom-"};
  base::FixedClock clock_{base::Seconds(std::chrono::seconds(1'780'000'000))};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Admin> admin_;
  http::Router router_;
};

// A request for `target` ("/admin/articles/?q=x"), with path and query split as the server does.
http::Request MakeRequest(http::Method method, const std::string& target);

}  // namespace gazette::admin::testing
