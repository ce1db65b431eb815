// What every `gazette import ...` prints: a progress bar on standard error while it works (on a
// terminal only), then the summary of what it imported, updated, skipped and could not import.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "ingest/article_importer.h"

namespace gazette::app {

// A one-line bar, "[#######.............]  35%  350/1000", redrawn in place with '\r' when what
// it shows changes, at most every 100 ms and always for the last item. Draws nothing unless
// `enabled`: a bar in a log file or a pipe is noise.
// Borrows `out`, which must outlive it; used from one thread.
class ImportProgress {
 public:
  ImportProgress(std::ostream& out, bool enabled);

  // Shows that `done` of `total` items are through. REQUIRES: 0 <= done <= total.
  void Update(int done, int total);
  // Erases the bar, so that what follows starts on a clean line. Called by the destructor too.
  void Finish();
  ~ImportProgress();

  ImportProgress(const ImportProgress&) = delete;
  ImportProgress& operator=(const ImportProgress&) = delete;

 private:
  std::ostream& out_;
  bool enabled_;
  std::string shown_;  // the bar as last drawn; empty: none on screen
  std::chrono::steady_clock::time_point drawn_at_;
};

// Whether `fd` is a terminal, where a progress bar belongs.
bool IsTerminal(int fd);

// "Imported 3, updated 1, skipped 2, failed 1\n  export.xml:49: post 103: its ...\n": the counts,
// then one indented line per failure, "SOURCE: REASON", in the order they happened.
std::string FormatImportSummary(const ingest::ImportSummary& summary);

// The exit status of an import that ran to its end: 0 when nothing failed, 2 when some items
// could not be imported (the others were). An import that could not run at all exits with 1.
int ImportExitStatus(const ingest::ImportSummary& summary);

}  // namespace gazette::app
