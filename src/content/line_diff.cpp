#include "content/line_diff.h"

#include <algorithm>
#include <cstddef>
#include <dtl/dtl.hpp>
#include <utility>

namespace gazette::content {
namespace {

// The lines of `text` without their LF or CRLF endings, viewing `text`.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    if (end > start && text[end - 1] == '\r') --end;
    lines.push_back(text.substr(start, end - start));
    start = next;
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> DiffLines(std::string_view before, std::string_view after) {
  dtl::Diff<std::string_view> diff(SplitLines(before), SplitLines(after), /*deletesFirst=*/true);
  diff.compose();
  std::vector<DiffLine> lines;
  int old_line = 0;
  int new_line = 0;
  for (const auto& [text, info] : diff.getSes().getSequence()) {
    switch (info.type) {
      case dtl::SES_COMMON:
        lines.push_back({DiffKind::kSame, std::string(text), ++old_line, ++new_line});
        break;
      case dtl::SES_DELETE:
        lines.push_back({DiffKind::kRemoved, std::string(text), ++old_line, 0});
        break;
      case dtl::SES_ADD:
        lines.push_back({DiffKind::kAdded, std::string(text), 0, ++new_line});
        break;
    }
  }
  return lines;
}

std::vector<DiffHunk> DiffHunks(std::string_view before, std::string_view after, int context) {
  const std::vector<DiffLine> lines = DiffLines(before, after);
  const size_t around = static_cast<size_t>(std::max(context, 0));
  const auto is_change = [&](size_t i) { return lines[i].kind != DiffKind::kSame; };
  std::vector<DiffHunk> hunks;
  // Lines of each side before `counted`, to number hunks that start with lines of one side only.
  size_t counted = 0;
  int old_before = 0;
  int new_before = 0;
  size_t i = 0;
  while (true) {
    while (i < lines.size() && !is_change(i)) ++i;
    if (i == lines.size()) break;
    const size_t begin = i - std::min(around, i);
    size_t end = i;
    while (true) {
      while (end < lines.size() && is_change(end)) ++end;
      size_t same = end;
      while (same < lines.size() && !is_change(same)) ++same;
      if (same == lines.size() || same - end > 2 * around) {
        end += std::min(around, same - end);
        break;
      }
      end = same;
    }
    for (; counted < begin; ++counted) {
      if (lines[counted].old_line != 0) ++old_before;
      if (lines[counted].new_line != 0) ++new_before;
    }
    DiffHunk hunk{0, 0, 0, 0, std::vector<DiffLine>(lines.begin() + begin, lines.begin() + end)};
    for (const DiffLine& line : hunk.lines) {
      if (line.old_line != 0) ++hunk.old_count;
      if (line.new_line != 0) ++hunk.new_count;
    }
    hunk.old_start = old_before + (hunk.old_count > 0 ? 1 : 0);
    hunk.new_start = new_before + (hunk.new_count > 0 ? 1 : 0);
    hunks.push_back(std::move(hunk));
    i = end;
  }
  return hunks;
}

}  // namespace gazette::content
