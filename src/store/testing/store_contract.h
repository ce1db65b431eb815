// The Store contract suite: the GoogleTest cases every Store backend must pass. A backend's test
// file runs them by instantiating StoreContractTest with a StoreBackend, e.g.
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest,
//                            ::testing::Values(StoreBackend{"Sqlite", MakeSqliteHarness}),
//                            StoreBackendName);
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "base/result.h"
#include "content/model.h"
#include "content/user.h"
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

// A time given in Unix seconds, as the store's fields take it.
inline base::Seconds At(int64_t unix_seconds) {
  return base::Seconds(std::chrono::seconds(unix_seconds));
}

// Prints a backend by its name in test output.
void PrintTo(const StoreBackend& backend, std::ostream* out);

// Names the instantiated tests after the backend.
std::string StoreBackendName(const ::testing::TestParamInfo<StoreBackend>& info);

// Each test gets a new harness and a store open on it.
class StoreContractTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;

  Store& store() { return *store_; }
  // Closes the store and opens the same database again.
  void Reopen();

  // Writers of test data; each records a test failure if the store refuses.
  int64_t AddSection(const std::string& slug, int position = 0);
  int64_t AddAuthor(const std::string& slug, const std::string& name);
  int64_t AddTag(const std::string& slug);
  int64_t AddPartner(const std::string& slug);
  int64_t AddArticle(const content::Article& article);
  // A user with this email and role; records a test failure if the store refuses.
  int64_t AddUser(const std::string& email, content::Role role = content::Role::kEditor);

  // Updates the article as an editor who goes on editing would: on success, article.version
  // follows the stored version.
  base::Status Save(content::Article& article);

 public:
  // A published article in `section_id` with a body, published at `published_at` (Unix seconds).
  // Public for the helpers of the contract files that build test data outside a test.
  static content::Article NewArticle(const std::string& slug, int64_t section_id,
                                     int64_t published_at);

 private:
  std::unique_ptr<StoreHarness> harness_;
  std::unique_ptr<Store> store_;
};

}  // namespace gazette::store
