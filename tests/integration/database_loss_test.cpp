// Losing the PostgreSQL server while serving: a page the cache does not keep is a readable 503
// with Retry-After, a kept page is still served, a sign-in (a write) is not acknowledged, the
// server stays up, and once the database is back the pool reconnects by itself. The site runs on
// a throwaway cluster of its own (scripts/test-postgres.sh), since the test stops it.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "base/testing/temp_dir.h"
#include "demo_site_test.h"
#include "support/backend.h"
#include "support/child_process.h"
#include "support/http_client.h"

namespace gazette::integration {
namespace {

// A cluster of scripts/test-postgres.sh, removed with this object.
class Cluster {
 public:
  ~Cluster() { Run("stop"); }

  // Starts it; its server URL, or "" (with a test failure) if it does not start.
  std::string Start() {
    const std::string out = Run("start");
    const size_t begin = out.rfind("postgresql://");
    if (begin == std::string::npos) return "";
    return out.substr(begin, out.find('\n', begin) - begin);
  }
  void Halt() { Run("halt"); }
  void Resume() { Run("resume"); }

 private:
  std::string Run(const std::string& command) {
    auto run = support::RunProcess({GAZETTE_TEST_POSTGRES_SCRIPT, command, dir_.path()});
    if (!run || run->exit_code != 0) {
      ADD_FAILURE() << "test-postgres.sh " << command << ": "
                    << (run ? run->err : run.error().ToString());
      return "";
    }
    return run->out;
  }

  base::testing::TempDir dir_{"gazette-pg-"};
};

// `text` percent-encoded for a form body.
std::string FormValue(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0) {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// The value of the cookie `name` that `response` sets, or "".
std::string CookieSetBy(const support::HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "set-cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

// The admin signs in with the right password and the login form's cookie and token.
support::HttpResponse SignIn(support::SiteProcess& site, const std::string& login) {
  auto connection = support::HttpConnection::Connect(site.port());
  EXPECT_TRUE(connection.has_value());
  if (!connection) return {};
  const std::string body = "_csrf=" + FormValue(login) + "&email=" + FormValue(site.admin_email()) +
                           "&password=" + FormValue(site.admin_password());
  EXPECT_TRUE(connection->Send(support::BuildRequest(
      "POST", "/admin/login",
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gz_login=" + login}},
      body)));
  auto response = connection->ReadResponse();
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(support::HttpResponse{});
}

TEST(DatabaseLossTest, KeptPagesStayAndOthersAre503UntilTheDatabaseIsBack) {
  // The variable stands for "this machine runs PostgreSQL tests" (the server binaries exist).
  if (!support::BackendAvailable(support::Backend::kPostgres)) {
    GTEST_SKIP() << support::BackendSkipReason();
  }
  Cluster cluster;
  const std::string server = cluster.Start();
  ASSERT_FALSE(server.empty());
  auto site = StartSite({.backend = support::Backend::kPostgres, .postgres_server = server});
  ASSERT_NE(site, nullptr);
  const uint16_t port = site->port();

  MustFetch(port, "/");
  ASSERT_EQ(MustFetch(port, "/").Header("x-cache"), "hit");
  const std::string login = CookieSetBy(MustFetch(port, "/admin/login"), "gz_login");
  ASSERT_FALSE(login.empty());

  cluster.Halt();
  support::HttpResponse kept = MustFetch(port, "/");
  EXPECT_EQ(kept.status, 200);
  EXPECT_EQ(kept.Header("x-cache"), "hit");

  support::HttpResponse lost = MustFetch(port, "/east-asia/");
  EXPECT_EQ(lost.status, 503);
  EXPECT_FALSE(lost.Header("retry-after").empty());
  EXPECT_NE(lost.body.find("Temporarily unavailable"), std::string::npos) << lost.body;
  EXPECT_NE(lost.body.find("<html"), std::string::npos) << "a themed page, not plain text";

  // A sign-in writes a session: without the database it must fail, never hand out a cookie.
  support::HttpResponse sign_in = SignIn(*site, login);
  EXPECT_EQ(sign_in.status, 503);
  EXPECT_TRUE(CookieSetBy(sign_in, "gz_session").empty());

  cluster.Resume();
  support::HttpResponse back = MustFetch(port, "/east-asia/");
  EXPECT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(MustFetch(port, "/author/aminata-sow-diallo/").status, 200);
  EXPECT_EQ(SignIn(*site, login).status, 303) << "the same sign-in, with the database back";
  auto stopped = site->Stop();
  ASSERT_TRUE(stopped.has_value());
  EXPECT_EQ(*stopped, 0) << "the server did not stop cleanly: " << site->Stderr();
}

}  // namespace
}  // namespace gazette::integration
