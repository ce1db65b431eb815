#include "base/file_write.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace gazette::base {

Status CreateFolders(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::create_directories(dir, error) && error) {
    return UnavailableError("cannot create " + dir.string() + ": " + error.message());
  }
  return Ok();
}

Status WriteWholeFile(const std::filesystem::path& path, std::string_view contents) {
  if (auto made = CreateFolders(path.parent_path()); !made) return made;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) return UnavailableError("cannot write " + path.string() + ": " + std::strerror(errno));
  return Ok();
}

}  // namespace gazette::base
