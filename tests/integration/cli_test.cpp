// The command line: --version, init, check, serve's start line and its failures, environment
// overrides, and a graceful exit on SIGTERM.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/testing/temp_dir.h"
#include "demo_site_test.h"
#include "support/child_process.h"
#include "support/files.h"
#include "support/html.h"
#include "support/site_database.h"

namespace gazette::integration {
namespace {

using support::RunGazette;

// A demo site folder in a temporary directory, for tests that break it on purpose.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = (dir_.path() / "site").string();
    auto made = support::InitDemoSite(site_);
    ASSERT_TRUE(made.has_value()) << made.error().ToString();
  }

  // Runs `gazette serve` on the site (it should fail, so it must not start serving).
  support::ProcessOutput Serve() {
    auto run = RunGazette({"serve", site_, "--listen", "127.0.0.1:0"});
    EXPECT_TRUE(run.has_value()) << run.error().ToString();
    return run.value_or(support::ProcessOutput{});
  }

  support::ProcessOutput Check() {
    auto run = RunGazette({"check", site_});
    EXPECT_TRUE(run.has_value()) << run.error().ToString();
    return run.value_or(support::ProcessOutput{});
  }

  base::testing::TempDir dir_{"gazette-cli-"};
  std::string site_;
};

// A failure is one line on stderr, "gazette: ...", that names `path`, and exit code 1.
void ExpectFailureNaming(const support::ProcessOutput& run, const std::string& path) {
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(run.err.starts_with("gazette: ")) << run.err;
  EXPECT_NE(run.err.find(path), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST(CliVersionTest, PrintsTheVersion) {
  auto run = RunGazette({"--version"});
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_EQ(run->out, "gazette 0.1.0\n");
}

TEST(CliUsageTest, UnknownCommandFails) {
  auto run = RunGazette({"no-such-command"});
  ASSERT_TRUE(run.has_value());
  EXPECT_NE(run->exit_code, 0);
  EXPECT_FALSE(run->err.empty());
}

// `gazette init --database` on a new PostgreSQL database of the test server.
class CliPostgresInitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = store::PostgresTestServer();
    if (!server) GTEST_SKIP() << store::kPostgresSkipped;
    database_ = store::PostgresHarness::Create(*server);
    ASSERT_NE(database_, nullptr);
  }

  support::ProcessOutput Init(const std::string& site, const support::Environment& env = {},
                              bool with_flag = true) {
    std::vector<std::string> args{"init", "--demo"};
    if (with_flag) args.insert(args.end(), {"--database", database_->url()});
    args.push_back(site);
    support::Environment with_cost = env;
    with_cost.emplace_back("GAZETTE_TEST_PASSWORD_COST", "minimum");
    auto run = RunGazette(args, with_cost);
    EXPECT_TRUE(run.has_value()) << run.error().ToString();
    return run.value_or(support::ProcessOutput{});
  }

  base::testing::TempDir dir_{"gazette-cli-"};
  std::unique_ptr<store::PostgresHarness> database_;
};

TEST_F(CliPostgresInitTest, MakesTheSiteInTheDatabaseAndNamesItInTheConfiguration) {
  const std::string site = (dir_.path() / "site").string();
  support::ProcessOutput run = Init(site);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(std::filesystem::exists(site + "/gazette.db"));
  EXPECT_EQ(support::SiteDatabaseUrl(site).value_or(""), database_->url());
  auto store = support::OpenSiteDatabase(site);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  auto users = (*store)->ListUsers();
  ASSERT_TRUE(users.has_value());
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ(users->front().role, content::Role::kAdmin);
  EXPECT_GT((*store)->CountPublished({}).value_or(0), 0);
  store->reset();
  auto check = RunGazette({"check", site});
  ASSERT_TRUE(check.has_value());
  EXPECT_EQ(check->exit_code, 0) << check->err;
}

