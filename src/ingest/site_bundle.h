// Loads a site bundle — a site.toml (site settings, sections, authors, partners) plus
// articles/*.md with TOML front matter — into a store. The demo magazine is one such bundle.
#pragma once

#include <map>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"

namespace gazette::ingest {

// File contents by path relative to the bundle's root ("site.toml", "articles/01-x.md").
using BundleFiles = std::map<std::string, std::string>;

struct BundleSummary {
  int sections = 0;
  int authors = 0;
  int partners = 0;
  int articles = 0;
};

// Writes the bundle into `store`. Article dates given as `age_hours` count back from `now`.
// Errors: InvalidArgument naming the file, line and field for malformed input; store errors as
// they come. What was stored before a failure stays stored.
base::Result<BundleSummary> LoadSiteBundle(store::Store& store, const BundleFiles& files,
                                           base::Seconds now);

}  // namespace gazette::ingest
