// The PostgreSQL backend under test: each harness creates a database of its own on the server that
// GAZETTE_TEST_POSTGRES_URL names (scripts/test-postgres.sh starts one for `make test`) and drops
// it again. Without that variable, PostgreSQL tests are skipped in a dev build, and fail in CI
// (CI=true), where they must run.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/postgres/postgres_store.h"
#include "store/testing/store_harness.h"

namespace gazette::store {

// The server's URL without a database name ("postgresql://postgres@127.0.0.1:5432/"), or nullopt
// when GAZETTE_TEST_POSTGRES_URL is unset or empty. In CI, an unset variable is also recorded as
// a test failure.
std::optional<std::string> PostgresTestServer();

// Why a PostgreSQL test does not run here, for GTEST_SKIP.
inline constexpr std::string_view kPostgresSkipped =
    "GAZETTE_TEST_POSTGRES_URL is not set (scripts/test-postgres.sh start DIR prints a server URL)";

class PostgresHarness final : public StoreHarness {
 public:
  // A harness on a new database of `server`; null (with a test failure recorded) when the
  // database cannot be made.
  static std::unique_ptr<PostgresHarness> Create(const std::string& server);
  ~PostgresHarness() override;

  base::Result<std::unique_ptr<Store>> Open() override;

  // postgresql://.../NAME of the harness's database.
  const std::string& url() const { return url_; }

 private:
  PostgresHarness(std::string server, std::string name);

  std::string server_;
  std::string name_;
  std::string url_;
};

// The contract's backend: a harness on a fresh database, or null (test skipped) without a server.
StoreBackend PostgresBackend();

}  // namespace gazette::store
