// A file built into the binary by cmake/embed_files.cmake, so that an installed `gazette` works
// from any folder.
#pragma once

#include <string_view>

namespace gazette::base {

struct EmbeddedFile {
  std::string_view path;      // relative to its root, '/'-separated: "templates/article.tpl"
  std::string_view contents;  // the file's bytes, any of them
};

}  // namespace gazette::base
