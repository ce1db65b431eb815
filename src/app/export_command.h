// `gazette export DIR OUT`: the whole site of the site folder DIR written to OUT as Markdown
// files, lead images and a manifest (see ingest/site_export.h).
#pragma once

#include <filesystem>

#include "base/result.h"
#include "ingest/site_export.h"

namespace gazette::app {

// Opens the site folder `dir` and exports it into `out`, which must be missing or an empty
// folder. Errors: those of OpenSiteStore (NotFound for a folder that is no site); Conflict
// "OUT is not empty" (checked before anything is read or written); those of ingest::ExportSite.
base::Result<ingest::ExportSummary> ExportSiteFolder(const std::filesystem::path& dir,
                                                     const std::filesystem::path& out);

}  // namespace gazette::app
