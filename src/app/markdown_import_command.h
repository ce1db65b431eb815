// `gazette import markdown DIR SRC`: a folder of Markdown files (Hugo, Jekyll, or a Gazette
// export) imported into the site folder DIR, with the progress bar and summary every import
// prints (import_report.h). Lead images named by an export go through src/media like uploads.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "ingest/markdown_import.h"

namespace gazette::app {

struct MarkdownImportCommand {
  std::filesystem::path dir;  // the site folder
  std::filesystem::path src;  // the folder to import
  ingest::MarkdownImportOptions options;
};

// Runs the import: a progress bar on `progress_out` when `show_progress`, then on `out` what the
// manifest created (for an export) and the summary. Returns the exit status: 0 when every file
// was imported, 2 when some failed (the others were imported), 1 after one line "gazette: ..."
// on standard error when the import could not run (no such site or folder, a manifest that
// does not parse).
int RunMarkdownImport(const MarkdownImportCommand& command, std::ostream& out,
                      std::ostream& progress_out, bool show_progress);

}  // namespace gazette::app
