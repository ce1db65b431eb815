// Splits a Markdown file into its TOML front matter (between "+++" lines) and its body.
#pragma once

#include <string_view>

#include "base/result.h"

namespace gazette::ingest {

struct FrontMatterDocument {
  std::string_view front_matter;    // the TOML text between the fences
  std::string_view body;            // everything after the closing fence
  int front_matter_first_line = 2;  // 1-based line of the front matter's first line in the file
};

// The file must open with a "+++" line and contain a closing "+++" line. Views point into
// `text`, which must outlive the result. InvalidArgument when a fence is missing.
base::Result<FrontMatterDocument> SplitFrontMatter(std::string_view text);

}  // namespace gazette::ingest
