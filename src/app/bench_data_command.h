// `gazette bench-data DIR --articles N [--seed S] [--admin-email E]`: creates a site folder as
// `gazette init` does and fills it with N synthetic articles (ingest/synthetic_content.h), for
// benchmarks at the scale of a large archive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "app/init_command.h"
#include "base/clock.h"
#include "base/result.h"

namespace gazette::app {

inline constexpr int64_t kMaxBenchArticles = 10'000'000;

struct BenchDataOptions {
  // The folder, admin account and password cost, as for InitSite (demo is ignored).
  InitOptions init;
  int64_t articles = 0;  // REQUIRES: 1..kMaxBenchArticles
  uint64_t seed = 1;     // the same seed (and day) gives the same articles
};

struct BenchDataSummary {
  int64_t articles = 0;
  double seconds = 0;  // filling the articles, the site folder's creation not included
};

// The article count a command line gave, checked: InvalidArgument "--articles: must be a whole
// number from 1 to 10000000" otherwise.
base::Result<int64_t> ParseArticleCount(std::string_view text);
// The seed a command line gave: InvalidArgument "--seed: ..." unless a whole number >= 0.
base::Result<uint64_t> ParseSeed(std::string_view text);

// Creates the site with InitSite, then stores the synthetic cast and `articles` articles,
// dated over the twenty years before clock.Now(). Articles are made and rendered on a second
// thread while this one writes them, a batch per transaction. Progress lines ("N of M articles,
// R a second") go to `progress` every few seconds.
// Errors: InitSite's (nothing is created); the store's, after which the folder holds the
// batches stored before the failure.
base::Result<BenchDataSummary> FillBenchSite(const BenchDataOptions& options,
                                             const base::Clock& clock, std::ostream& progress);

}  // namespace gazette::app
