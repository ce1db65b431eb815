#include "app/migrate_db_cli.h"

#include <iostream>

#include "app/cli_output.h"
#include "app/config.h"
#include "store/sqlite_to_postgres.h"

namespace gazette::app {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";

}  // namespace

MigrateDbCli::MigrateDbCli(CLI::App& app) {
  command_ = app.add_subcommand(
      "migrate-db", "Move a whole site from its SQLite file to an empty PostgreSQL database");
  command_->add_option("--from", from_, "The site's database, sqlite:PATH")->required();
  command_->add_option("--to", to_, "The new database, postgresql://USER@HOST:PORT/NAME")
      ->required();
}

int MigrateDbCli::Run() const {
  if (!from_.starts_with(kSqliteScheme) || from_.size() == kSqliteScheme.size()) {
    return Fail(base::Error(
        base::ErrorCode::kInvalidArgument,
        "--from must be sqlite:PATH, such as sqlite:site/gazette.db; got '" + from_ + "'"));
  }
  if (!IsPostgresUrl(to_)) {
    return Fail(base::Error(base::ErrorCode::kInvalidArgument,
                            "--to must be postgresql://USER@HOST:PORT/NAME; got '" + to_ + "'"));
  }
  const std::string path = from_.substr(kSqliteScheme.size());
  auto report = store::CopySqliteToPostgres(path, to_, [](const store::CopiedTable& table) {
    std::cerr << "  " << table.name << ": " << table.rows << std::endl;
  });
  if (!report) return Fail(report.error());
  int64_t rows = 0;
  for (const store::CopiedTable& table : report->tables) rows += table.rows;
  std::cout << "Moved " << Count(rows, "row") << " in " << Count(report->tables.size(), "table")
            << " to PostgreSQL, every count checked; " << Count(report->sessions_dropped, "session")
            << " dropped (sign in again)."
            << "\nServe from it: set database.url in gazette.toml to the --to URL." << std::endl;
  return 0;
}

}  // namespace gazette::app
