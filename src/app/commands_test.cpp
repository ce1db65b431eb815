// `gazette init` and `gazette check` on real folders and SQLite files in a temporary directory.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "app/check_command.h"
#include "app/config.h"
#include "app/embedded_files.h"
#include "app/init_command.h"
#include "auth/password.h"
#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAdminPassword = "admin-password-for-tests";

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override { site_ = tmp_ / "site"; }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Init options with a known admin password, hashed at the cheapest cost.
  static InitOptions Options(const fs::path& dir, bool demo) {
    return {.dir = dir,
            .demo = demo,
            .admin_password = std::string(kAdminPassword),
            .password_cost = auth::PasswordCost::kMinimum};
  }

  std::string CheckError() {
    auto checked = CheckSite(site_);
    EXPECT_FALSE(checked.has_value());
    return checked ? "" : checked.error().message();
  }

  const base::FixedClock clock_{base::Seconds(std::chrono::seconds(1'800'000'000))};
  base::testing::TempDir temp_dir_{"gazette-commands-"};
  fs::path tmp_ = temp_dir_.path();
  fs::path site_;
};

TEST_F(CommandsTest, InitCreatesAnEmptySiteThatChecksOk) {
  auto summary = InitSite(Options(site_, false), clock_);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  EXPECT_EQ(summary->sections, 0);
  EXPECT_EQ(summary->articles, 0);

  EXPECT_TRUE(fs::is_regular_file(site_ / "gazette.db"));
  EXPECT_TRUE(fs::is_directory(site_ / "media"));
  for (const EmbeddedFile& file : DefaultThemeFiles()) {
    EXPECT_EQ(Read(site_ / "themes/default" / file.path), file.contents) << file.path;
  }
  auto config = ParseConfig(Read(site_ / "gazette.toml"), "gazette.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->site.name, "Gazette");

  auto checked = CheckSite(site_);
  EXPECT_TRUE(checked.has_value()) << checked.error().message();
}

TEST_F(CommandsTest, InitDemoLoadsTheBundleAndNamesTheSite) {
  auto summary = InitSite(Options(site_, true), clock_);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  EXPECT_GT(summary->sections, 0);
  EXPECT_GT(summary->authors, 0);
  EXPECT_GT(summary->articles, 0);

  std::string demo_name;
  for (const EmbeddedFile& file : DemoBundleFiles()) {
    if (file.path == "site.toml") {
      demo_name = toml::parse(file.contents)["site"]["name"].value_or(std::string("Gazette"));
    }
  }
  auto config = ParseConfig(Read(site_ / "gazette.toml"), "gazette.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->site.name, demo_name);

  {
    auto store = store::OpenSqliteStore((site_ / "gazette.db").string());
    ASSERT_TRUE(store.has_value()) << store.error().message();
    auto sections = (*store)->ListSections();
    ASSERT_TRUE(sections.has_value());
    EXPECT_EQ(static_cast<int>(sections->size()), summary->sections);
    auto articles = (*store)->CountPublished({});
    ASSERT_TRUE(articles.has_value());
    EXPECT_EQ(*articles, summary->articles);
  }
  auto checked = CheckSite(site_);
  EXPECT_TRUE(checked.has_value()) << checked.error().message();
}

TEST_F(CommandsTest, InitCreatesTheAdminAccountWithItsPassword) {
  InitOptions options = Options(site_, false);
  options.admin_email = "Chief@Example.com";
  ASSERT_TRUE(InitSite(options, clock_).has_value());
  auto store = store::OpenSqliteStore((site_ / "gazette.db").string());
  ASSERT_TRUE(store.has_value()) << store.error().message();
  auto users = (*store)->ListUsers();
  ASSERT_TRUE(users.has_value());
  ASSERT_EQ(users->size(), 1u);
  const content::User& admin = users->front();
  EXPECT_EQ(admin.email, "Chief@Example.com");
  EXPECT_EQ(admin.name, "Chief");
  EXPECT_EQ(admin.role, content::Role::kAdmin);
  EXPECT_FALSE(admin.disabled);
  EXPECT_EQ(admin.created_at, clock_.Now());
  EXPECT_TRUE(auth::VerifyPassword(admin.password_hash, kAdminPassword));
  EXPECT_FALSE(auth::VerifyPassword(admin.password_hash, "another-password"));
}

TEST_F(CommandsTest, InitRefusesABadAdminEmailOrPasswordBeforeCreatingAnything) {
  InitOptions bad_email = Options(site_, true);
  bad_email.admin_email = "admin";
  auto refused = InitSite(bad_email, clock_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().message(),
            "the email address 'admin' must have one '@' with text on both sides");
  EXPECT_FALSE(fs::exists(site_));

  InitOptions weak = Options(site_, true);
  weak.admin_password = "short";
  refused = InitSite(weak, clock_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(), "the password must be at least 10 characters long");
  EXPECT_FALSE(fs::exists(site_));
}

TEST_F(CommandsTest, InitUsesAnExistingEmptyFolderAndCreatesParents) {
  fs::create_directory(site_);
  auto into_empty = InitSite(Options(site_, false), clock_);
  EXPECT_TRUE(into_empty.has_value()) << into_empty.error().message();
  auto nested = InitSite(Options(tmp_ / "a/b/c", false), clock_);
  EXPECT_TRUE(nested.has_value()) << nested.error().message();
  EXPECT_TRUE(fs::is_regular_file(tmp_ / "a/b/c/gazette.toml"));
}

TEST_F(CommandsTest, InitRefusesANonEmptyFolderAndLeavesItAlone) {
  fs::create_directory(site_);
  std::ofstream(site_ / "notes.txt") << "mine";
  auto summary = InitSite(Options(site_, true), clock_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message(), site_.string() + " is not empty");
  EXPECT_EQ(Read(site_ / "notes.txt"), "mine");
  EXPECT_EQ(std::distance(fs::directory_iterator(site_), fs::directory_iterator()), 1);
}

TEST_F(CommandsTest, InitRefusesAFile) {
  std::ofstream(site_) << "x";
  auto summary = InitSite(Options(site_, false), clock_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message(), site_.string() + " exists and is not a folder");
}

TEST_F(CommandsTest, InitFailsCleanlyUnderAFile) {
  std::ofstream(tmp_ / "file") << "x";
  auto summary = InitSite(Options(tmp_ / "file/site", false), clock_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_TRUE(
      summary.error().message().starts_with("cannot create " + (tmp_ / "file/site").string()))
      << summary.error().message();
}

TEST_F(CommandsTest, InitRemovesWhatItCreatedWhenItFails) {
  // A folder path so long that the folder can be made but no file inside it (PATH_MAX is 4096).
  fs::path dir = tmp_ / "deep";
  while (dir.string().size() < 4000) dir /= std::string(200, 'd');
  dir /= std::string(4080 - dir.string().size() - 1, 'e');
  ASSERT_EQ(dir.string().size(), 4080u);

  auto summary = InitSite(Options(dir, false), clock_);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), base::ErrorCode::kUnavailable) << summary.error().message();
  EXPECT_FALSE(fs::exists(tmp_ / "deep"));
  EXPECT_TRUE(fs::exists(tmp_));
}

TEST_F(CommandsTest, CheckNamesAMissingFolderAndConfiguration) {
  EXPECT_EQ(CheckError(), "site folder not found: " + site_.string());
  fs::create_directory(site_);
  EXPECT_EQ(CheckError(), "configuration not found: " + (site_ / "gazette.toml").string());
}

TEST_F(CommandsTest, CheckNamesABadConfigurationLine) {
  ASSERT_TRUE(InitSite(Options(site_, false), clock_).has_value());
  std::ofstream(site_ / "gazette.toml", std::ios::app) << "\n[server]\nlisen = \"x\"\n";
  const std::string error = CheckError();
  EXPECT_TRUE(error.starts_with((site_ / "gazette.toml").string() + ":")) << error;
}

TEST_F(CommandsTest, CheckNamesAMissingDatabase) {
  ASSERT_TRUE(InitSite(Options(site_, false), clock_).has_value());
  fs::remove(site_ / "gazette.db");
  const std::string error = CheckError();
  EXPECT_NE(error.find((site_ / "gazette.db").string()), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(site_ / "gazette.db"));
}

TEST_F(CommandsTest, CheckNamesACorruptDatabase) {
  ASSERT_TRUE(InitSite(Options(site_, false), clock_).has_value());
  for (const char* name : {"gazette.db-wal", "gazette.db-shm"}) fs::remove(site_ / name);
  std::ofstream(site_ / "gazette.db", std::ios::trunc) << std::string(8192, 'x');
  const std::string error = CheckError();
  EXPECT_NE(error.find((site_ / "gazette.db").string()), std::string::npos) << error;
}

TEST_F(CommandsTest, CheckNamesTheHostAndPortOfAnUnreachablePostgresServer) {
  ASSERT_TRUE(InitSite(Options(site_, false), clock_).has_value());
  std::string config = Read(site_ / "gazette.toml");
  const std::string sqlite_url = "url = \"sqlite:gazette.db\"";
  ASSERT_NE(config.find(sqlite_url), std::string::npos);
  // Port 1 on loopback: nothing listens there, and connecting is refused at once.
  config.replace(config.find(sqlite_url), sqlite_url.size(),
                 "url = \"postgresql://gazette@127.0.0.1:1/site?connect_timeout=5\"");
  std::ofstream(site_ / "gazette.toml", std::ios::trunc) << config;
  const std::string error = CheckError();
  EXPECT_TRUE(error.starts_with("cannot reach the database at 127.0.0.1:1: ")) << error;
}

TEST_F(CommandsTest, CheckNamesAMissingTheme) {
  ASSERT_TRUE(InitSite(Options(site_, false), clock_).has_value());
  fs::remove_all(site_ / "themes/default");
  const std::string error = CheckError();
  EXPECT_NE(error.find((site_ / "themes/default").string()), std::string::npos) << error;
}

}  // namespace
}  // namespace gazette::app
