// `gazette init [--demo] [--admin-email EMAIL] [--database URL] DIR`: creates a site folder
// ready for `gazette serve`, with its first admin account.
#pragma once

#include <filesystem>
#include <string>

#include "auth/password.h"
#include "base/clock.h"
#include "base/result.h"
#include "ingest/site_bundle.h"

namespace gazette::app {

struct InitOptions {
  std::filesystem::path dir;  // created if missing; if it exists it must be an empty folder
  bool demo = false;          // load the demo magazine built into the binary
  // The first account, an admin, and its password (which must meet auth::CheckPasswordRules).
  std::string admin_email = "admin@localhost";
  std::string admin_password;
  auth::PasswordCost password_cost = auth::PasswordCost::kInteractive;
  // The site's database.url; empty for the default, a SQLite file in the folder. A
  // postgresql:// URL puts the site in that database, which must not hold a site yet.
  std::string database_url;
};

// Creates `dir` with gazette.toml (every key at its default, except: with `demo`, the demo's
// site name and tagline; database.url as given), the database (gazette.db by default, or the
// schema in the PostgreSQL database given), media/ and themes/default/ (the theme built into
// the binary), and the admin account. With `demo` it loads the demo bundle, dating its articles
// back from clock.Now().
// Returns what was loaded (all zero without `demo`). On failure everything it created in the
// folder is removed again (a PostgreSQL database keeps what was written to it). Errors:
// InvalidArgument for an admin email, password or database URL that is not allowed (found
// before anything is created); Conflict "DIR is not empty" (or not a folder), or "the database
// ... already holds a site" (articles or accounts: init never adds to them); Unavailable when a
// file cannot be written or the database server cannot be reached; the store's and the bundle
// loader's errors.
base::Result<ingest::BundleSummary> InitSite(const InitOptions& options, const base::Clock& clock);

}  // namespace gazette::app
