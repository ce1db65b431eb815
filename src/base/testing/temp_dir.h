// A fresh directory under the system's temporary directory, removed with everything in it when
// the owner goes away; for tests that need real files.
#pragma once

#include <filesystem>
#include <string_view>

namespace gazette::base::testing {

// Owns one new, empty directory. Movable, not copyable; safe to use from one thread at a time.
class TempDir {
 public:
  // Creates <tmp>/<prefix><random>/, <tmp> being $TMPDIR or /tmp. Aborts the test binary if it
  // cannot: no test can run without its folder.
  explicit TempDir(std::string_view prefix = "gazette-");
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;  // empty once moved from
};

}  // namespace gazette::base::testing
