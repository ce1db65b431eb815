#include "support/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <thread>

#include "base/testing/temp_dir.h"
#include "support/files.h"

extern char** environ;

namespace gazette::support {
namespace {

// environ with `overrides` applied, as owned strings.
std::vector<std::string> MergedEnvironment(const Environment& overrides) {
  std::vector<std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    std::string_view name = text.substr(0, text.find('='));
    bool replaced = false;
    for (const auto& override_entry : overrides) {
      replaced = replaced || override_entry.first == name;
    }
    if (!replaced) {
      merged.emplace_back(text);
    }
  }
  for (const auto& [key, value] : overrides) {
    merged.push_back(key + "=" + value);
  }
  return merged;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) {
    pointers.push_back(s.data());
  }
  pointers.push_back(nullptr);
  return pointers;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return -1;
}

}  // namespace

base::Result<ChildProcess> ChildProcess::Spawn(const std::vector<std::string>& argv,
                                               const Environment& env,
                                               const std::string& stdout_path,
                                               const std::string& stderr_path) {
  if (argv.empty()) {
    return base::InvalidArgumentError("no program to start");
  }
  std::vector<std::string> args = argv;
  std::vector<std::string> vars = MergedEnvironment(env);
  std::vector<char*> arg_pointers = Pointers(args);
  std::vector<char*> var_pointers = Pointers(vars);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, arg_pointers.data(),
                       var_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    return base::InternalError("cannot start " + args[0] + ": " + std::strerror(rc));
  }
  return ChildProcess(pid);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), exit_code_(other.exit_code_) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    KillAndReap();
    pid_ = std::exchange(other.pid_, -1);
    exit_code_ = other.exit_code_;
  }
  return *this;
}

ChildProcess::~ChildProcess() { KillAndReap(); }

void ChildProcess::KillAndReap() {
  if (pid_ > 0 && !exit_code_) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = DecodeStatus(status);
  }
}

void ChildProcess::Signal(int signal) const {
  if (pid_ > 0 && !exit_code_) {
    kill(pid_, signal);
  }
}

std::optional<int> ChildProcess::WaitFor(std::chrono::milliseconds timeout) {
  if (exit_code_ || pid_ <= 0) {
    return exit_code_;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = DecodeStatus(status);
      return exit_code_;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

base::Result<ProcessOutput> RunProcess(const std::vector<std::string>& argv, const Environment& env,
                                       std::chrono::seconds timeout) {
  const base::testing::TempDir dir("gazette-run-");
  const std::string out_path = (dir.path() / "stdout").string();
  const std::string err_path = (dir.path() / "stderr").string();
  auto child = ChildProcess::Spawn(argv, env, out_path, err_path);
  if (!child) {
    return base::Unexpected(child.error());
  }
  std::optional<int> code = child->WaitFor(timeout);
  if (!code) {
    return base::UnavailableError(argv[0] + " did not finish within " +
                                  std::to_string(timeout.count()) + " s");
  }
  ProcessOutput output;
  output.exit_code = *code;
  output.out = ReadFile(out_path).value_or("");
  output.err = ReadFile(err_path).value_or("");
  return output;
}

}  // namespace gazette::support
