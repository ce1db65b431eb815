// The command line as a user meets it: exit statuses and the exact lines printed.
#include "app/cli.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
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

// A WordPress export with one post, one page and one post whose date does not parse.
constexpr char kExport[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old Blog</title>
<link>https://old.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Kept</title><dc:creator>ada</dc:creator><content:encoded>Text.</content:encoded><wp:post_id>7</wp:post_id><wp:post_date>2020-02-02 10:00:00</wp:post_date><wp:post_name>kept</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>About</title><wp:post_id>8</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
<item><title>Bad</title><content:encoded>B.</content:encoded><wp:post_id>9</wp:post_id><wp:post_date>soon</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel>
</rss>
)";

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

TEST_F(CliTest, ImportWxrReportsWhatItDidAndExitsWithTwoWhenItemsFailed) {
  ASSERT_EQ(Gazette({"init", site_}).status, 0);
  const std::string file = (tmp_ / "export.xml").string();
  std::ofstream(file) << kExport;

  const Outcome first = Gazette({"import", "wxr", site_, file});
  EXPECT_EQ(first.status, 2) << first.err;
  EXPECT_EQ(first.out, "Imported 1, updated 0, skipped 1, failed 1\n  " + file +
                           ":9: post 9: its wp:post_date 'soon' is not a date\n");
  EXPECT_EQ(first.err, "") << "no progress bar when standard error is not a terminal";

  const Outcome second = Gazette({"import", "wxr", site_, file});
  EXPECT_EQ(second.status, 2);
  EXPECT_TRUE(second.out.starts_with("Imported 0, updated 0, skipped 2, failed 1\n")) << second.out;
}

TEST_F(CliTest, ImportWxrOfAFileThatCannotBeReadExitsWithOne) {
  ASSERT_EQ(Gazette({"init", site_}).status, 0);
  const std::string file = (tmp_ / "broken.xml").string();
  std::ofstream(file) << "<rss>\n<channel>\n<item>\n</rss>\n";
  const Outcome broken = Gazette({"import", "wxr", site_, file});
  EXPECT_EQ(broken.status, 1);
  EXPECT_EQ(broken.out, "");
  EXPECT_TRUE(broken.err.starts_with("gazette: " + file + ":4: not well-formed XML: "))
      << broken.err;

  const Outcome missing = Gazette({"import", "wxr", site_, (tmp_ / "none.xml").string()});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "gazette: cannot read " + (tmp_ / "none.xml").string() + "\n");
}

}  // namespace
}  // namespace gazette::app
