// The command line of `gazette`: init, serve, check, user, import, --version and --help on each.
#pragma once

namespace gazette::app {

// Parses the arguments, runs the command they name and returns the process exit status: 0 on
// success, 1 on any failure, after one line "gazette: <what went wrong>" on standard error; an
// import that ran but could not import some items exits with 2 (import_report.h).
// Exceptions other than CLI11's parse errors pass through to the caller.
int RunCli(int argc, char** argv);

}  // namespace gazette::app
