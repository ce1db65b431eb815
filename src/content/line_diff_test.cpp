#include "content/line_diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace gazette::content {
namespace {

// One character per line (' ' same, '+' added, '-' removed) then the text, for short assertions.
std::vector<std::string> Render(const std::vector<DiffLine>& lines) {
  std::vector<std::string> out;
  for (const DiffLine& line : lines) {
    const char mark = line.kind == DiffKind::kSame    ? ' '
                      : line.kind == DiffKind::kAdded ? '+'
                                                      : '-';
    out.push_back(mark + line.text);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(LineDiffTest, IdenticalTextsAreAllSame) {
  const auto lines = DiffLines("one\ntwo\nthree\n", "one\ntwo\nthree\n");
  EXPECT_EQ(Render(lines), (Lines{" one", " two", " three"}));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(lines[i].old_line, i + 1);
    EXPECT_EQ(lines[i].new_line, i + 1);
  }
  EXPECT_TRUE(DiffHunks("one\ntwo\nthree\n", "one\ntwo\nthree\n").empty());
}

TEST(LineDiffTest, PureInsertions) {
  const auto lines = DiffLines("a\nb\nc\n", "new\na\nb\nmid\nc\nend\n");
  EXPECT_EQ(Render(lines), (Lines{"+new", " a", " b", "+mid", " c", "+end"}));
  EXPECT_EQ(lines[0].old_line, 0);
  EXPECT_EQ(lines[0].new_line, 1);
  EXPECT_EQ(lines[3].old_line, 0);
  EXPECT_EQ(lines[3].new_line, 4);
  EXPECT_EQ(lines[4].old_line, 3);
  EXPECT_EQ(lines[4].new_line, 5);
}

TEST(LineDiffTest, Deletions) {
  const auto lines = DiffLines("a\nb\nc\nd\n", "b\nd\n");
  EXPECT_EQ(Render(lines), (Lines{"-a", " b", "-c", " d"}));
  EXPECT_EQ(lines[0].old_line, 1);
  EXPECT_EQ(lines[0].new_line, 0);
  EXPECT_EQ(lines[2].old_line, 3);
  EXPECT_EQ(lines[2].new_line, 0);
  EXPECT_EQ(lines[3].old_line, 4);
  EXPECT_EQ(lines[3].new_line, 2);
}

TEST(LineDiffTest, ChangedLinesAreRemovedThenAdded) {
  EXPECT_EQ(Render(DiffLines("a\nold\nc\n", "a\nnew\nc\n")), (Lines{" a", "-old", "+new", " c"}));
  // A changed block: all its removals, then all its additions.
  EXPECT_EQ(Render(DiffLines("a\nx1\nx2\nc\n", "a\ny1\ny2\ny3\nc\n")),
            (Lines{" a", "-x1", "-x2", "+y1", "+y2", "+y3", " c"}));
}

TEST(LineDiffTest, LineNumbersFollowEachSide) {
  const auto lines = DiffLines("t\nx\ny\nz\n", "t\nx\nq\nz\nw\n");
  ASSERT_EQ(Render(lines), (Lines{" t", " x", "-y", "+q", " z", "+w"}));
  const std::vector<std::pair<int, int>> numbers = {{1, 1}, {2, 2}, {3, 0}, {0, 3}, {4, 4}, {0, 5}};
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].old_line, numbers[i].first) << i;
    EXPECT_EQ(lines[i].new_line, numbers[i].second) << i;
  }
}

TEST(LineDiffTest, FinalLineEndingMakesNoDifference) {
  EXPECT_EQ(Render(DiffLines("a\nb\n", "a\nb")), (Lines{" a", " b"}));
  EXPECT_EQ(Render(DiffLines("a\nb", "a\nb\n\n")), (Lines{" a", " b", "+"}));
  EXPECT_EQ(Render(DiffLines("\n", "")), (Lines{"-"}));
}

TEST(LineDiffTest, CrlfIsTheSameAsLf) {
  EXPECT_EQ(Render(DiffLines("a\r\nb\r\nc\r\n", "a\nb\nc\n")), (Lines{" a", " b", " c"}));
  EXPECT_EQ(Render(DiffLines("a\r\nb\r\n", "a\nB\n")), (Lines{" a", "-b", "+B"}));
  // A carriage return inside a line is text.
  EXPECT_EQ(Render(DiffLines("a\rb\n", "a\rb\r\n")), (Lines{" a\rb"}));
}