TEST_F(CliPostgresInitTest, TakesTheDatabaseFromTheEnvironment) {
  const std::string site = (dir_.path() / "site").string();
  support::ProcessOutput run = Init(site, {{"GAZETTE_DATABASE_URL", database_->url()}}, false);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(support::SiteDatabaseUrl(site).value_or(""), database_->url());
}

TEST_F(CliPostgresInitTest, RefusesADatabaseThatAlreadyHoldsASite) {
  ASSERT_EQ(Init((dir_.path() / "first").string()).exit_code, 0);
  const std::string second = (dir_.path() / "second").string();
  support::ProcessOutput run = Init(second);
  const std::string name = database_->url().substr(database_->url().rfind('/') + 1);
  ExpectFailureNaming(run, name);
  EXPECT_NE(run.err.find("already holds a site"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(second));
  // The first site is as it was: one account.
  auto store = support::OpenSiteDatabase((dir_.path() / "first").string());
  ASSERT_TRUE(store.has_value());
  EXPECT_EQ((*store)->ListUsers().value_or(std::vector<content::User>{}).size(), 1u);
}

TEST(CliInitTest, UnreachableDatabaseServerIsNamed) {
  base::testing::TempDir dir("gazette-cli-");
  const std::string site = (dir.path() / "site").string();
  // Port 1 on the loopback address: nothing listens there.
  auto run = RunGazette({"init", "--database", "postgresql://gazette@127.0.0.1:1/site", site});
  ASSERT_TRUE(run.has_value());
  ExpectFailureNaming(*run, "127.0.0.1:1");
  EXPECT_FALSE(std::filesystem::exists(site));
}

TEST(CliInitTest, BadDatabaseUrlIsRefused) {
  base::testing::TempDir dir("gazette-cli-");
  auto run = RunGazette({"init", "--database", "mysql://db/site", (dir.path() / "s").string()});
  ASSERT_TRUE(run.has_value());
  ExpectFailureNaming(*run, "--database");
}

TEST_F(CliTest, InitCreatesTheSiteFolder) {
  for (const std::string entry : {"gazette.toml", "gazette.db", "themes/default", "media"}) {
    EXPECT_TRUE(std::filesystem::exists(site_ + "/" + entry)) << entry;
  }
  auto config = support::ReadFile(site_ + "/gazette.toml");
  ASSERT_TRUE(config.has_value());
  EXPECT_NE(config->find(Demo().name), std::string::npos) << "site name not in gazette.toml";
}

TEST_F(CliTest, InitRefusesAFolderThatIsAlreadyASite) {
  auto run = RunGazette({"init", "--demo", site_});
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->exit_code, 1);
  EXPECT_TRUE(run->err.starts_with("gazette: ")) << run->err;
  EXPECT_EQ(Check().exit_code, 0) << "the existing site was damaged";
}

TEST_F(CliTest, CheckAcceptsTheDemoSite) {
  support::ProcessOutput run = Check();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "ok: " + site_ + "\n");
}

TEST_F(CliTest, MissingFolderFails) {
  const std::string missing = (dir_.path() / "no-such-site").string();
  for (const std::string command : {"serve", "check"}) {
    SCOPED_TRACE(command);
    auto run = RunGazette({command, missing});
    ASSERT_TRUE(run.has_value());
    ExpectFailureNaming(*run, missing);
  }
}

TEST_F(CliTest, MissingDatabaseFails) {
  std::filesystem::remove(site_ + "/gazette.db");
  ExpectFailureNaming(Check(), "gazette.db");
  ExpectFailureNaming(Serve(), "gazette.db");
}

TEST_F(CliTest, CorruptDatabaseFails) {
  std::string garbage;
  for (int i = 0; i < 512; ++i) {
    garbage += "this is not an SQLite database ";
  }
  ASSERT_TRUE(support::WriteFile(site_ + "/gazette.db", garbage).has_value());
  ExpectFailureNaming(Check(), "gazette.db");
  ExpectFailureNaming(Serve(), "gazette.db");
}

