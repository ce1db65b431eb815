#include "media/variant_widths.h"

#include <gtest/gtest.h>

#include <vector>

namespace gazette::media {
namespace {

using Widths = std::vector<int>;

TEST(VariantWidthsTest, KeepsTheWidthsNotWiderThanTheImage) {
  const Widths wanted = {480, 960, 1600};
  EXPECT_EQ(VariantWidths(4000, wanted), (Widths{480, 960, 1600}));
  EXPECT_EQ(VariantWidths(1600, wanted), (Widths{480, 960, 1600}));
  EXPECT_EQ(VariantWidths(1599, wanted), (Widths{480, 960, 1599}));
  EXPECT_EQ(VariantWidths(480, wanted), (Widths{480}));
}

TEST(VariantWidthsTest, NarrowerThanEveryWidthGivesTheImagesOwn) {
  EXPECT_EQ(VariantWidths(479, Widths{480, 960}), (Widths{479}));
  EXPECT_EQ(VariantWidths(1, Widths{480, 960}), (Widths{1}));
  EXPECT_EQ(VariantWidths(300, Widths{}), (Widths{300}));
}

TEST(VariantWidthsTest, AnImageBetweenTwoWidthsKeepsItsOwnToo) {
  EXPECT_EQ(VariantWidths(640, Widths{480, 960, 1600}), (Widths{480, 640}));
}

TEST(VariantWidthsTest, SortsDeduplicatesAndIgnoresNonPositiveWidths) {
  EXPECT_EQ(VariantWidths(1000, Widths{960, 0, 480, -5, 960, 320}), (Widths{320, 480, 960}));
  EXPECT_EQ(VariantWidths(1000, Widths{960, 480, 2000}), (Widths{480, 960, 1000}));
}

}  // namespace
}  // namespace gazette::media
