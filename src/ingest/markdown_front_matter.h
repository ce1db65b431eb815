// The front matter of a Markdown file, YAML or TOML, read into one neutral shape: each top-level
// key with its scalar text or list of scalar texts and the line it is on in the file, so that
// the Markdown reader interprets Hugo's, Jekyll's and Gazette's keys once for both formats.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/front_matter.h"

namespace gazette::ingest {

struct FrontMatterValue {
  // kNested: a table or map, or a list holding one; the reader refuses it where it expects text.
  enum class Kind { kScalar, kList, kNested };
  Kind kind = Kind::kScalar;
  // kScalar: one text; kList: one per element. Booleans read "true"/"false"; numbers as written
  // in decimal; TOML dates and times in ISO 8601 ("2019-05-01T10:00:00+02:00", "2019-05-01").
  std::vector<std::string> items;
  int line = 0;  // 1-based, in the whole file
};

// Top-level keys; a key whose value is null (YAML "key:" or "~") is left out.
using FrontMatterFields = std::map<std::string, FrontMatterValue, std::less<>>;

// Parses `doc`'s front matter in its format. An empty front matter gives no fields.
// InvalidArgument "line N: ..." (N in the whole file) when it does not parse, or when it is not
// a table of keys (a YAML list or scalar at the top).
base::Result<FrontMatterFields> ParseFrontMatter(const FrontMatterDocument& doc);

}  // namespace gazette::ingest
