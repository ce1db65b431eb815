#include "auth/qr_svg.h"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <charconv>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "base/error.h"

namespace gazette::auth {
namespace {

// Reads a number at `at` in `text` and moves past it; -1 when there is none.
int ReadNumber(std::string_view text, size_t& at) {
  int value = -1;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), value);
  if (error != std::errc()) return -1;
  at = end - text.data();
  return value;
}

// Whether `text` has `expected` at `at`, moving past it if so.
bool Skip(std::string_view text, size_t& at, std::string_view expected) {
  if (text.substr(at, expected.size()) != expected) return false;
  at += expected.size();
  return true;
}

// The modules of an image QrCodeSvg made, true for dark, row by row; empty when the image is not
// exactly of the expected shape (every attribute quoted, nothing but runs in the path).
std::vector<std::vector<bool>> ReadModules(std::string_view svg) {
  size_t at = 0;
  if (!Skip(svg, at, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")) return {};
  const int size = ReadNumber(svg, at);
  if (size <= 0) return {};
  const std::string n = std::to_string(size);
  if (!Skip(svg, at,
            " " + n + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n +
                "\" fill=\"#fff\"/><path fill=\"#000\" d=\"")) {
    return {};
  }
  constexpr std::string_view kEnd = "\"/></svg>";
  std::vector<std::vector<bool>> modules(size, std::vector<bool>(size, false));
  while (!Skip(svg, at, kEnd)) {
    // One run: "M<x> <y>h<length>v1h-<length>z".
    if (!Skip(svg, at, "M")) return {};
    const int x = ReadNumber(svg, at);
    if (!Skip(svg, at, " ")) return {};
    const int y = ReadNumber(svg, at);
    if (!Skip(svg, at, "h")) return {};
    const int length = ReadNumber(svg, at);
    if (!Skip(svg, at, "v1h-") || ReadNumber(svg, at) != length || !Skip(svg, at, "z")) return {};
    if (x < 0 || y < 0 || length <= 0 || y >= size || x + length > size) return {};
    for (int i = x; i < x + length; ++i) modules[y][i] = true;
  }
  if (at != svg.size()) return {};
  return modules;
}

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

TEST(QrSvgTest, ImageHasTheModulesOfTheCodeInAQuietZone) {
  auto svg = QrCodeSvg("HELLO WORLD");
  ASSERT_TRUE(svg.has_value()) << svg.error().ToString();
  const auto modules = ReadModules(*svg);
  // Eleven characters fit version 1 at level M: 21 modules a side, plus 4 of quiet zone each side.
  ASSERT_EQ(modules.size(), 21u + 2 * kQrQuietZone) << *svg;

  const std::unique_ptr<QRcode, QrCodeFree> code(
      QRcode_encodeString("HELLO WORLD", 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(code->version, 1);
  for (int y = 0; y < static_cast<int>(modules.size()); ++y) {
    for (int x = 0; x < static_cast<int>(modules.size()); ++x) {
      const int cx = x - kQrQuietZone;
      const int cy = y - kQrQuietZone;
      const bool inside = cx >= 0 && cy >= 0 && cx < code->width && cy < code->width;
      const bool dark = inside && (code->data[cy * code->width + cx] & 1) != 0;
      EXPECT_EQ(modules[y][x], dark) << x << "," << y;
    }
  }
}

TEST(QrSvgTest, FinderPatternsSitInThreeCorners) {
  auto svg = QrCodeSvg(
      "otpauth://totp/Gazette:editor%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGN"
      "BVGY3TQOJQ&issuer=Gazette&algorithm=SHA1&digits=6&period=30");
  ASSERT_TRUE(svg.has_value()) << svg.error().ToString();
  const auto modules = ReadModules(*svg);
  ASSERT_FALSE(modules.empty()) << *svg;
  const int width = static_cast<int>(modules.size()) - 2 * kQrQuietZone;
  // A version v code is 17 + 4v modules wide; 119 bytes need more than version 1.
  EXPECT_EQ((width - 17) % 4, 0);
  EXPECT_GT(width, 21);
  // A finder pattern: a dark 7x7 ring, a light ring inside it and a dark 3x3 core.
  const auto is_finder = [&](int left, int top) {
    for (int y = 0; y < 7; ++y) {
      for (int x = 0; x < 7; ++x) {
        const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
        const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
        if (modules[top + y][left + x] != (ring || core)) return false;
      }
    }
    return true;
  };
  const int near = kQrQuietZone;
  const int far = kQrQuietZone + width - 7;
  EXPECT_TRUE(is_finder(near, near));
  EXPECT_TRUE(is_finder(far, near));
  EXPECT_TRUE(is_finder(near, far));
  EXPECT_FALSE(is_finder(far, far));
}

TEST(QrSvgTest, TextBeyondTheCapacityIsAnError) {
  // Version 40 at level M holds 2331 bytes in 8-bit mode.
  auto largest = QrCodeSvg(std::string(2331, 'x'));
  ASSERT_TRUE(largest.has_value()) << largest.error().ToString();
  EXPECT_EQ(ReadModules(*largest).size(), 177u + 2 * kQrQuietZone);

  auto too_long = QrCodeSvg(std::string(2332, 'x'));
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().code(), base::ErrorCode::kInvalidArgument);
}

TEST(QrSvgTest, EmptyTextAndNulBytesAreErrors) {
  auto empty = QrCodeSvg("");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code(), base::ErrorCode::kInvalidArgument);
  auto nul = QrCodeSvg(std::string_view("a\0b", 3));
  ASSERT_FALSE(nul.has_value());
  EXPECT_EQ(nul.error().code(), base::ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace gazette::auth
