#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>

#include "app/bench_data_command.h"
#include "app/check_command.h"
#include "app/cli_output.h"
#include "app/config.h"
#include "app/export_command.h"
#include "app/import_cli.h"
#include "app/init_command.h"
#include "app/migrate_db_cli.h"
#include "app/password_cost.h"
#include "app/serve_command.h"
#include "app/user_cli.h"
#include "auth/password.h"
#include "base/clock.h"

namespace gazette::app {
namespace {

// Creates the site with a generated admin password, which it prints this once.
int RunInit(InitOptions options) {
  auto password = auth::GeneratePassword();
  if (!password) return Fail(password.error());
  options.admin_password = *password;
  options.password_cost = PasswordCostForThisProcess();
  const base::SystemClock clock;
  auto summary = InitSite(options, clock);
  if (!summary) return Fail(summary.error());
  const std::string dir = options.dir.string();
  std::cout << "Created site in " << dir << ": " << Count(summary->sections, "section") << ", "
            << Count(summary->authors, "author") << ", " << Count(summary->articles, "article")
            << "\nAdmin account: " << options.admin_email
            << " / password: " << options.admin_password << "  (shown only this once)"
            << "\nServe it with: gazette serve " << dir << std::endl;
  return 0;
}

// Creates a site with a generated admin password, printed this once, and fills it with
// synthetic articles, showing progress on standard error.
int RunBenchData(BenchDataOptions options, const std::string& articles, const std::string& seed) {
  auto count = ParseArticleCount(articles);
  if (!count) return Fail(count.error());
  options.articles = *count;
  if (!seed.empty()) {
    auto parsed = ParseSeed(seed);
    if (!parsed) return Fail(parsed.error());
    options.seed = *parsed;
  }
  auto password = auth::GeneratePassword();
  if (!password) return Fail(password.error());
  options.init.admin_password = *password;
  options.init.password_cost = PasswordCostForThisProcess();
  const base::SystemClock clock;
  auto summary = FillBenchSite(options, clock, std::cerr);
  if (!summary) return Fail(summary.error());
  const std::string dir = options.init.dir.string();
  std::cout << "Created site in " << dir << ": " << Count(summary->articles, "article") << " in "
            << static_cast<int64_t>(summary->seconds * 10) / 10.0 << " s ("
            << static_cast<int64_t>(static_cast<double>(summary->articles) /
                                    std::max(summary->seconds, 1e-3))
            << " a second)"
            << "\nAdmin account: " << options.init.admin_email
            << " / password: " << options.init.admin_password << "  (shown only this once)"
            << "\nServe it with: gazette serve " << dir << std::endl;
  return 0;
}

int RunServe(const std::string& dir, const ConfigFlags& flags) {
  auto served = Serve(dir, flags, std::cout);
  return served ? 0 : Fail(served.error());
}

int RunExport(const std::string& dir, const std::string& out) {
  auto summary = ExportSiteFolder(dir, out);
  if (!summary) return Fail(summary.error());
  std::cout << "Exported " << Count(summary->articles, "article") << ", "
            << Count(summary->sections, "section") << ", " << Count(summary->authors, "author")
            << ", " << Count(summary->partners, "partner") << ", " << Count(summary->tags, "tag")
            << " and " << Count(summary->media, "lead image") << " to " << out << std::endl;
  return 0;
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
  init->add_option("--admin-email", init_options.admin_email,
                   "The first admin's email; its password is printed once (default: " +
                       init_options.admin_email + ")");
  init->add_option("--database", init_options.database_url,
                   "Make the site in this database, postgresql://USER:PASSWORD@HOST:PORT/NAME, "
                   "which must not hold a site yet (default: a SQLite file in DIR)")
      ->envname("GAZETTE_DATABASE_URL");
  init->add_option("DIR", init_options.dir, "The folder to create (missing or empty)")->required();

  std::string serve_dir;
  std::string listen;
  BenchDataOptions bench_options;
  std::string bench_articles, bench_seed;
  CLI::App* bench_data = app.add_subcommand(
      "bench-data", "Create a site folder filled with synthetic articles, for benchmarks");
  bench_data
      ->add_option("--articles", bench_articles,
                   "How many articles, 1 to " + std::to_string(kMaxBenchArticles))
      ->required();
  bench_data->add_option("--seed", bench_seed,
                         "Seed of the made-up content; the same seed gives the same articles "
                         "(default: 1)");
  bench_data->add_option("--admin-email", bench_options.init.admin_email,
                         "The first admin's email; its password is printed once (default: " +
                             bench_options.init.admin_email + ")");
  bench_data->add_option("DIR", bench_options.init.dir, "The folder to create (missing or empty)")
      ->required();

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

  std::string export_dir;
  std::string export_out;
  CLI::App* export_command =
      app.add_subcommand("export", "Write the whole site as Markdown files and a manifest");
  export_command->add_option("DIR", export_dir, "The site folder")->required();
  export_command->add_option("OUT", export_out, "The folder to write (missing or empty)")
      ->required();

  const UserCli user(app);
  const ImportCli import(app);
  const MigrateDbCli migrate_db(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 1;
  }

  if (init->parsed()) return RunInit(init_options);
  if (bench_data->parsed()) return RunBenchData(bench_options, bench_articles, bench_seed);
  if (serve->parsed()) {
    ConfigFlags flags;
    if (listen_option->count() > 0) flags.listen = listen;
    if (threads_option->count() > 0) flags.threads = threads;
    return RunServe(serve_dir, flags);
  }
  if (user.parsed()) return user.Run();
  if (export_command->parsed()) return RunExport(export_dir, export_out);
  if (import.parsed()) return import.Run();
  if (migrate_db.parsed()) return migrate_db.Run();
  return RunCheck(check_dir);
}

}  // namespace gazette::app
