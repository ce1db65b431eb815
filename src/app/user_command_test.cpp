// `gazette user ...` and init's admin account, run in-process through the command line against
// real site folders, with passwords given on standard input (a pipe).
#include "app/user_command.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/password_cost.h"
#include "auth/password.h"
#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;
using content::Role;
using content::User;

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

// Makes fd 0 read `input` from a pipe for as long as it lives, then restores it.
class StandardInput {
 public:
  explicit StandardInput(const std::string& input) : saved_(dup(STDIN_FILENO)) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    EXPECT_EQ(write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
    close(fds[1]);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
  }
  StandardInput(const StandardInput&) = delete;
  StandardInput& operator=(const StandardInput&) = delete;
  ~StandardInput() {
    dup2(saved_, STDIN_FILENO);
    close(saved_);
  }

 private:
  int saved_;
};

// Runs `gazette ARGS...` in-process with `input` on standard input.
Outcome Gazette(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), "gazette");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  StandardInput in(input);
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int status = RunCli(static_cast<int>(argv.size()), argv.data());
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  return {status, std::move(out), std::move(err)};
}

// A password source that counts how often it is asked.
PasswordSource Counting(int& calls) {
  return [&calls]() -> base::Result<std::string> {
    ++calls;
    return std::string("a-good-long-password");
  };
}

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(setenv("GAZETTE_TEST_PASSWORD_COST", "minimum", 1), 0);
    site_ = (tmp_ / "site").string();
  }

  // Runs `gazette init SITE ARGS...`; the admin password it printed.
  std::string Init(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"init", site_});
    const Outcome init = Gazette(args);
    EXPECT_EQ(init.status, 0) << init.err;
    std::smatch match;
    const std::regex line("Admin account: (\\S+) / password: (\\S+)  \\(shown only this once\\)\n");
    EXPECT_TRUE(std::regex_search(init.out, match, line)) << init.out;
    return match.size() == 3 ? match[2].str() : "";
  }

  std::unique_ptr<store::Store> Store() {
    auto store = store::OpenSqliteStore(site_ + "/gazette.db");
    EXPECT_TRUE(store.has_value()) << store.error().message();
    return store ? std::move(*store) : nullptr;
  }

  User MustGetUser(const std::string& email) {
    auto user = Store()->GetUserByEmail(email);
    EXPECT_TRUE(user.has_value()) << email;
    return user.value_or(User{});
  }

  void AddSession(int64_t user_id, char digit) {
    auto added = Store()->CreateSession({.token_hash = std::string(64, digit),
                                         .user_id = user_id,
                                         .csrf_token = "csrf",
                                         .expires_at = base::Seconds::max()});
    ASSERT_TRUE(added.has_value()) << added.error().message();
  }

  bool HasSession(char digit) {
    return Store()->GetSession(std::string(64, digit), base::Seconds{}).has_value();
  }

  // A failure: exit status 1, nothing on stdout, exactly `message` as one line on stderr.
  void ExpectFailure(const Outcome& outcome, const std::string& message) {
    EXPECT_EQ(outcome.status, 1);
    EXPECT_EQ(outcome.out, "");
    EXPECT_EQ(outcome.err, "gazette: " + message + "\n");
  }

  base::testing::TempDir temp_dir_{"gazette-users-"};
  fs::path tmp_ = temp_dir_.path();
  std::string site_;
};

TEST_F(UserCommandTest, InitPrintsTheAdminPasswordOnceAndItVerifies) {
  const Outcome init = Gazette({"init", site_, "--admin-email", "chief@example.com"});
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_EQ(init.err, "");
  std::smatch match;
  const std::regex line(
      "Admin account: chief@example.com / password: ([a-zA-Z0-9]{20})  "
      "\\(shown only this once\\)\n");
  ASSERT_TRUE(std::regex_search(init.out, match, line)) << init.out;
  const std::string password = match[1].str();
  EXPECT_EQ(init.out.find(password), init.out.rfind(password)) << "printed more than once";

  const User admin = MustGetUser("chief@example.com");
  EXPECT_EQ(admin.role, Role::kAdmin);
  EXPECT_TRUE(auth::VerifyPassword(admin.password_hash, password));
  EXPECT_EQ(admin.password_hash.find(password), std::string::npos);
  EXPECT_FALSE(auth::NeedsRehash(admin.password_hash, auth::PasswordCost::kMinimum));

  const Outcome list = Gazette({"user", "list", site_});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(list.out.find(password), std::string::npos);
}

