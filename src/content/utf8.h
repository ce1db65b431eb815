// A strict UTF-8 decoder and encoder for the text functions of content (slugs, word counts).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::content {

// What DecodeUtf8 yields for a byte that does not start a well-formed sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct DecodedChar {
  char32_t code_point = kInvalidCodePoint;
  size_t length = 0;  // bytes consumed, 1 to 4
};

// Decodes the character at the start of `text`. A truncated sequence, an overlong form, a
// surrogate or a value above U+10FFFF gives kInvalidCodePoint with length 1, so a caller that
// skips `length` bytes resynchronises on the next byte. REQUIRES: !text.empty().
DecodedChar DecodeUtf8(std::string_view text);

// Appends the UTF-8 form of `code_point`. REQUIRES: a Unicode scalar value.
void AppendUtf8(char32_t code_point, std::string& out);

// True when every byte of `text` belongs to a well-formed UTF-8 sequence.
bool IsValidUtf8(std::string_view text);

}  // namespace gazette::content
