#include "app/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "auth/password.h"
#include "base/log.h"

namespace gazette::app {
namespace {

constexpr size_t kMaxLineBytes = auth::kMaxPasswordBytes + 1;

// Turns echo off on a terminal for as long as it lives (keeping the echo of the newline, so the
// cursor moves on), then restores the settings it found and drops any unread typing.
// Confined to one thread.
class EchoOff {
 public:
  explicit EchoOff(int fd) : fd_(fd) {
    if (tcgetattr(fd_, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    active_ = tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;
  ~EchoOff() {
    if (active_) tcsetattr(fd_, TCSAFLUSH, &saved_);
  }

  bool active() const { return active_; }

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

base::Error ReadError() {
  return base::Error(base::ErrorCode::kUnavailable,
                     std::string("cannot read the password: ") + std::strerror(errno));
}

// One line from `fd` without its "\n" (or "\r\n"); nullopt when the input ends before any byte.
// Reads one byte at a time so that nothing after the line is taken from the input.
base::Result<std::optional<std::string>> ReadLine(int fd) {
  std::string line;
  bool any = false;
  while (line.size() < kMaxLineBytes) {
    char c;
    const ssize_t got = read(fd, &c, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return base::Unexpected(ReadError());
    if (got == 0) break;
    any = true;
    if (c == '\n') break;
    line += c;
  }
  if (!any) return std::nullopt;
  if (line.ends_with('\r')) line.pop_back();
  return line;
}

base::Result<std::string> ReadRequiredLine(int fd) {
  auto line = ReadLine(fd);
  if (!line) return base::Unexpected(line.error());
  if (!*line) return base::InvalidArgumentError("no password given");
  return std::move(**line);
}

void Prompt(int fd, std::string_view text) { base::WriteWhole(fd, text); }

}  // namespace

base::Result<std::string> ReadNewPassword(int in_fd, int prompt_fd, std::string_view prompt) {
  if (!isatty(in_fd)) return ReadRequiredLine(in_fd);

  EchoOff echo_off(in_fd);
  if (!echo_off.active()) {
    return base::UnavailableError(std::string("cannot turn off echo on the terminal: ") +
                                  std::strerror(errno));
  }
  Prompt(prompt_fd, prompt);
  auto first = ReadRequiredLine(in_fd);
  if (!first) return first;
  Prompt(prompt_fd, "Repeat the password: ");
  auto second = ReadRequiredLine(in_fd);
  if (!second) return second;
  if (*first != *second) return base::InvalidArgumentError("the passwords do not match");
  return first;
}

}  // namespace gazette::app