TEST_F(UserCommandTest, InitMakesDifferentPasswordsAndDefaultsToAdminAtLocalhost) {
  const std::string first = Init();
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("admin@localhost").password_hash, first));
  fs::remove_all(site_);
  const std::string second = Init();
  EXPECT_NE(first, second);
}

TEST_F(UserCommandTest, InitRefusesABadAdminEmail) {
  ExpectFailure(Gazette({"init", site_, "--admin-email", "chief at example.com"}),
                "the email address 'chief at example.com' contains a space or a control "
                "character");
  EXPECT_FALSE(fs::exists(site_));
}

TEST_F(UserCommandTest, AddTakesThePasswordFromStandardInput) {
  Init();
  const Outcome add =
      Gazette({"user", "add", site_, "--role", "editor", "--name", "Ann Lee", "ann@example.com"},
              "ann's password\n");
  EXPECT_EQ(add.status, 0) << add.err;
  EXPECT_EQ(add.out, "Added editor ann@example.com (Ann Lee)\n");
  EXPECT_EQ(add.err, "");

  const User ann = MustGetUser("ann@example.com");
  EXPECT_EQ(ann.name, "Ann Lee");
  EXPECT_EQ(ann.role, Role::kEditor);
  EXPECT_FALSE(ann.disabled);
  EXPECT_TRUE(auth::VerifyPassword(ann.password_hash, "ann's password"));
  EXPECT_FALSE(auth::VerifyPassword(ann.password_hash, "ann's password\n"));
}

TEST_F(UserCommandTest, AddWithoutANameUsesTheEmailsUser) {
  Init();
  const Outcome add =
      Gazette({"user", "add", site_, "--role", "contributor", "bo.b@example.com"}, "bob-password");
  EXPECT_EQ(add.status, 0) << add.err;
  EXPECT_EQ(add.out, "Added contributor bo.b@example.com (bo.b)\n");
  EXPECT_EQ(MustGetUser("bo.b@example.com").role, Role::kContributor);
}

TEST_F(UserCommandTest, AddCanGenerateThePasswordAndShowItOnce) {
  Init();
  const Outcome add = Gazette({"user", "add", site_, "--role", "admin", "--generate", "x@y.org"});
  ASSERT_EQ(add.status, 0) << add.err;
  std::smatch match;
  const std::regex expected(
      "Added admin x@y.org \\(x\\)\n"
      "Password for x@y.org: ([a-zA-Z0-9]{20})  \\(shown only this once\\)\n");
  ASSERT_TRUE(std::regex_match(add.out, match, expected)) << add.out;
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("x@y.org").password_hash, match[1].str()));
}

TEST_F(UserCommandTest, ListShowsEveryAccountByEmail) {
  Init({"--admin-email", "chief@example.com"});
  ASSERT_EQ(
      Gazette({"user", "add", site_, "--role", "editor", "--name", "Zoë Ann", "Ann@example.com"},
              "ann-password")
          .status,
      0);
  ASSERT_EQ(
      Gazette({"user", "add", site_, "--role", "contributor", "bob@example.com"}, "bob-password")
          .status,
      0);
  ASSERT_EQ(Gazette({"user", "disable", site_, "bob@example.com"}).status, 0);

  const Outcome list = Gazette({"user", "list", site_});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(list.out,
            "EMAIL              NAME     ROLE         DISABLED\n"
            "Ann@example.com    Zoë Ann  editor       no\n"
            "bob@example.com    bob      contributor  yes\n"
            "chief@example.com  chief    admin        no\n");
}

