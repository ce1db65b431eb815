// PostgresStore: the methods not yet carried over from the SQLite backend. Each fails with
// Internal "not implemented on PostgreSQL yet: NAME". This file exists only on the postgres
// branch, while the backend is being written (issue 6), and goes once it is empty.
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

base::Error NotYet(std::string_view method) {
  return base::Error(base::ErrorCode::kInternal,
                     "not implemented on PostgreSQL yet: " + std::string(method));
}

}  // namespace

Result<std::vector<int64_t>> PostgresStore::CreateArticles(
    std::span<const content::Article> /*articles*/) {
  return base::Unexpected(NotYet("CreateArticles"));
}

}  // namespace gazette::store::postgres