TEST_F(CliTest, UnknownConfigurationKeyIsNamedWithItsLine) {
  auto config = support::ReadFile(site_ + "/gazette.toml");
  ASSERT_TRUE(config.has_value());
  std::istringstream in(*config);
  std::string line;
  std::string edited;
  int line_number = 0;
  int bad_line = 0;
  while (std::getline(in, line)) {
    edited += line + "\n";
    ++line_number;
    if (line == "[server]") {
      edited += "colour_scheme = \"dark\"\n";
      bad_line = ++line_number;
    }
  }
  ASSERT_GT(bad_line, 0) << "no [server] table in gazette.toml";
  ASSERT_TRUE(support::WriteFile(site_ + "/gazette.toml", edited).has_value());
  for (const support::ProcessOutput& run : {Check(), Serve()}) {
    ExpectFailureNaming(run, "gazette.toml:" + std::to_string(bad_line) + ":");
    EXPECT_NE(run.err.find("colour_scheme"), std::string::npos) << run.err;
  }
}

TEST_F(CliTest, MalformedConfigurationFails) {
  ASSERT_TRUE(support::WriteFile(site_ + "/gazette.toml", "[site\nname = \n").has_value());
  ExpectFailureNaming(Check(), "gazette.toml");
}

TEST_F(CliTest, InvalidEnvironmentOverrideIsNamed) {
  auto run =
      RunGazette({"serve", site_, "--listen", "127.0.0.1:0"}, {{"GAZETTE_SERVER_THREADS", "many"}});
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->exit_code, 1);
  EXPECT_NE(run->err.find("GAZETTE_SERVER_THREADS"), std::string::npos) << run->err;
}

TEST(ServeTest, AccessLogWritesOneLinePerRequestUnlessTurnedOff) {
  auto logged = StartSite();
  ASSERT_NE(logged, nullptr);
  support::SiteOptions quiet_options;
  quiet_options.env = {{"GAZETTE_SERVER_ACCESS_LOG", "false"}};
  auto quiet = StartSite(quiet_options);
  ASSERT_NE(quiet, nullptr);
  for (auto* site : {logged.get(), quiet.get()}) {
    EXPECT_EQ(MustFetch(site->port(), "/healthz").status, 200);
    EXPECT_EQ(MustFetch(site->port(), "/no-such-page/").status, 404);
    ASSERT_TRUE(site->Stop().has_value());
  }
  const std::string logged_out = logged->Stdout();
  EXPECT_EQ(std::count(logged_out.begin(), logged_out.end(), '\n'), 3) << logged_out;
  EXPECT_NE(logged_out.find("GET /no-such-page/ 404"), std::string::npos) << logged_out;
  EXPECT_EQ(quiet->Stdout(), quiet->serving_line() + "\n");
}

TEST(ServeTest, SigtermStopsTheServerGracefully) {
  auto site = StartSite();
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->serving_line(), "gazette: serving " + site->site_dir() +
                                      " at http://127.0.0.1:" + std::to_string(site->port()) + "/");
  auto idle = support::HttpConnection::Connect(site->port());
  ASSERT_TRUE(idle.has_value());
  ASSERT_EQ(idle->Request("GET", "/").value_or(support::HttpResponse{}).status, 200);

  const auto start = std::chrono::steady_clock::now();
  auto code = site->Stop(std::chrono::seconds(10));
  ASSERT_TRUE(code.has_value()) << code.error().ToString();
  EXPECT_EQ(*code, 0) << site->Stderr();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5))
      << "an idle keep-alive connection held up the shutdown";
  EXPECT_TRUE(idle->WaitForClose(std::chrono::seconds(1)));
  EXPECT_FALSE(support::HttpConnection::Connect(site->port()).has_value())
      << "still accepting connections after exit";
}

}  // namespace
}  // namespace gazette::integration