TEST_F(UserCommandTest, PasswdSetsANewPasswordAndEndsThatUsersSessions) {
  Init();
  ASSERT_EQ(
      Gazette({"user", "add", site_, "--role", "editor", "ann@example.com"}, "old password").status,
      0);
  const int64_t ann = MustGetUser("ann@example.com").id;
  const int64_t admin = MustGetUser("admin@localhost").id;
  AddSession(ann, '1');
  AddSession(ann, '2');
  AddSession(admin, 'a');

  const Outcome passwd = Gazette({"user", "passwd", site_, "ANN@example.com"}, "new password\n");
  EXPECT_EQ(passwd.status, 0) << passwd.err;
  EXPECT_EQ(passwd.out, "Changed the password of ANN@example.com; ended 2 sessions\n");
  const User changed = MustGetUser("ann@example.com");
  EXPECT_TRUE(auth::VerifyPassword(changed.password_hash, "new password"));
  EXPECT_FALSE(auth::VerifyPassword(changed.password_hash, "old password"));
  EXPECT_EQ(changed.role, Role::kEditor);
  EXPECT_FALSE(HasSession('1'));
  EXPECT_FALSE(HasSession('2'));
  EXPECT_TRUE(HasSession('a'));

  const Outcome generated = Gazette({"user", "passwd", site_, "--generate", "ann@example.com"});
  EXPECT_EQ(generated.status, 0) << generated.err;
  std::smatch match;
  const std::regex expected(
      "Changed the password of ann@example.com; ended 0 sessions\n"
      "Password for ann@example.com: ([a-zA-Z0-9]{20})  \\(shown only this once\\)\n");
  ASSERT_TRUE(std::regex_match(generated.out, match, expected)) << generated.out;
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("ann@example.com").password_hash, match[1].str()));
}

TEST_F(UserCommandTest, DisableEndsSessionsAndEnableLetsTheUserBackIn) {
  Init();
  ASSERT_EQ(
      Gazette({"user", "add", site_, "--role", "editor", "ann@example.com"}, "ann-password").status,
      0);
  AddSession(MustGetUser("ann@example.com").id, '1');

  const Outcome disable = Gazette({"user", "disable", site_, "ann@example.com"});
  EXPECT_EQ(disable.status, 0) << disable.err;
  EXPECT_EQ(disable.out, "Disabled ann@example.com; ended 1 session\n");
  EXPECT_TRUE(MustGetUser("ann@example.com").disabled);
  EXPECT_FALSE(HasSession('1'));
  EXPECT_EQ(Gazette({"user", "disable", site_, "ann@example.com"}).out,
            "Disabled ann@example.com; ended 0 sessions\n");

  AddSession(MustGetUser("ann@example.com").id, '2');
  EXPECT_FALSE(HasSession('2')) << "a disabled user's session must not be valid";
  const Outcome enable = Gazette({"user", "enable", site_, "ann@example.com"});
  EXPECT_EQ(enable.status, 0) << enable.err;
  EXPECT_EQ(enable.out, "Enabled ann@example.com\n");
  EXPECT_FALSE(MustGetUser("ann@example.com").disabled);
  EXPECT_TRUE(HasSession('2'));
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("ann@example.com").password_hash, "ann-password"));
}

