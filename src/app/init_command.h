// `gazette init [--demo] DIR`: creates a site folder ready for `gazette serve`.
#pragma once

#include <filesystem>

#include "base/clock.h"
#include "base/result.h"
#include "ingest/site_bundle.h"

namespace gazette::app {

struct InitOptions {
  std::filesystem::path dir;  // created if missing; if it exists it must be an empty folder
  bool demo = false;          // load the demo magazine built into the binary
};

// Creates `dir` with gazette.toml (every key at its default; with `demo`, the demo's site name
// and tagline), gazette.db, media/ and themes/default/ (the theme built into the binary). With
// `demo` it loads the demo bundle, dating its articles back from clock.Now().
// Returns what was loaded (all zero without `demo`). On failure everything it created is
// removed again. Errors: Conflict "DIR is not empty" (or not a folder); Unavailable when a file
// cannot be written; the store's and the bundle loader's errors as they come.
base::Result<ingest::BundleSummary> InitSite(const InitOptions& options, const base::Clock& clock);

}  // namespace gazette::app
