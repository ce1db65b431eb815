#include "http/etag.h"

namespace gazette::http {
namespace {

constexpr uint64_t kPrime1 = 0x9e3779b185ebca87ULL;
constexpr uint64_t kPrime2 = 0xc2b2ae3d27d4eb4fULL;

uint64_t RotateLeft(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

uint64_t Mix(uint64_t hash, uint64_t word) {
  return RotateLeft(hash ^ (word * kPrime2), 31) * kPrime1;
}

// Little-endian whatever the host, so the hash does not depend on the machine.
uint64_t LoadLittleEndian(const unsigned char* p) {
  uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | p[i];
  return word;
}

// MurmurHash3's finalizer: every input bit affects every output bit.
uint64_t Finalize(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The opaque part of an entity tag: "W/\"abc\"" and "\"abc\"" both give "abc".
std::string_view Opaque(std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') {
    return etag.substr(1, etag.size() - 2);
  }
  return etag;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

uint64_t ContentHash(std::string_view data) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t left = data.size();
  uint64_t hash = kPrime1 ^ (data.size() * kPrime2);
  for (; left >= 8; left -= 8, p += 8) hash = Mix(hash, LoadLittleEndian(p));
  for (; left > 0; --left, ++p) hash = Mix(hash, *p);
  return Finalize(hash);
}

std::string ContentHashHex(std::string_view data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  uint64_t hash = ContentHash(data);
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<size_t>(i)] = kDigits[hash & 0xf];
  return hex;
}

std::string StrongEtag(std::string_view body) { return "\"" + ContentHashHex(body) + "\""; }

std::string EtagWithSuffix(std::string_view etag, std::string_view suffix) {
  std::string out(etag);
  if (suffix.empty()) return out;
  if (!out.empty() && out.back() == '"') {
    out.insert(out.size() - 1, suffix);
  } else {
    out += suffix;
  }
  return out;
}

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  std::string_view wanted = Opaque(etag);
  std::string_view rest = if_none_match;
  for (;;) {
    while (!rest.empty() && (IsSpace(rest.front()) || rest.front() == ',')) rest.remove_prefix(1);
    if (rest.empty()) return false;
    if (rest.front() == '*') return true;
    if (rest.starts_with("W/")) rest.remove_prefix(2);
    if (rest.empty() || rest.front() != '"') return false;
    size_t close = rest.find('"', 1);
    if (close == std::string_view::npos) return false;
    if (rest.substr(1, close - 1) == wanted) return true;
    rest.remove_prefix(close + 1);
  }
}

}  // namespace gazette::http
