#include "app/import_cli.h"

#include <unistd.h>

#include <iostream>

#include "app/cli_output.h"
#include "app/import_report.h"
#include "app/wxr_import_command.h"

namespace gazette::app {

ImportCli::ImportCli(CLI::App& app) {
  import_ = app.add_subcommand("import", "Import articles from another site into a site folder");
  import_->require_subcommand(1);

  wxr_ = import_->add_subcommand(
      "wxr", "Import a WordPress export (WXR); running it again only adds what changed");
  wxr_->add_option("DIR", dir_, "The site folder")->required();
  wxr_->add_option("FILE", file_, "The export, from WordPress's Tools > Export")->required();

  markdown_ = import_->add_subcommand(
      "markdown", "Import a folder of Markdown files (Hugo, Jekyll, or a Gazette export)");
  markdown_->add_option("DIR", markdown_import_.dir, "The site folder")->required();
  markdown_->add_option("SRC", markdown_import_.src, "The folder to import")->required();
  markdown_->add_option("--author", markdown_import_.options.default_author,
                        "The author of files that name none (without it they fail)");
  markdown_->add_option("--section", markdown_import_.options.default_section,
                        "The section of files that name none and lie in no section folder "
                        "(default: " +
                            markdown_import_.options.default_section + ")");
}

int ImportCli::Run() const {
  if (markdown_->parsed()) {
    return RunMarkdownImport(markdown_import_, std::cout, std::cerr, IsTerminal(STDERR_FILENO));
  }
  return RunWxr();
}

int ImportCli::RunWxr() const {
  ImportProgress progress(std::cerr, IsTerminal(STDERR_FILENO));
  auto summary = ImportWxrFile(dir_, file_,
                               [&progress](int done, int total) { progress.Update(done, total); });
  progress.Finish();
  if (!summary) return Fail(summary.error());
  std::cout << FormatImportSummary(*summary) << std::flush;
  return ImportExitStatus(*summary);
}

}  // namespace gazette::app
