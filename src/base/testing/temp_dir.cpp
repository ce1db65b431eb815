#include "base/testing/temp_dir.h"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <system_error>

namespace gazette::base::testing {

TempDir::TempDir(std::string_view prefix) {
  std::random_device random;
  std::error_code error;
  const std::filesystem::path base = std::filesystem::temp_directory_path(error);
  for (int attempt = 0; !error && attempt < 100; ++attempt) {
    std::filesystem::path candidate = base / (std::string(prefix) + std::to_string(random()));
    if (std::filesystem::create_directory(candidate, error)) {
      path_ = std::move(candidate);
      return;
    }
  }
  std::fprintf(stderr, "cannot create a temporary directory: %s\n", error.message().c_str());
  std::abort();
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace gazette::base::testing
