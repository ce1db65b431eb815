// Writing files whole: a folder with its parents, and a file replaced by the given bytes.
#pragma once

#include <filesystem>
#include <string_view>

#include "base/result.h"

namespace gazette::base {

// Creates `dir` and any missing parents; an existing folder is no error. Unavailable naming the
// folder and the reason otherwise.
Status CreateFolders(const std::filesystem::path& dir);

// Writes `contents` to `path`, replacing what was there, after creating its folder. Unavailable
// naming the file and the reason when it cannot be written.
Status WriteWholeFile(const std::filesystem::path& path, std::string_view contents);

}  // namespace gazette::base
