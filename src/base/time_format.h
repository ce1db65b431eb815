// Dates for machines (ISO 8601) and for readers ("24 November 2026", "4 days ago").
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace gazette::base {

// "2026-11-24T09:30:00Z" (UTC).
std::string FormatIso8601(Seconds t);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS", optionally followed by "Z" or
// "+HH:MM"/"-HH:MM"; a space may stand for the "T". Without an offset the time is taken as UTC.
// Returns InvalidArgument naming the text when it is none of those or names no real date.
Result<Seconds> ParseIso8601(std::string_view text);

// "24 November 2026" (UTC).
std::string FormatLongDate(Seconds t);

// How long ago `then` was, seen at `now`, in the words of a news page: "just now",
// "1 minute ago", "5 hours ago", "yesterday", "4 days ago", "3 weeks ago", "2 months ago",
// "1 year ago". A `then` in the future reads "just now".
std::string FormatRelative(Seconds then, Seconds now);

}  // namespace gazette::base
