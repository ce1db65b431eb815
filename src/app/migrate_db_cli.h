// The `gazette migrate-db --from sqlite:PATH --to postgresql://...` command line: moves a whole
// site from its SQLite file to an empty PostgreSQL database and says what it moved.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace gazette::app {

// Registers `migrate-db` on a CLI11 app and runs it. Holds the parsed values, so it must outlive
// the parse; not copyable; used from one thread.
class MigrateDbCli {
 public:
  explicit MigrateDbCli(CLI::App& app);
  MigrateDbCli(const MigrateDbCli&) = delete;
  MigrateDbCli& operator=(const MigrateDbCli&) = delete;

  bool parsed() const { return command_->parsed(); }

  // Copies, printing one line per table on standard error and the summary on standard output.
  // Returns the exit status: 0, or 1 after one line "gazette: ..." on standard error (the target
  // is then left as it was). REQUIRES: parsed().
  int Run() const;

 private:
  CLI::App* command_;
  std::string from_;
  std::string to_;
};

}  // namespace gazette::app
