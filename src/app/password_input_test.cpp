// Reading a new password from a pipe and from a real pseudo-terminal.
#include "app/password_input.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "auth/password.h"

namespace gazette::app {
namespace {

// The read end of a pipe that holds `input` and is then closed for writing. Owns its fd.
class InputPipe {
 public:
  explicit InputPipe(const std::string& input) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    EXPECT_EQ(write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
    close(fds[1]);
    fd_ = fds[0];
  }
  InputPipe(const InputPipe&) = delete;
  InputPipe& operator=(const InputPipe&) = delete;
  ~InputPipe() { close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

base::Result<std::string> FromPipe(const std::string& input) {
  InputPipe in(input);
  return ReadNewPassword(in.fd(), STDERR_FILENO, "unused prompt: ");
}

TEST(PasswordInputTest, APipeGivesOneLine) {
  EXPECT_EQ(FromPipe("correct horse\n").value_or("?"), "correct horse");
  EXPECT_EQ(FromPipe("correct horse\r\n").value_or("?"), "correct horse");
  EXPECT_EQ(FromPipe("no newline at the end").value_or("?"), "no newline at the end");
  EXPECT_EQ(FromPipe("first line\nsecond line\n").value_or("?"), "first line");
  EXPECT_EQ(FromPipe("  spaces kept  \n").value_or("?"), "  spaces kept  ");
  EXPECT_EQ(FromPipe("\n").value_or("?"), "");
}

TEST(PasswordInputTest, AnEmptyPipeIsNoPassword) {
  auto read = FromPipe("");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_EQ(read.error().message(), "no password given");
}

TEST(PasswordInputTest, ALongLineIsCutJustPastTheLimit) {
  auto read = FromPipe(std::string(10'000, 'x') + "\n");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), auth::kMaxPasswordBytes + 1);
  EXPECT_FALSE(auth::CheckPasswordRules(*read).has_value());
}

// A pseudo-terminal: the program reads and prompts on `terminal`, the test types on `keyboard`
// and reads what the screen would show from it. Owns both fds.
class PseudoTerminal {
 public:
  PseudoTerminal() {
    keyboard_ = posix_openpt(O_RDWR | O_NOCTTY);
    EXPECT_GE(keyboard_, 0);
    EXPECT_EQ(grantpt(keyboard_), 0);
    EXPECT_EQ(unlockpt(keyboard_), 0);
    terminal_ = open(ptsname(keyboard_), O_RDWR | O_NOCTTY);
    EXPECT_GE(terminal_, 0);
  }
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;
  ~PseudoTerminal() {
    close(terminal_);
    close(keyboard_);
  }

  int terminal() const { return terminal_; }

  void Type(const std::string& text) {
    EXPECT_EQ(write(keyboard_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }

  // Reads the screen until it ends with `text`; false if it does not within five seconds.
  bool WaitFor(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!screen_.ends_with(text)) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      pollfd ready{.fd = keyboard_, .events = POLLIN, .revents = 0};
      if (poll(&ready, 1, 100) <= 0) continue;
      char buffer[256];
      const ssize_t got = read(keyboard_, buffer, sizeof buffer);
      if (got > 0) screen_.append(buffer, static_cast<size_t>(got));
    }
    return true;
  }

  const std::string& screen() const { return screen_; }

 private:
  int keyboard_ = -1;
  int terminal_ = -1;
  std::string screen_;
};

bool EchoIsOn(int fd) {
  termios settings{};
  EXPECT_EQ(tcgetattr(fd, &settings), 0);
  return (settings.c_lflag & ECHO) != 0;
}

// Types `first` and `second` at the two prompts; the result, with the screen in `screen`.
base::Result<std::string> TypeTwice(const std::string& first, const std::string& second,
                                    std::string& screen) {
  PseudoTerminal pty;
  EXPECT_TRUE(EchoIsOn(pty.terminal()));
  base::Result<std::string> result = base::InternalError("not run");
  std::thread reader(
      [&] { result = ReadNewPassword(pty.terminal(), pty.terminal(), "Password for ann: "); });
  EXPECT_TRUE(pty.WaitFor("Password for ann: ")) << pty.screen();
  pty.Type(first + "\n");
  EXPECT_TRUE(pty.WaitFor("Repeat the password: ")) << pty.screen();
  pty.Type(second + "\n");
  reader.join();
  EXPECT_TRUE(EchoIsOn(pty.terminal()));
  screen = pty.screen();
  return result;
}

TEST(PasswordInputTest, ATerminalIsAskedTwiceWithoutEcho) {
  std::string screen;
  auto read = TypeTwice("s3cret-passphrase", "s3cret-passphrase", screen);
  ASSERT_TRUE(read.has_value()) << read.error().message();
  EXPECT_EQ(*read, "s3cret-passphrase");
  EXPECT_EQ(screen.find("s3cret"), std::string::npos) << screen;
  EXPECT_NE(screen.find("Password for ann: \r\nRepeat the password: "), std::string::npos)
      << screen;
}

TEST(PasswordInputTest, DifferentAnswersOnATerminalAreRefused) {
  std::string screen;
  auto read = TypeTwice("s3cret-passphrase", "s3cret-passphrasf", screen);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code(), base::ErrorCode::kInvalidArgument);
  EXPECT_EQ(read.error().message(), "the passwords do not match");
  EXPECT_EQ(screen.find("s3cret"), std::string::npos) << screen;
}

}  // namespace
}  // namespace gazette::app
