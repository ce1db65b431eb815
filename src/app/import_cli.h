// The `gazette import` command line: `import wxr DIR FILE` (a WordPress export) and
// `import markdown DIR SRC` (Hugo, Jekyll, or a Gazette export), their arguments, and what they
// print. Each format is one subcommand of `import`, registered here, sharing the
// progress bar and summary of import_report.h.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/markdown_import_command.h"

namespace gazette::app {

// Registers `import` and its subcommands on a CLI11 app and runs the one the arguments named.
// Holds the parsed values, so it must outlive the parse; not copyable; used from one thread.
class ImportCli {
 public:
  explicit ImportCli(CLI::App& app);
  ImportCli(const ImportCli&) = delete;
  ImportCli& operator=(const ImportCli&) = delete;

  // Whether the arguments named `import`.
  bool parsed() const { return import_->parsed(); }

  // Runs the subcommand that was parsed: a progress bar on standard error when it is a terminal,
  // then the summary on standard output. Returns the exit status: ImportExitStatus of the
  // summary (0, or 2 when some items failed), or 1 after one line "gazette: ..." on standard
  // error when nothing could be imported. REQUIRES: parsed().
  int Run() const;

 private:
  int RunWxr() const;

  CLI::App* import_;
  CLI::App* wxr_;
  CLI::App* markdown_;
  MarkdownImportCommand markdown_import_;

  std::string dir_;
  std::string file_;
};

}  // namespace gazette::app
