#include "app/import_report.h"

#include <unistd.h>

#include <algorithm>

namespace gazette::app {
namespace {

constexpr int kBarWidth = 30;
constexpr std::chrono::milliseconds kRedrawEvery{100};

}  // namespace

ImportProgress::ImportProgress(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

ImportProgress::~ImportProgress() { Finish(); }

void ImportProgress::Update(int done, int total) {
  if (!enabled_ || total <= 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && !shown_.empty() && now - drawn_at_ < kRedrawEvery) return;
  const int filled = static_cast<int>(static_cast<int64_t>(done) * kBarWidth / total);
  const int percent = static_cast<int>(static_cast<int64_t>(done) * 100 / total);
  std::string bar = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
  const std::string percent_text = std::to_string(percent);
  bar += std::string(3 - std::min<size_t>(3, percent_text.size()), ' ') + percent_text + "%  " +
         std::to_string(done) + "/" + std::to_string(total);
  if (bar == shown_) return;
  out_ << '\r' << bar << std::flush;
  shown_ = std::move(bar);
  drawn_at_ = now;
}

void ImportProgress::Finish() {
  if (shown_.empty()) return;
  out_ << '\r' << std::string(shown_.size(), ' ') << '\r' << std::flush;
  shown_.clear();
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

std::string FormatImportSummary(const ingest::ImportSummary& summary) {
  std::string text = "Imported " + std::to_string(summary.imported) + ", updated " +
                     std::to_string(summary.updated) + ", skipped " +
                     std::to_string(summary.skipped) + ", failed " +
                     std::to_string(summary.failures.size()) + "\n";
  for (const ingest::ImportFailure& failure : summary.failures) {
    text += "  " + failure.source + ": " + failure.reason + "\n";
  }
  return text;
}

int ImportExitStatus(const ingest::ImportSummary& summary) {
  return summary.failures.empty() ? 0 : 2;
}

}  // namespace gazette::app
