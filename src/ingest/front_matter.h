// Splits a Markdown file into its front matter and its body: TOML between "+++" lines (Hugo and
// Gazette's site bundles) or YAML between "---" lines (Jekyll, Hugo, Gazette's export).
#pragma once

#include <string_view>

#include "base/result.h"

namespace gazette::ingest {

enum class FrontMatterFormat { kToml, kYaml };

struct FrontMatterDocument {
  FrontMatterFormat format = FrontMatterFormat::kToml;
  std::string_view front_matter;    // the text between the fences
  std::string_view body;            // everything after the closing fence
  int front_matter_first_line = 2;  // 1-based line of the front matter's first line in the file
};

// The file must open with a "+++" or "---" line and contain a closing line equal to the opening
// one; the opening fence tells the format. Views point into `text`, which must outlive the
// result. InvalidArgument "line N: ..." when a fence is missing.
base::Result<FrontMatterDocument> SplitFrontMatter(std::string_view text);

}  // namespace gazette::ingest
