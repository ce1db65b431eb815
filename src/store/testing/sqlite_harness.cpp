// The SQLite backend under test: a file in a temporary directory of its own.
#include "base/testing/temp_dir.h"
#include "store/sqlite/sqlite_store.h"
#include "store/testing/store_harness.h"

namespace gazette::store {
namespace {

class SqliteHarness final : public StoreHarness {
 public:
  base::Result<std::unique_ptr<Store>> Open() override {
    return OpenSqliteStore(path_, {.create_if_missing = true, .read_connections = 3});
  }

 private:
  base::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "gazette.db").string();
};

}  // namespace

StoreBackend SqliteBackend() {
  return StoreBackend{.name = "Sqlite",
                      .make_harness = [] { return std::make_unique<SqliteHarness>(); }};
}

}  // namespace gazette::store
