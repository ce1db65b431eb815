// A fresh directory under the system's temporary directory, removed with everything in it when
// the owner goes away; for tests that need real files.
#pragma once

#include <filesystem>

namespace gazette::store {

// Owns one new, empty directory. Not copyable; safe to use from one thread at a time.
class TempDir {
 public:
  // Creates /tmp/gazette-<random>/ (or under $TMPDIR). Aborts the test binary if it cannot.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace gazette::store
