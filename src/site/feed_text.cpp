#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "content/utf8.h"
#include "site/feed.h"

namespace gazette::site {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// XML 1.0's Char production: tab, newline, carriage return and everything from U+0020 but
// the surrogates (never decoded) and U+FFFE and U+FFFF.
bool AllowedInXml(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

// A byte that stands for itself and is allowed: printable ASCII, tab, newline, carriage return.
bool IsPlainAscii(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 0x20 && byte < 0x80) || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string CleanFeedText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::string_view rest = text;
  while (!rest.empty()) {
    // Most of a feed is printable ASCII, which needs no decoding: copy such runs whole.
    const auto plain = std::find_if_not(rest.begin(), rest.end(), IsPlainAscii);
    out.append(rest.begin(), plain);
    rest.remove_prefix(static_cast<size_t>(plain - rest.begin()));
    if (rest.empty()) break;
    content::DecodedChar decoded = content::DecodeUtf8(rest);
    const std::string_view bytes = rest.substr(0, decoded.length);
    rest.remove_prefix(decoded.length);
    if (decoded.code_point == content::kInvalidCodePoint) {
      content::AppendUtf8(kReplacementCharacter, out);
    } else if (AllowedInXml(decoded.code_point)) {
      out.append(bytes);
    }
  }
  return out;
}

std::string FormatRfc822(base::Seconds t) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(t - day);
  const std::chrono::weekday weekday(day);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[weekday.c_encoding()], static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace gazette::site
