// gazette.toml: the settings of one site folder, with their defaults, and how they are read.
// Precedence, highest first: command-line flag > environment variable > file > default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/listen_address.h"
#include "base/result.h"

namespace gazette::app {

// Whether a database.url names a PostgreSQL database rather than an SQLite file.
inline bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// Every field mirrors the key of the same name in gazette.toml ([site] name -> site.name).
struct Config {
  struct Site {
    std::string name = "Gazette";  // masthead and page titles; not empty
    std::string tagline;           // shown under the masthead
    // Public base URL used in canonical links and feeds; starts with http:// or https://.
    std::string url = "http://127.0.0.1:8080";
    std::string language = "en";  // the pages' lang attribute; not empty
    int articles_per_page = 10;   // on listing pages; 1..100
  } site;

  struct Server {
    ListenAddress listen;    // written "HOST:PORT" or "[IPV6]:PORT"; default 127.0.0.1:8080
    int threads = 0;         // worker threads; 0 means one per core; 0..1024
    bool access_log = true;  // one line per request on standard output
  } server;

  struct Database {
    // "sqlite:PATH", a relative PATH being relative to the site folder; or a PostgreSQL URL,
    // "postgresql://USER:PASSWORD@HOST:PORT/NAME?OPTIONS" (libpq's, "postgres://" too), which
    // any number of nodes may share.
    std::string url = "sqlite:gazette.db";
  } database;

  struct Theme {
    std::string name = "default";  // a folder under <site>/themes/; a plain name, no '/'
  } theme;

  struct Limits {
    int64_t header_bytes = 16384;  // request line + headers; 1024..1048576
    int64_t body_bytes = 1048576;  // request body; 0..1073741824
    // an uploaded image (a multipart/form-data body); 1024..1073741824
    int64_t upload_bytes = 16 * 1048576;
    int idle_timeout_seconds = 30;     // idle keep-alive connections are closed; 1..3600
    int request_timeout_seconds = 15;  // a request must be read within this; 1..3600
  } limits;

  struct Cache {
    // The page cache's size: kept reader pages in all their encodings; 0 turns it off.
    // 0..68719476736 (64 GiB)
    int64_t memory_bytes = 64 * 1048576;
    int max_age_seconds = 60;  // a kept page is rendered again after this; 1..86400
  } cache;
};

// Values given on the command line; each one set overrides the file and the environment.
struct ConfigFlags {
  std::optional<std::string> listen;  // --listen HOST:PORT
  std::optional<int> threads;         // --threads N
};

// Looks up an environment variable; nullopt when it is not set.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment (std::getenv).
std::optional<std::string> ProcessEnvironment(const std::string& name);

// Parses the text of a gazette.toml; keys it leaves out keep their defaults. `source` names the
// text in messages (a path). Errors (InvalidArgument), each a line a person can act on:
//   "SOURCE:3:7: <syntax error>"                 the TOML does not parse
//   "SOURCE:12: unknown key 'server.lisen'"      also for unknown tables ('cdn')
//   "SOURCE:4: 'server.threads' must be an integer" / "... must be from 0 to 1024"
base::Result<Config> ParseConfig(std::string_view text, const std::string& source);

// Overrides `config` with each GAZETTE_<TABLE>_<KEY> variable that `lookup` finds
// (GAZETTE_SERVER_LISTEN, GAZETTE_DATABASE_URL, ...). A boolean is "true" or "false".
// Errors: InvalidArgument "environment variable GAZETTE_SERVER_THREADS: must be an integer".
base::Status ApplyEnvironment(Config& config, const EnvironmentLookup& lookup);

// Overrides `config` with the flags that are set.
// Errors: InvalidArgument "--threads: must be from 0 to 1024".
base::Status ApplyFlags(Config& config, const ConfigFlags& flags);

// Reads `site_dir`/gazette.toml, then applies the environment and the flags.
// Errors: NotFound "site folder not found: DIR" or "configuration not found: DIR/gazette.toml";
// Unavailable when the file cannot be read; InvalidArgument as for the functions above.
base::Result<Config> LoadConfig(const std::filesystem::path& site_dir, const ConfigFlags& flags,
                                const EnvironmentLookup& lookup = ProcessEnvironment);

// The file name of the configuration inside a site folder.
inline constexpr std::string_view kConfigFileName = "gazette.toml";

}  // namespace gazette::app
