#include "support/backend.h"

#include "store/testing/postgres_harness.h"

namespace gazette::support {

std::string BackendName(Backend backend) {
  return backend == Backend::kPostgres ? "Postgres" : "Sqlite";
}

std::string BackendTestName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

bool BackendAvailable(Backend backend) {
  return backend == Backend::kSqlite || store::PostgresTestServer().has_value();
}

std::string BackendSkipReason() { return std::string(store::kPostgresSkipped); }

}  // namespace gazette::support
