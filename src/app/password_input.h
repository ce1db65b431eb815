// Reading a new password at the command line: asked twice without echo on a terminal, or taken
// as one line from a pipe or a file.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::app {

// Reads a new password from `in_fd`. When it is a terminal: writes `prompt` to `prompt_fd`, reads
// a line with echo turned off, asks "Repeat the password: " and reads a second line; the two must
// match. Echo is restored, and any unread typing discarded, before it returns. Otherwise: reads
// one line, up to '\n' or the end of the input, without a trailing "\r".
// At most auth::kMaxPasswordBytes + 1 bytes of a line are read, enough for the password rules
// (not checked here) to refuse a longer one.
// Errors: InvalidArgument "no password given" (the input ended first) or "the passwords do not
// match"; Unavailable when the input cannot be read or the terminal cannot be set.
base::Result<std::string> ReadNewPassword(int in_fd, int prompt_fd, std::string_view prompt);

}  // namespace gazette::app
