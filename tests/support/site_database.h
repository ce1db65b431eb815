// The database of a site folder, whichever backend its gazette.toml names, for tests that change
// a site while no server runs (SiteOptions::before_serve).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace gazette::support {

// The database.url of `site_dir`/gazette.toml ("sqlite:gazette.db" or "postgresql://...").
base::Result<std::string> SiteDatabaseUrl(const std::string& site_dir);

// Opens the site's database (it must exist).
base::Result<std::unique_ptr<store::Store>> OpenSiteDatabase(const std::string& site_dir);

// Runs `sql`, which both backends understand, on the site's database, outside the Store
// interface: for the few changes a test needs that the Store has no method for.
base::Status ExecOnSiteDatabase(const std::string& site_dir, const std::string& sql);

}  // namespace gazette::support
