// Runs the real `gazette` binary for integration tests: a demo site made by `gazette init --demo`
// in a fresh temporary folder (on SQLite, or on a fresh PostgreSQL database), served by
// `gazette serve` on an ephemeral port of 127.0.0.1.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "base/testing/temp_dir.h"
#include "store/testing/postgres_harness.h"
#include "support/backend.h"
#include "support/child_process.h"
#include "support/files.h"

namespace gazette::support {

// The gazette binary under test and the repository's demo/ folder (set by CMake).
std::string GazetteBinary();
std::string DemoSourceDir();

// Runs `gazette ARGS...` to completion.
base::Result<ProcessOutput> RunGazette(const std::vector<std::string>& args,
                                       const Environment& env = {});

// Runs `gazette init --demo DIR` (with `--database URL` unless `database_url` is empty);
// Internal with the command's stderr if it fails. Returns what it printed on standard output.
base::Result<std::string> InitDemoSite(const std::string& dir,
                                       const std::string& database_url = "");
// The same without --demo: a site with no content but its admin account.
base::Result<std::string> InitEmptySite(const std::string& dir,
                                        const std::string& database_url = "");

struct SiteOptions {
  bool demo = true;  // false: an empty site (`gazette init` without --demo)
  // kPostgres: the site lives in a new database of the GAZETTE_TEST_POSTGRES_URL server (Start
  // fails without one: check BackendAvailable first), dropped again with the SiteProcess.
  Backend backend = Backend::kSqlite;
  // The server (postgresql://USER@HOST:PORT/) of a kPostgres site; empty for the one
  // GAZETTE_TEST_POSTGRES_URL names.
  std::string postgres_server;
  Environment env;  // extra GAZETTE_* variables for `serve`
  // Runs between `init` and `serve` with the site folder, to change the site while no server
  // runs; an error stops Start.
  std::function<base::Status(const std::string& site_dir)> before_serve;
  int threads = 2;                         // --threads
  std::chrono::seconds start_timeout{30};  // for init and for the "serving" line
};

// A site (the demo, unless SiteOptions::demo is false) being served. The destructor stops the
// server (SIGTERM, then SIGKILL if it has not exited after 20 s) and removes the folder and the
// PostgreSQL database. Not safe for concurrent use.
class SiteProcess {
 public:
  // Makes the site and starts the server; returns once it printed its "serving" line.
  // Internal (with the server's stderr) if either step fails or the line does not come in time.
  static base::Result<std::unique_ptr<SiteProcess>> Start(const SiteOptions& options = {});

  // Takes over a server already started in `dir` on `database` (null on SQLite), what Start
  // does; prefer Start.
  SiteProcess(std::unique_ptr<store::PostgresHarness> database, base::testing::TempDir dir,
              ChildProcess child)
      : database_(std::move(database)), dir_(std::move(dir)), child_(std::move(child)) {}
  SiteProcess(const SiteProcess&) = delete;
  SiteProcess& operator=(const SiteProcess&) = delete;
  ~SiteProcess();

  // Starts another `gazette serve` of this site's folder, and so of its database, as a second
  // node of a site on PostgreSQL runs; its output goes to a folder of its own. `env` as
  // SiteOptions::env. This site must outlive it. Fails as Start does.
  base::Result<std::unique_ptr<SiteProcess>> StartAnotherNode(
      const Environment& env = {}, int threads = 2,
      std::chrono::seconds start_timeout = std::chrono::seconds(30)) const;

  uint16_t port() const { return port_; }
  const std::string& site_dir() const { return site_dir_; }
  // The first admin's email and password, as `gazette init` printed them.
  const std::string& admin_email() const { return admin_email_; }
  const std::string& admin_password() const { return admin_password_; }
  // The one line the server printed when it started listening, without the newline.
  const std::string& serving_line() const { return serving_line_; }

  // Sends SIGTERM and waits up to `timeout`. The exit code; Unavailable if still running.
  base::Result<int> Stop(std::chrono::seconds timeout = std::chrono::seconds(20));

  // What the server has written to stdout and stderr so far.
  std::string Stdout() const;
  std::string Stderr() const;

 private:
  base::Status AwaitServingLine(std::chrono::seconds timeout);

  // Declared first so that it is dropped last, once the server has gone.
  std::unique_ptr<store::PostgresHarness> database_;
  base::testing::TempDir dir_;
  ChildProcess child_;
  std::string site_dir_;
  std::string serving_line_;
  std::string admin_email_;
  std::string admin_password_;
  uint16_t port_ = 0;
};

}  // namespace gazette::support
