// Entity tags: a stable content hash, strong ETags, compressed-variant tags and If-None-Match.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gazette::http {

// A 64-bit hash of `data`, the same on every run and machine. Fast, not cryptographic.
uint64_t ContentHash(std::string_view data);

// The hash as 16 lowercase hex digits.
std::string ContentHashHex(std::string_view data);

// A strong ETag for `body`: "\"" + 16 hex digits + "\"".
std::string StrongEtag(std::string_view body);

// `etag` with `suffix` inserted before its closing quote, a weak "W/" prefix kept:
// ("\"abc\"", "-br") -> "\"abc-br\"". An empty suffix returns `etag` unchanged.
std::string EtagWithSuffix(std::string_view etag, std::string_view suffix);

// True when an If-None-Match value is "*" or lists `etag`. Comparison is weak (RFC 9110 13.1.2):
// "W/" prefixes are ignored on both sides.
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace gazette::http
