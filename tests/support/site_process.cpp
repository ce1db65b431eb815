#include "support/site_process.h"

#include <csignal>
#include <regex>
#include <thread>

namespace gazette::support {

std::string GazetteBinary() { return GAZETTE_TEST_BINARY; }
std::string DemoSourceDir() { return GAZETTE_TEST_DEMO_DIR; }

base::Result<ProcessOutput> RunGazette(const std::vector<std::string>& args,
                                       const Environment& env) {
  std::vector<std::string> argv{GazetteBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, env);
}

namespace {

base::Result<std::string> Init(std::vector<std::string> args) {
  // The admin account init creates is hashed at the cheapest argon2id cost: these sites only
  // live for one test.
  auto run = RunGazette(args, {{"GAZETTE_TEST_PASSWORD_COST", "minimum"}});
  if (!run) {
    return base::Unexpected(run.error());
  }
  if (run->exit_code != 0) {
    std::string command = "gazette";
    for (const std::string& arg : args) command += " " + arg;
    return base::InternalError(command + " exited " + std::to_string(run->exit_code) + ": " +
                               run->err);
  }
  return run->out;
}

// `gazette init`'s arguments for a site in `dir`, with --database unless `database_url` is empty.
std::vector<std::string> InitArgs(bool demo, const std::string& dir,
                                  const std::string& database_url) {
  std::vector<std::string> args{"init"};
  if (demo) args.push_back("--demo");
  if (!database_url.empty()) {
    args.push_back("--database");
    args.push_back(database_url);
  }
  args.push_back(dir);
  return args;
}

// Starts `gazette serve SITE_DIR` on an ephemeral port, its output in files of `out_dir`.
base::Result<ChildProcess> Serve(const std::string& site_dir, const Environment& env, int threads,
                                 const base::testing::TempDir& out_dir) {
  return ChildProcess::Spawn({GazetteBinary(), "serve", site_dir, "--listen", "127.0.0.1:0",
                              "--threads", std::to_string(threads)},
                             env, (out_dir.path() / "serve.out").string(),
                             (out_dir.path() / "serve.err").string());
}

}  // namespace

base::Result<std::string> InitDemoSite(const std::string& dir, const std::string& database_url) {
  return Init(InitArgs(true, dir, database_url));
}

base::Result<std::string> InitEmptySite(const std::string& dir, const std::string& database_url) {
  return Init(InitArgs(false, dir, database_url));
}

base::Result<std::unique_ptr<SiteProcess>> SiteProcess::Start(const SiteOptions& options) {
  std::unique_ptr<store::PostgresHarness> database;
  if (options.backend == Backend::kPostgres) {
    auto server = options.postgres_server.empty() ? store::PostgresTestServer()
                                                  : std::optional(options.postgres_server);
    if (!server) return base::UnavailableError(std::string(store::kPostgresSkipped));
    database = store::PostgresHarness::Create(*server);
    if (!database) return base::InternalError("cannot make a PostgreSQL database for the site");
  }
  const std::string database_url = database ? database->url() : "";
  base::testing::TempDir dir("gazette-site-");
  const std::string site_dir = (dir.path() / "site").string();
  auto made =
      options.demo ? InitDemoSite(site_dir, database_url) : InitEmptySite(site_dir, database_url);
  if (!made) return base::Unexpected(made.error());
  std::smatch account;
  if (!std::regex_search(*made, account, std::regex("Admin account: (\\S+) / password: (\\S+)"))) {
    return base::InternalError("gazette init printed no admin account: " + *made);
  }
  if (options.before_serve) {
    if (auto prepared = options.before_serve(site_dir); !prepared) {
      return base::Unexpected(prepared.error());
    }
  }
  auto child = Serve(site_dir, options.env, options.threads, dir);
  if (!child) {
    return base::Unexpected(child.error());
  }
  auto site = std::make_unique<SiteProcess>(std::move(database), std::move(dir), std::move(*child));
  site->site_dir_ = site_dir;
  site->admin_email_ = account[1];
  site->admin_password_ = account[2];
  if (auto started = site->AwaitServingLine(options.start_timeout); !started) {
    return base::Unexpected(started.error());
  }
  return site;
}

base::Result<std::unique_ptr<SiteProcess>> SiteProcess::StartAnotherNode(
    const Environment& env, int threads, std::chrono::seconds start_timeout) const {
  base::testing::TempDir dir("gazette-node-");
  auto child = Serve(site_dir_, env, threads, dir);
  if (!child) return base::Unexpected(child.error());
  auto node = std::make_unique<SiteProcess>(nullptr, std::move(dir), std::move(*child));
  node->site_dir_ = site_dir_;
  node->admin_email_ = admin_email_;
  node->admin_password_ = admin_password_;
  if (auto started = node->AwaitServingLine(start_timeout); !started) {
    return base::Unexpected(started.error());
  }
  return node;
}

base::Status SiteProcess::AwaitServingLine(std::chrono::seconds timeout) {
  const std::regex pattern("gazette: serving (.+) at http://127\\.0\\.0\\.1:([0-9]+)/");
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string out = Stdout();
    size_t end = out.find('\n');
    if (end != std::string::npos) {
      serving_line_ = out.substr(0, end);
      std::smatch match;
      if (!std::regex_match(serving_line_, match, pattern) || match[1] != site_dir_) {
        return base::InternalError("unexpected first line from gazette serve: '" + serving_line_ +
                                   "'");
      }
      port_ = static_cast<uint16_t>(std::stoi(match[2]));
      return base::Ok();
    }
    if (auto code = child_.WaitFor(std::chrono::milliseconds(20))) {
      return base::InternalError("gazette serve exited " + std::to_string(*code) +
                                 " before listening: " + Stderr());
    }
  }
  return base::InternalError("gazette serve printed no 'serving' line within " +
                             std::to_string(timeout.count()) + " s; stderr: " + Stderr());
}

SiteProcess::~SiteProcess() {
  if (!child_.WaitFor(std::chrono::milliseconds(0))) {
    child_.Signal(SIGTERM);
    child_.WaitFor(std::chrono::seconds(20));
  }
}

base::Result<int> SiteProcess::Stop(std::chrono::seconds timeout) {
  child_.Signal(SIGTERM);
  if (auto code = child_.WaitFor(timeout)) {
    return *code;
  }
  return base::UnavailableError("gazette serve still running " + std::to_string(timeout.count()) +
                                " s after SIGTERM");
}

std::string SiteProcess::Stdout() const {
  return ReadFile((dir_.path() / "serve.out").string()).value_or("");
}

std::string SiteProcess::Stderr() const {
  return ReadFile((dir_.path() / "serve.err").string()).value_or("");
}

}  // namespace gazette::support
