#include "store/testing/store_harness.h"

namespace gazette::store {

void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

std::string StoreBackendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

}  // namespace gazette::store
