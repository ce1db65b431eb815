// What the command line prints besides each command's own lines: a failure as one line on
// standard error, and counted nouns ("1 section", "3 sessions").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"

namespace gazette::app {

// Writes "gazette: MESSAGE" and a newline to standard error; returns 1, the exit status.
int Fail(const base::Error& error);

// "N NOUN", with an "s" added unless N is 1.
std::string Count(int64_t n, std::string_view noun);

}  // namespace gazette::app
