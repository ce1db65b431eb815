#include "app/user_cli.h"

#include <unistd.h>

#include <iostream>

#include "app/cli_output.h"
#include "app/password_cost.h"
#include "app/password_input.h"
#include "app/user_command.h"
#include "auth/password.h"
#include "base/clock.h"

namespace gazette::app {
namespace {

// The password for `email`: generated (and kept in `generated`, to be shown once the command
// succeeds) or read from standard input.
PasswordSource PasswordFor(const std::string& email, bool generate, std::string& generated) {
  if (generate) {
    return [&generated]() -> base::Result<std::string> {
      auto password = auth::GeneratePassword();
      if (password) generated = *password;
      return password;
    };
  }
  return [email] {
    return ReadNewPassword(STDIN_FILENO, STDERR_FILENO, "Password for " + email + ": ");
  };
}

void ShowGenerated(const std::string& email, const std::string& password) {
  if (password.empty()) return;
  std::cout << "Password for " << email << ": " << password << "  (shown only this once)\n";
}

}  // namespace

UserCli::UserCli(CLI::App& app) {
  user_ = app.add_subcommand("user", "Manage the newsroom's accounts");
  user_->require_subcommand(1);
  const auto add_dir = [this](CLI::App* command) {
    command->add_option("DIR", dir_, "The site folder")->required();
  };
  const auto add_email = [this](CLI::App* command) {
    command->add_option("EMAIL", email_, "The account's email address")->required();
  };

  add_ = user_->add_subcommand("add", "Add an account; its password is asked for");
  add_dir(add_);
  add_->add_option("--role", role_, "contributor, editor or admin")->required();
  add_->add_option("--name", name_, "The name shown to colleagues (default: the email's user)");
  add_->add_flag("--generate", generate_, "Generate a password and print it once");
  add_email(add_);

  passwd_ = user_->add_subcommand("passwd", "Set a new password and end the user's sessions");
  add_dir(passwd_);
  passwd_->add_flag("--generate", generate_, "Generate a password and print it once");
  add_email(passwd_);

  list_ = user_->add_subcommand("list", "List the accounts");
  add_dir(list_);

  disable_ = user_->add_subcommand("disable", "Stop an account signing in; end its sessions");
  add_dir(disable_);
  add_email(disable_);

  enable_ = user_->add_subcommand("enable", "Let a disabled account sign in again");
  add_dir(enable_);
  add_email(enable_);
}

int UserCli::Run() const {
  if (add_->parsed()) return RunAdd();
  if (passwd_->parsed()) return RunPasswd();
  if (list_->parsed()) return RunList();
  return RunSetDisabled(disable_->parsed());
}

int UserCli::RunAdd() const {
  auto role = content::ParseRole(role_);
  if (!role) return Fail(role.error());
  std::string generated;
  const base::SystemClock clock;
  auto user =
      AddUser(dir_, {.email = email_, .name = name_, .role = *role},
              PasswordFor(email_, generate_, generated), PasswordCostForThisProcess(), clock);
  if (!user) return Fail(user.error());
  std::cout << "Added " << content::RoleName(user->role) << " " << user->email << " (" << user->name
            << ")\n";
  ShowGenerated(user->email, generated);
  std::cout << std::flush;
  return 0;
}

int UserCli::RunPasswd() const {
  std::string generated;
  auto ended = ChangePassword(dir_, email_, PasswordFor(email_, generate_, generated),
                              PasswordCostForThisProcess());
  if (!ended) return Fail(ended.error());
  std::cout << "Changed the password of " << email_ << "; ended " << Count(*ended, "session")
            << "\n";
  ShowGenerated(email_, generated);
  std::cout << std::flush;
  return 0;
}

int UserCli::RunList() const {
  auto users = ListAccounts(dir_);
  if (!users) return Fail(users.error());
  std::cout << FormatUserTable(*users) << std::flush;
  return 0;
}

int UserCli::RunSetDisabled(bool disabled) const {
  auto ended = SetUserDisabled(dir_, email_, disabled);
  if (!ended) return Fail(ended.error());
  if (disabled) {
    std::cout << "Disabled " << email_ << "; ended " << Count(*ended, "session") << std::endl;
  } else {
    std::cout << "Enabled " << email_ << std::endl;
  }
  return 0;
}

}  // namespace gazette::app
