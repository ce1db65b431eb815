// Files built into the binary, so that an installed `gazette` works from any folder: the default
// theme (copied into each new site) and the demo magazine (loaded by `gazette init --demo`).
#pragma once

#include <span>
#include <string_view>

#include "base/embedded_file.h"

namespace gazette::app {

using base::EmbeddedFile;

// Every file under themes/default/ in the source tree when the binary was built, sorted by
// path. The spans and their strings live as long as the program.
std::span<const EmbeddedFile> DefaultThemeFiles();

// Every file under demo/ (site.toml, articles/*.md, ...), sorted by path.
std::span<const EmbeddedFile> DemoBundleFiles();

}  // namespace gazette::app
