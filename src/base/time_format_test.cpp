#include "base/time_format.h"

#include <gtest/gtest.h>

namespace gazette::base {
namespace {

using namespace std::chrono_literals;

Seconds At(std::string_view iso) { return ParseIso8601(iso).value(); }

TEST(TimeFormatTest, Iso8601RoundTrips) {
  EXPECT_EQ(FormatIso8601(At("2026-11-24T09:30:05Z")), "2026-11-24T09:30:05Z");
  EXPECT_EQ(FormatIso8601(At("2026-11-24")), "2026-11-24T00:00:00Z");
  EXPECT_EQ(FormatIso8601(At("2026-11-24 09:30")), "2026-11-24T09:30:00Z");
  EXPECT_EQ(FormatIso8601(Seconds(0s)), "1970-01-01T00:00:00Z");
}

TEST(TimeFormatTest, Iso8601BeforeTheEpochAndPastYear9999) {
  EXPECT_EQ(FormatIso8601(Seconds(-1s)), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatIso8601(Seconds(-62135596800s)), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(Seconds(253402300800s)), "10000-01-01T00:00:00Z");
}

TEST(TimeFormatTest, OffsetsAreConvertedToUtc) {
  EXPECT_EQ(FormatIso8601(At("2026-11-24T09:30:00+02:00")), "2026-11-24T07:30:00Z");
  EXPECT_EQ(FormatIso8601(At("2026-11-24T23:30:00-01:00")), "2026-11-25T00:30:00Z");
}

TEST(TimeFormatTest, RejectsWhatIsNotADate) {
  for (std::string_view bad : {"", "yesterday", "2026-13-01", "2026-02-30", "2026-11-24T25:00",
                               "2026-11-24T10:00:00+5", "2026-11-24Tfoo", "2026-11-24Zjunk"}) {
    auto r = ParseIso8601(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(TimeFormatTest, LongDate) {
  EXPECT_EQ(FormatLongDate(At("2026-11-04T23:59:59Z")), "4 November 2026");
  EXPECT_EQ(FormatLongDate(At("2018-01-09")), "9 January 2018");
}

TEST(TimeFormatTest, RelativeDatesWithAFixedClock) {
  FixedClock clock(At("2026-11-28T12:00:00Z"));
  auto ago = [&](std::chrono::seconds d) { return FormatRelative(clock.Now() - d, clock.Now()); };
  EXPECT_EQ(ago(0s), "just now");
  EXPECT_EQ(ago(59s), "just now");
  EXPECT_EQ(ago(60s), "1 minute ago");
  EXPECT_EQ(ago(45min), "45 minutes ago");
  EXPECT_EQ(ago(1h), "1 hour ago");
  EXPECT_EQ(ago(23h), "23 hours ago");
  EXPECT_EQ(ago(24h), "yesterday");
  EXPECT_EQ(ago(47h), "yesterday");
  EXPECT_EQ(ago(4 * 24h), "4 days ago");
  EXPECT_EQ(ago(13 * 24h), "13 days ago");
  EXPECT_EQ(ago(14 * 24h), "2 weeks ago");
  EXPECT_EQ(ago(59 * 24h), "8 weeks ago");
  EXPECT_EQ(ago(60 * 24h), "2 months ago");
  EXPECT_EQ(ago(400 * 24h), "1 year ago");
  EXPECT_EQ(ago(3 * 365 * 24h), "3 years ago");
  EXPECT_EQ(FormatRelative(clock.Now() + 1h, clock.Now()), "just now");
}

TEST(TimeFormatTest, RelativeDateMovesWithTheClock) {
  FixedClock clock(At("2026-11-28T12:00:00Z"));
  Seconds published = At("2026-11-27T12:00:00Z");
  EXPECT_EQ(FormatRelative(published, clock.Now()), "yesterday");
  clock.Advance(std::chrono::hours(72));
  EXPECT_EQ(FormatRelative(published, clock.Now()), "4 days ago");
}

}  // namespace
}  // namespace gazette::base
