#include "base/testing/temp_dir.h"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <system_error>
#include <utility>

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

TempDir::TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
  if (this != &other) {
    TempDir old(std::move(*this));
    path_ = std::exchange(other.path_, {});
  }
  return *this;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace gazette::base::testing
