// A fresh directory under $TMPDIR (or /tmp) that is removed with everything in it when the
// owner goes away. Used for the site folders the tests create.
#pragma once

#include <string>

#include "base/result.h"

namespace gazette::support {

// Owns one directory. Not copyable; movable. Not safe for concurrent use.
class TempDir {
 public:
  // Creates "<tmp>/<prefix>XXXXXX". Internal if the directory cannot be made.
  static base::Result<TempDir> Create(const std::string& prefix);

  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;  // empty once moved from
};

// Reads a whole file. NotFound if it cannot be opened.
base::Result<std::string> ReadFile(const std::string& path);
// Replaces a file's contents. Internal if it cannot be written.
base::Status WriteFile(const std::string& path, const std::string& contents);

}  // namespace gazette::support