TEST_F(UserCommandTest, FailuresAreOneLineAndChangeNothing) {
  Init();
  ASSERT_EQ(
      Gazette({"user", "add", site_, "--role", "editor", "ann@example.com"}, "ann-password").status,
      0);
  const std::string before = Gazette({"user", "list", site_}).out;

  ExpectFailure(
      Gazette({"user", "add", site_, "--role", "editor", "ANN@example.com"}, "password-2"),
      "user 'ANN@example.com' already exists");
  ExpectFailure(Gazette({"user", "add", site_, "--role", "owner", "bob@example.com"}, "password-2"),
                "role must be 'contributor', 'editor' or 'admin', not 'owner'");
  ExpectFailure(Gazette({"user", "add", site_, "--role", "editor", "bob@example.com"}, "short\n"),
                "the password must be at least 10 characters long");
  ExpectFailure(Gazette({"user", "add", site_, "--role", "editor", "bob@example.com"}, ""),
                "no password given");
  ExpectFailure(
      Gazette({"user", "add", site_, "--role", "editor", "bob@@example.com"}, "password-2"),
      "the email address 'bob@@example.com' must have one '@' with text on both sides");
  ExpectFailure(
      Gazette({"user", "add", site_, "--role", "editor", std::string(250, 'b') + "@x.org"},
              "password-2"),
      "the email address is longer than 254 bytes");
  ExpectFailure(
      Gazette({"user", "add", site_, "--role", "editor", "--name", "Bob\nLee", "bob@example.com"},
              "password-2"),
      "the name must not contain control characters");
  for (const char* command : {"passwd", "disable", "enable"}) {
    ExpectFailure(Gazette({"user", command, site_, "nobody@example.com"}, "password-2"),
                  "no user 'nobody@example.com'");
  }
  ExpectFailure(Gazette({"user", "passwd", site_, "ann@example.com"}, "short\n"),
                "the password must be at least 10 characters long");

  EXPECT_EQ(Gazette({"user", "list", site_}).out, before);
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("ann@example.com").password_hash, "ann-password"));

  const std::string missing = (tmp_ / "missing").string();
  ExpectFailure(Gazette({"user", "list", missing}), "site folder not found: " + missing);
  EXPECT_EQ(Gazette({"user", "add", site_, "ann@example.com"}).status, 1) << "--role is required";
  EXPECT_EQ(Gazette({"user"}).status, 1);
}

TEST_F(UserCommandTest, HelpOnEveryUserCommandSucceeds) {
  for (const char* command : {"add", "passwd", "list", "disable", "enable"}) {
    const Outcome help = Gazette({"user", command, "--help"});
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("DIR"), std::string::npos) << help.out;
  }
}

// The password is asked for only when the command can otherwise succeed.
TEST_F(UserCommandTest, NoPasswordIsAskedForACommandBoundToFail) {
  Init();
  const base::SystemClock clock;
  int calls = 0;
  const auto cost = auth::PasswordCost::kMinimum;
  ASSERT_TRUE(AddUser(site_, {.email = "ann@example.com"}, Counting(calls), cost, clock));
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(AddUser(site_, {.email = "Ann@Example.com"}, Counting(calls), cost, clock));
  EXPECT_FALSE(AddUser(site_, {.email = "not-an-email"}, Counting(calls), cost, clock));
  EXPECT_FALSE(
      AddUser(tmp_ / "missing", {.email = "bob@example.com"}, Counting(calls), cost, clock));
  EXPECT_FALSE(ChangePassword(site_, "nobody@example.com", Counting(calls), cost));
  EXPECT_EQ(calls, 1);
}

TEST_F(UserCommandTest, TheCostComesFromTheTestOnlyVariable) {
  EXPECT_EQ(PasswordCostForThisProcess(), auth::PasswordCost::kMinimum);
  ASSERT_EQ(setenv("GAZETTE_TEST_PASSWORD_COST", "cheap", 1), 0);
  EXPECT_EQ(PasswordCostForThisProcess(), auth::PasswordCost::kInteractive);
  ASSERT_EQ(unsetenv("GAZETTE_TEST_PASSWORD_COST"), 0);
  EXPECT_EQ(PasswordCostForThisProcess(), auth::PasswordCost::kInteractive);

  // Without the variable the command line hashes at the interactive cost.
  const std::string password = Init();
  EXPECT_FALSE(auth::NeedsRehash(MustGetUser("admin@localhost").password_hash,
                                 auth::PasswordCost::kInteractive));
  EXPECT_TRUE(auth::VerifyPassword(MustGetUser("admin@localhost").password_hash, password));
}

TEST(UserTableTest, ColumnsLineUpByCharacters) {
  const std::vector<User> users = {{.email = "é@x.fr", .name = "Ådne", .role = Role::kAdmin},
                                   {.email = "long.address@example.com",
                                    .name = "B",
                                    .role = Role::kContributor,
                                    .disabled = true}};
  EXPECT_EQ(FormatUserTable(users),
            "EMAIL                     NAME  ROLE         DISABLED\n"
            "é@x.fr                    Ådne  admin        no\n"
            "long.address@example.com  B     contributor  yes\n");
  EXPECT_EQ(FormatUserTable({}), "EMAIL  NAME  ROLE  DISABLED\n");
}

}  // namespace
}  // namespace gazette::app
