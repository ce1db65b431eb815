// The newsroom's templates and assets, built into the binary from src/admin/ui/.
#pragma once

#include <span>

#include "base/embedded_file.h"

namespace gazette::admin {

// Every file under src/admin/ui/ ("templates/layout.tpl", "assets/admin.css"), sorted by path.
std::span<const base::EmbeddedFile> AdminUiFiles();

}  // namespace gazette::admin
