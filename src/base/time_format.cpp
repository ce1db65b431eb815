#include "base/time_format.h"

#include <array>
#include <cstdio>

namespace gazette::base {
namespace {

using std::chrono::days;
using std::chrono::floor;

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Reads exactly `width` digits at `pos`, advancing it; false if they are not all digits.
bool ReadDigits(std::string_view text, size_t& pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += width;
  out = value;
  return true;
}

// Writes the last `width` digits of `value` at `out`, zero-padded.
void WriteDigits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

std::string Plural(long long n, const char* unit) {
  std::string out = std::to_string(n) + " " + unit;
  if (n != 1) out += 's';
  return out + " ago";
}

}  // namespace

std::string FormatIso8601(Seconds t) {
  auto day = floor<days>(t);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(t - day);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", year,
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
  }
  // Digits written in place: every card and feed entry has a date, and snprintf costs ten times
  // as much.
  std::string out = "0000-00-00T00:00:00Z";
  WriteDigits(&out[0], static_cast<unsigned>(year), 4);
  WriteDigits(&out[5], static_cast<unsigned>(ymd.month()), 2);
  WriteDigits(&out[8], static_cast<unsigned>(ymd.day()), 2);
  WriteDigits(&out[11], static_cast<unsigned>(hms.hours().count()), 2);
  WriteDigits(&out[14], static_cast<unsigned>(hms.minutes().count()), 2);
  WriteDigits(&out[17], static_cast<unsigned>(hms.seconds().count()), 2);
  return out;
}

Result<Seconds> ParseIso8601(std::string_view text) {
  auto invalid = [&] {
    return InvalidArgumentError("not a date in ISO 8601 form (YYYY-MM-DD[THH:MM[:SS]][Z]): '" +
                                std::string(text) + "'");
  };
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, pos, 4, year) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, month) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, day)) {
    return invalid();
  }
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
    ++pos;
    if (!ReadDigits(text, pos, 2, hour) || !Expect(text, pos, ':') ||
        !ReadDigits(text, pos, 2, minute)) {
      return invalid();
    }
    if (pos < text.size() && text[pos] == ':' && !(++pos, ReadDigits(text, pos, 2, second))) {
      return invalid();
    }
  }
  int offset_minutes = 0;
  if (pos < text.size()) {
    char sign = text[pos];
    if (sign == 'Z' || sign == 'z') {
      ++pos;
    } else if (sign == '+' || sign == '-') {
      ++pos;
      int oh = 0, om = 0;
      if (!ReadDigits(text, pos, 2, oh) || !Expect(text, pos, ':') ||
          !ReadDigits(text, pos, 2, om) || oh > 23 || om > 59) {
        return invalid();
      }
      offset_minutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    }
  }
  if (pos != text.size() || hour > 23 || minute > 59 || second > 60) return invalid();
  std::chrono::year_month_day ymd{std::chrono::year(year),
                                  std::chrono::month(static_cast<unsigned>(month)),
                                  std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return invalid();
  Seconds t = std::chrono::sys_days(ymd) + std::chrono::hours(hour) +
              std::chrono::minutes(minute - offset_minutes) + std::chrono::seconds(second);
  return t;
}

std::string FormatLongDate(Seconds t) {
  std::chrono::year_month_day ymd(floor<days>(t));
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonthNames[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string FormatRelative(Seconds then, Seconds now) {
  long long s = (now - then).count();
  if (s < 60) return "just now";
  long long minutes = s / 60;
  if (minutes < 60) return Plural(minutes, "minute");
  long long hours = minutes / 60;
  if (hours < 24) return Plural(hours, "hour");
  long long d = hours / 24;
  if (d == 1) return "yesterday";
  if (d < 14) return Plural(d, "day");
  if (d < 60) return Plural(d / 7, "week");
  if (d < 365) return Plural(d / 30, "month");
  return Plural(d / 365, "year");
}

}  // namespace gazette::base
