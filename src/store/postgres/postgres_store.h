// The PostgreSQL backend of Store: a pool of libpq connections shared by readers and writers,
// statements prepared once per connection, every method one transaction. Any number of Gazette
// nodes may open the same database.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace gazette::store {

struct PostgresOptions {
  // Connections kept open; each call borrows one for its transaction. Default: 8.
  int connections = 8;
};

// Opens the database at `url` (postgresql://USER@HOST:PORT/NAME?...) and applies any migrations
// it lacks (under an advisory lock: nodes starting together migrate once).
// Errors: Unavailable "cannot reach the database at HOST:PORT: ..." when the server is down or
// refuses the login; InvalidArgument when the URL is not a postgresql:// URL, or when the
// schema is newer than this binary knows; Internal when the database holds tables of another
// program or a migration fails.
base::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                       const PostgresOptions& options = {});

}  // namespace gazette::store
