// Reading and writing whole files, for the tests.
#pragma once

#include <string>

#include "base/result.h"

namespace gazette::support {

// Reads a whole file. NotFound if it cannot be opened.
base::Result<std::string> ReadFile(const std::string& path);
// Replaces a file's contents. Internal if it cannot be written.
base::Status WriteFile(const std::string& path, const std::string& contents);

}  // namespace gazette::support
