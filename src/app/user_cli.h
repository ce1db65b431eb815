// The `gazette user` command line: its subcommands add, passwd, list, disable and enable, their
// arguments, and the lines each prints.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace gazette::app {

// Registers `user` and its subcommands on a CLI11 app and runs the one the arguments named.
// Holds the parsed values, so it must outlive the parse; not copyable; used from one thread.
class UserCli {
 public:
  explicit UserCli(CLI::App& app);
  UserCli(const UserCli&) = delete;
  UserCli& operator=(const UserCli&) = delete;

  // Whether the arguments named `user`.
  bool parsed() const { return user_->parsed(); }

  // Runs the subcommand that was parsed: passwords come from standard input (asked without echo,
  // twice, on a terminal) unless --generate; results go to standard output. Returns the exit
  // status: 0, or 1 after one line "gazette: ..." on standard error. REQUIRES: parsed().
  int Run() const;

 private:
  int RunAdd() const;
  int RunPasswd() const;
  int RunList() const;
  int RunSetDisabled(bool disabled) const;

  CLI::App* user_;
  CLI::App* add_;
  CLI::App* passwd_;
  CLI::App* list_;
  CLI::App* disable_;
  CLI::App* enable_;

  std::string dir_;
  std::string email_;
  std::string role_;
  std::string name_;
  bool generate_ = false;
};

}  // namespace gazette::app
