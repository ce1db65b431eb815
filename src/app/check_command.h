// `gazette check DIR`: verifies that a site folder can be served.
#pragma once

#include <filesystem>

#include "base/result.h"

namespace gazette::app {

// Validates `dir`/gazette.toml (with the environment applied), opens the database without
// creating it, checks its integrity and schema version, and loads the theme with its assets.
// Returns Ok when `gazette serve` would start; else the first problem found, its message naming
// the path (errors as for OpenSiteFolder and Store::CheckIntegrity, whose messages name the
// database file).
base::Status CheckSite(const std::filesystem::path& dir);

}  // namespace gazette::app
