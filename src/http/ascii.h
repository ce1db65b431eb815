// ASCII helpers for header names and tokens, which HTTP compares without regard to case.
#pragma once

#include <string>
#include <string_view>

namespace gazette::http {

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
std::string Lowercase(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view TrimSpace(std::string_view text);

}  // namespace gazette::http
