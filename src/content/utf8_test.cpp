#include "content/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace gazette::content {
namespace {

char32_t DecodeOne(std::string_view text, size_t expected_length) {
  const DecodedChar c = DecodeUtf8(text);
  EXPECT_EQ(c.length, expected_length) << text;
  return c.code_point;
}

TEST(Utf8Test, DecodesEveryLength) {
  EXPECT_EQ(DecodeOne("a", 1), U'a');
  EXPECT_EQ(DecodeOne("é!", 2), U'é');
  EXPECT_EQ(DecodeOne("中", 3), U'中');
  EXPECT_EQ(DecodeOne("🎉", 4), U'🎉');
  EXPECT_EQ(DecodeOne(std::string_view("\0", 1), 1), U'\0');
  EXPECT_EQ(DecodeOne("\xf4\x8f\xbf\xbf", 4), char32_t{0x10FFFF});
}

TEST(Utf8Test, RejectsMalformedSequencesOneByteAtATime) {
  EXPECT_EQ(DecodeOne("\x80", 1), kInvalidCodePoint);          // lone continuation
  EXPECT_EQ(DecodeOne("\xc3", 1), kInvalidCodePoint);          // truncated
  EXPECT_EQ(DecodeOne("\xe4\xb8", 1), kInvalidCodePoint);      // truncated
  EXPECT_EQ(DecodeOne("\xc3(", 1), kInvalidCodePoint);         // bad continuation
  EXPECT_EQ(DecodeOne("\xc0\xaf", 1), kInvalidCodePoint);      // overlong '/'
  EXPECT_EQ(DecodeOne("\xe0\x80\xaf", 1), kInvalidCodePoint);  // overlong
  EXPECT_EQ(DecodeOne("\xf0\x80\x80\xaf", 1), kInvalidCodePoint);
  EXPECT_EQ(DecodeOne("\xed\xa0\x80", 1), kInvalidCodePoint);      // surrogate
  EXPECT_EQ(DecodeOne("\xf4\x90\x80\x80", 1), kInvalidCodePoint);  // above U+10FFFF
  EXPECT_EQ(DecodeOne("\xff", 1), kInvalidCodePoint);
}

TEST(Utf8Test, EncodeRoundTrips) {
  for (char32_t c : {char32_t{0}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                     char32_t{0xD7FF}, char32_t{0xE000}, char32_t{0xFFFF}, char32_t{0x10000},
                     char32_t{0x10FFFF}}) {
    std::string encoded;
    AppendUtf8(c, encoded);
    const DecodedChar decoded = DecodeUtf8(encoded);
    EXPECT_EQ(decoded.code_point, c);
    EXPECT_EQ(decoded.length, encoded.size());
  }
}

TEST(Utf8Test, Validates) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Détente 中国 🎉"));
  EXPECT_FALSE(IsValidUtf8("Détente \xff"));
  EXPECT_FALSE(IsValidUtf8("\xe4\xb8"));
}

}  // namespace
}  // namespace gazette::content
