// The store backends the integration suites run on, one parameterized suite for both: a site on
// SQLite (its gazette.db) or on a fresh PostgreSQL database of the server that
// GAZETTE_TEST_POSTGRES_URL names. Without that variable the PostgreSQL runs are skipped in a
// dev build and fail in CI, as the store's own tests do (store/testing/postgres_harness.h).
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace gazette::support {

enum class Backend { kSqlite, kPostgres };

// "Sqlite", "Postgres": the suffix of a parameterized test's name.
std::string BackendName(Backend backend);

// For INSTANTIATE_TEST_SUITE_P: every backend, and the test names they give.
inline const auto kAllBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);
std::string BackendTestName(const ::testing::TestParamInfo<Backend>& info);

// Whether a site on `backend` can be made here; false for PostgreSQL without a server (a test
// failure too in CI).
bool BackendAvailable(Backend backend);

// Why a test on an unavailable backend is skipped, for GTEST_SKIP.
std::string BackendSkipReason();

// A test that runs once on each backend: skipped where its backend is not available.
// Suites: `class FooTest : public BackendTest {}; TEST_P(FooTest, ...)` and
// `INSTANTIATE_TEST_SUITE_P(Backends, FooTest, kAllBackends, BackendTestName);`.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!BackendAvailable(GetParam())) GTEST_SKIP() << BackendSkipReason();
  }
};

}  // namespace gazette::support
