#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "app/check_command.h"
#include "app/config.h"
#include "app/init_command.h"
#include "app/serve_command.h"
#include "base/clock.h"

namespace gazette::app {
namespace {

int Fail(const base::Error& error) {
  std::cerr << "gazette: " << error.message() << std::endl;
  return 1;
}

std::string Count(int n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

int RunInit(const InitOptions& options) {
  const base::SystemClock clock;
  auto summary = InitSite(options, clock);
  if (!summary) return Fail(summary.error());
  const std::string dir = options.dir.string();
  std::cout << "Created site in " << dir << ": " << Count(summary->sections, "section") << ", "
            << Count(summary->authors, "author") << ", " << Count(summary->articles, "article")
            << "\nServe it with: gazette serve " << dir << std::endl;
  return 0;
}

int RunServe(const std::string& dir, const ConfigFlags& flags) {
  auto served = Serve(dir, flags, std::cout);
  return served ? 0 : Fail(served.error());
}

int RunCheck(const std::string& dir) {
  auto checked = CheckSite(dir);
  if (!checked) return Fail(checked.error());
  std::cout << "ok: " << dir << std::endl;
  return 0;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app("Gazette: a publishing platform for news and analysis magazines.", "gazette");
  app.set_version_flag("--version", "gazette " GAZETTE_VERSION);
  app.require_subcommand(1);

  InitOptions init_options;
  CLI::App* init = app.add_subcommand("init", "Create a site folder ready to serve");
  init->add_flag("--demo", init_options.demo, "Fill it with the demo magazine");
  init->add_option("DIR", init_options.dir, "The folder to create (missing or empty)")->required();

  std::string serve_dir;
  std::string listen;
  int threads = 0;
  CLI::App* serve = app.add_subcommand("serve", "Serve a site folder until SIGINT or SIGTERM");
  serve->add_option("DIR", serve_dir, "The site folder")->required();
  CLI::Option* listen_option = serve->add_option(
      "--listen", listen, "Address to listen on, HOST:PORT or [IPV6]:PORT (port 0: any free)");
  CLI::Option* threads_option =
      serve->add_option("--threads", threads, "Worker threads (0: one per core)");

  std::string check_dir;
  CLI::App* check = app.add_subcommand("check", "Check that a site folder can be served");
  check->add_option("DIR", check_dir, "The site folder")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 1;
  }

  if (init->parsed()) return RunInit(init_options);
  if (serve->parsed()) {
    ConfigFlags flags;
    if (listen_option->count() > 0) flags.listen = listen;
    if (threads_option->count() > 0) flags.threads = threads;
    return RunServe(serve_dir, flags);
  }
  return RunCheck(check_dir);
}

}  // namespace gazette::app
