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
#include "store/testing/store_harness.h"

namespace gazette::store {

// A time given in Unix seconds, as the store's fields take it.
inline base::Seconds At(int64_t unix_seconds) {
  return base::Seconds(std::chrono::seconds(unix_seconds));
}

// Compares what readers and editors can see of two stored articles, ids and slugs aside.
void ExpectSameArticle(const content::Article& got, const content::Article& want);

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
