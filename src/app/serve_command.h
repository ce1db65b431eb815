// `gazette serve DIR`: serves a site folder over HTTP until SIGINT or SIGTERM.
#pragma once

#include <filesystem>
#include <ostream>

#include "app/config.h"
#include "base/result.h"

namespace gazette::app {

// Opens the site folder `dir` (see OpenSiteFolder), listens, writes one line to `out` once
// listening, "gazette: serving DIR at http://ADDR:PORT/" with the port actually bound, flushes
// it, and serves until SIGINT/SIGTERM. Page views are written to the store every 5 seconds and
// once more after the server stops. Returns Ok after a clean stop.
// Errors: those of OpenSiteFolder; those of http::Server::Create when it cannot listen
// (Unavailable "cannot listen on ADDR:PORT: Address already in use").
base::Status Serve(const std::filesystem::path& dir, const ConfigFlags& flags, std::ostream& out);

}  // namespace gazette::app
