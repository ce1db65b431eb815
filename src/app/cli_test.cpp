// The command line as a user meets it: exit statuses and the exact lines printed.
#include "app/cli.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <initializer_list>
#include <regex>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

Outcome Gazette(std::initializer_list<std::string> args) {
  std::vector<std::string> storage = {"gazette"};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : storage) argv.push_back(arg.data());
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int status = RunCli(static_cast<int>(argv.size()), argv.data());
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  return {status, std::move(out), std::move(err)};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(setenv("GAZETTE_TEST_PASSWORD_COST", "minimum", 1), 0);
    site_ = (tmp_ / "site").string();
  }

  base::testing::TempDir temp_dir_{"gazette-cli-"};
  fs::path tmp_ = temp_dir_.path();
  std::string site_;
};

TEST_F(CliTest, PrintsTheVersion) {
  const Outcome outcome = Gazette({"--version"});
  EXPECT_EQ(outcome.status, 0);
  EXPECT_EQ(outcome.out, "gazette " GAZETTE_VERSION "\n");
}

TEST_F(CliTest, HelpOnEveryCommandSucceeds) {
  for (const char* command : {"init", "serve", "check"}) {
    const Outcome outcome = Gazette({command, "--help"});
    EXPECT_EQ(outcome.status, 0) << command;
    EXPECT_NE(outcome.out.find("DIR"), std::string::npos) << outcome.out;
  }
}

TEST_F(CliTest, UsageErrorsExitWithOne) {
  EXPECT_EQ(Gazette({}).status, 1);
  EXPECT_EQ(Gazette({"publish"}).status, 1);
  EXPECT_EQ(Gazette({"check"}).status, 1);
  EXPECT_EQ(Gazette({"serve", site_, "--threads", "many"}).status, 1);
}

TEST_F(CliTest, InitThenCheck) {
  const Outcome init = Gazette({"init", site_});
  EXPECT_EQ(init.status, 0) << init.err;
  const std::regex expected("Created site in " + site_ +
                            ": 0 sections, 0 authors, 0 articles\n"
                            "Admin account: admin@localhost / password: [a-zA-Z0-9]{20}  "
                            "\\(shown only this once\\)\n"
                            "Serve it with: gazette serve " +
                            site_ + "\n");
  EXPECT_TRUE(std::regex_match(init.out, expected)) << init.out;
  const Outcome check = Gazette({"check", site_});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_EQ(check.out, "ok: " + site_ + "\n");
}

TEST_F(CliTest, FailuresAreOneLineOnStandardError) {
  const Outcome missing = Gazette({"check", site_});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err, "gazette: site folder not found: " + site_ + "\n");

  const Outcome serve_missing = Gazette({"serve", site_, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(serve_missing.status, 1);
  EXPECT_EQ(serve_missing.err, "gazette: site folder not found: " + site_ + "\n");

  ASSERT_EQ(Gazette({"init", site_}).status, 0);
  const Outcome again = Gazette({"init", "--demo", site_});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(again.err, "gazette: " + site_ + " is not empty\n");

  const Outcome bad_listen = Gazette({"serve", site_, "--listen", "8080"});
  EXPECT_EQ(bad_listen.status, 1);
  EXPECT_EQ(bad_listen.err, "gazette: --listen: must be HOST:PORT, not '8080'\n");
}

}  // namespace
}  // namespace gazette::app
