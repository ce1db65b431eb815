// A database for one test, on any backend: the harnesses that the contract suite
// (store_contract.h) and the suites above the store (search pages, HTTP) are parameterized by.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace gazette::store {

// One empty database for one test, owned by the harness and removed with it. Used by the test's
// own thread; the stores it opens are as thread-safe as Store promises.
class StoreHarness {
 public:
  virtual ~StoreHarness() = default;
  // A store on the harness's database, with its schema in place. Called again after the
  // previous store is destroyed, it opens the same database: what was written is still there.
  virtual base::Result<std::unique_ptr<Store>> Open() = 0;
};

// A backend under test: its name (a valid identifier) and how to make a fresh harness. A backend
// that cannot be tested here (its server is not configured) makes null harnesses: its tests are
// then skipped with the message `unavailable`.
struct StoreBackend {
  std::string name;
  std::function<std::unique_ptr<StoreHarness>()> make_harness;
  std::string unavailable = "no harness";
};

// Prints a backend by its name in test output.
void PrintTo(const StoreBackend& backend, std::ostream* out);

// Names the instantiated tests after the backend.
std::string StoreBackendName(const ::testing::TestParamInfo<StoreBackend>& info);

// The SQLite backend: a harness on a new file in a temporary directory, removed with it.
StoreBackend SqliteBackend();

}  // namespace gazette::store
