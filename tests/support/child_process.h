// Starting programs from tests: a running child whose output goes to files, and a helper that
// runs a command to completion and returns its exit code and output.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace gazette::support {

// Variables set for the child on top of the test's own environment (replacing same names).
using Environment = std::vector<std::pair<std::string, std::string>>;

// A process started with posix_spawn: stdin is /dev/null, stdout and stderr go to files.
// Owns the process: the destructor kills it (SIGKILL) and reaps it if it is still running.
// Movable, not copyable; not safe for concurrent use.
class ChildProcess {
 public:
  // `argv[0]` is the program's path. Internal if it cannot be started.
  static base::Result<ChildProcess> Spawn(const std::vector<std::string>& argv,
                                          const Environment& env, const std::string& stdout_path,
                                          const std::string& stderr_path);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }

  // Sends `signal` unless the process was already reaped.
  void Signal(int signal) const;

  // Waits up to `timeout` for the process to end. Its exit code (128 + N when killed by
  // signal N), or nullopt while it is still running. Once reaped, returns the same code again.
  std::optional<int> WaitFor(std::chrono::milliseconds timeout);

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  void KillAndReap();

  pid_t pid_ = -1;                // -1 once moved from
  std::optional<int> exit_code_;  // set once reaped
};

struct ProcessOutput {
  int exit_code = -1;  // 128 + N when killed by signal N
  std::string out;     // everything written to stdout
  std::string err;     // everything written to stderr
};

// Runs `argv` to completion. Unavailable if it did not end within `timeout` (it is killed);
// Internal if it could not be started.
base::Result<ProcessOutput> RunProcess(const std::vector<std::string>& argv,
                                       const Environment& env = {},
                                       std::chrono::seconds timeout = std::chrono::seconds(60));

}  // namespace gazette::support