TEST(LineDiffTest, EmptyInputs) {
  EXPECT_TRUE(DiffLines("", "").empty());
  EXPECT_TRUE(DiffHunks("", "").empty());
  const auto added = DiffLines("", "a\nb\n");
  EXPECT_EQ(Render(added), (Lines{"+a", "+b"}));
  EXPECT_EQ(added[1].new_line, 2);
  EXPECT_EQ(Render(DiffLines("a\nb\n", "")), (Lines{"-a", "-b"}));
  const auto hunks = DiffHunks("", "a\nb\n");
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].old_start, 0);
  EXPECT_EQ(hunks[0].old_count, 0);
  EXPECT_EQ(hunks[0].new_start, 1);
  EXPECT_EQ(hunks[0].new_count, 2);
}

// Lines "1" to "n", one each.
std::string Numbered(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) text += std::to_string(i) + "\n";
  return text;
}

// Numbered(n) with line `at` replaced by "changed".
std::string ChangedAt(int n, std::vector<int> at) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    const bool changed = std::find(at.begin(), at.end(), i) != at.end();
    text += (changed ? std::string("changed") : std::to_string(i)) + "\n";
  }
  return text;
}

TEST(LineDiffTest, HunkHasContextAroundAChange) {
  const auto hunks = DiffHunks(Numbered(20), ChangedAt(20, {10}));
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(Render(hunks[0].lines),
            (Lines{" 7", " 8", " 9", "-10", "+changed", " 11", " 12", " 13"}));
  EXPECT_EQ(hunks[0].old_start, 7);
  EXPECT_EQ(hunks[0].old_count, 7);
  EXPECT_EQ(hunks[0].new_start, 7);
  EXPECT_EQ(hunks[0].new_count, 7);
}

TEST(LineDiffTest, FarApartChangesMakeSeparateHunks) {
  // Lines 5 and 15 changed: 9 unchanged lines between them, more than 2 * 3.
  const auto hunks = DiffHunks(Numbered(20), ChangedAt(20, {5, 15}));
  ASSERT_EQ(hunks.size(), 2u);
  EXPECT_EQ(Render(hunks[0].lines), (Lines{" 2", " 3", " 4", "-5", "+changed", " 6", " 7", " 8"}));
  EXPECT_EQ(hunks[0].old_start, 2);
  EXPECT_EQ(Render(hunks[1].lines),
            (Lines{" 12", " 13", " 14", "-15", "+changed", " 16", " 17", " 18"}));
  EXPECT_EQ(hunks[1].old_start, 12);
  EXPECT_EQ(hunks[1].new_start, 12);
  // With 5 lines of context the 9 lines between them are few enough to join the two.
  const auto joined = DiffHunks(Numbered(20), ChangedAt(20, {5, 15}), 5);
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(joined[0].old_start, 1);
  EXPECT_EQ(joined[0].old_count, 20);
}

TEST(LineDiffTest, ChangesExactlyTwiceTheContextApartShareAHunk) {
  // Lines 5 and 12 changed: 6 unchanged lines between them.
  const auto hunks = DiffHunks(Numbered(20), ChangedAt(20, {5, 12}));
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].old_start, 2);
  EXPECT_EQ(hunks[0].old_count, 14);  // 2 to 15
  // One more unchanged line splits them.
  EXPECT_EQ(DiffHunks(Numbered(20), ChangedAt(20, {5, 13})).size(), 2u);
}

TEST(LineDiffTest, HunksAtTheEdgesAndWithoutContext) {
  const auto edges = DiffHunks(Numbered(10), ChangedAt(10, {1, 10}));
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(Render(edges[0].lines), (Lines{"-1", "+changed", " 2", " 3", " 4"}));
  EXPECT_EQ(edges[0].old_start, 1);
  EXPECT_EQ(Render(edges[1].lines), (Lines{" 7", " 8", " 9", "-10", "+changed"}));

  const auto bare = DiffHunks(Numbered(10), ChangedAt(10, {4, 6}), 0);
  ASSERT_EQ(bare.size(), 2u);
  EXPECT_EQ(Render(bare[0].lines), (Lines{"-4", "+changed"}));
  EXPECT_EQ(bare[1].old_start, 6);
  EXPECT_EQ(DiffHunks(Numbered(10), ChangedAt(10, {4, 6}), -2).size(), 2u);
}

TEST(LineDiffTest, HunkOfOnlyAdditionsStartsAfterThePrecedingLine) {
  // "new" goes after old line 5; with no context the hunk holds no old line.
  const auto hunks = DiffHunks("1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\nnew\n6\n", 0);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].old_start, 5);
  EXPECT_EQ(hunks[0].old_count, 0);
  EXPECT_EQ(hunks[0].new_start, 6);
  EXPECT_EQ(hunks[0].new_count, 1);
  // And removals only: the hunk holds no new line.
  const auto removed = DiffHunks("1\n2\n3\n4\n", "1\n2\n4\n", 0);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].old_start, 3);
  EXPECT_EQ(removed[0].old_count, 1);
  EXPECT_EQ(removed[0].new_start, 2);
  EXPECT_EQ(removed[0].new_count, 0);
}

}  // namespace
}  // namespace gazette::content
