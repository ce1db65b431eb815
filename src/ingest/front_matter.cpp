#include "ingest/front_matter.h"

#include <string>

namespace gazette::ingest {
namespace {

// The line starting at `pos` without its line ending, and the position after it.
std::string_view LineAt(std::string_view text, size_t pos, size_t& next) {
  size_t end = text.find('\n', pos);
  next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line =
      text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

base::Result<FrontMatterDocument> SplitFrontMatter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  size_t next = 0;
  const std::string_view fence = LineAt(text, 0, next);
  if (fence != "+++" && fence != "---") {
    return base::InvalidArgumentError(
        "line 1: expected front matter opening with '+++' (TOML) or '---' (YAML)");
  }
  size_t front_begin = next;
  size_t pos = next;
  while (pos < text.size()) {
    size_t line_begin = pos;
    if (LineAt(text, pos, next) == fence) {
      FrontMatterDocument doc;
      doc.format = fence == "+++" ? FrontMatterFormat::kToml : FrontMatterFormat::kYaml;
      doc.front_matter = text.substr(front_begin, line_begin - front_begin);
      doc.body = text.substr(next);
      return doc;
    }
    pos = next;
  }
  return base::InvalidArgumentError("front matter is not closed by a '" + std::string(fence) +
                                    "' line");
}

}  // namespace gazette::ingest
