#include "app/import_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gazette::app {
namespace {

TEST(ImportReportTest, TheSummaryCountsThenNamesEachFailure) {
  ingest::ImportSummary summary{.imported = 3, .updated = 1, .skipped = 2};
  EXPECT_EQ(FormatImportSummary(summary), "Imported 3, updated 1, skipped 2, failed 0\n");
  EXPECT_EQ(ImportExitStatus(summary), 0);

  summary.failures = {{.source = "export.xml:49: post 103", .reason = "its date is bad"},
                      {.source = "export.xml:60: post 104", .reason = "it has no title"}};
  EXPECT_EQ(FormatImportSummary(summary),
            "Imported 3, updated 1, skipped 2, failed 2\n"
            "  export.xml:49: post 103: its date is bad\n"
            "  export.xml:60: post 104: it has no title\n");
  EXPECT_EQ(ImportExitStatus(summary), 2);
}

TEST(ImportReportTest, TheProgressBarIsDrawnInPlaceAndErased) {
  std::ostringstream out;
  const std::string last = "[##############################] 100%  4/4";
  {
    ImportProgress progress(out, true);
    progress.Update(1, 4);
    EXPECT_EQ(out.str(), "\r[#######.......................]  25%  1/4");
    progress.Update(4, 4);
    EXPECT_TRUE(out.str().ends_with("\r" + last)) << out.str();
  }
  const std::string erase = "\r" + std::string(last.size(), ' ') + "\r";
  EXPECT_TRUE(out.str().ends_with(erase)) << "the destructor erased it";
}

TEST(ImportReportTest, NoBarUnlessEnabled) {
  std::ostringstream out;
  ImportProgress progress(out, false);
  progress.Update(1, 2);
  progress.Update(2, 2);
  progress.Finish();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace gazette::app
