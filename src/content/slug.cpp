#include "content/slug.h"

#include "content/ascii_fold.h"
#include "content/char_class.h"
#include "content/utf8.h"

namespace gazette::content {
namespace {

constexpr size_t kMaxSlugBytes = 80;
constexpr std::string_view kUntitled = "untitled";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Shortens `slug` to at most kMaxSlugBytes: before the last '-' that fits, or else (one long
// word) at the last character boundary that fits.
void Truncate(std::string& slug) {
  if (slug.size() <= kMaxSlugBytes) return;
  const size_t hyphen = slug.rfind('-', kMaxSlugBytes);
  if (hyphen != std::string::npos) {
    slug.resize(hyphen);
    return;
  }
  size_t cut = kMaxSlugBytes;
  while (cut > 0 && IsContinuationByte(slug[cut])) --cut;
  slug.resize(cut);
}

}  // namespace

std::string Slugify(std::string_view title) {
  std::string slug;
  bool separator_pending = false;
  while (!title.empty()) {
    const DecodedChar c = DecodeUtf8(title);
    title.remove_prefix(c.length);
    const CharClass char_class =
        c.code_point == kInvalidCodePoint ? CharClass::kOther : Classify(c.code_point);
    if (char_class == CharClass::kOther) {
      separator_pending = true;
      continue;
    }
    if (char_class != CharClass::kLetter) continue;  // apostrophes and marks vanish
    if (separator_pending && !slug.empty()) slug += '-';
    separator_pending = false;
    const std::string_view ascii = FoldToAscii(c.code_point);
    if (ascii.empty()) {
      AppendUtf8(ToLowerSimple(c.code_point), slug);
    } else {
      slug += ascii;
    }
  }
  Truncate(slug);
  return slug.empty() ? std::string(kUntitled) : slug;
}

std::string UniqueSlug(std::string_view base,
                       const std::function<bool(const std::string&)>& taken) {
  std::string candidate(base);
  for (int n = 2; taken(candidate); ++n) {
    candidate = std::string(base) + "-" + std::to_string(n);
  }
  return candidate;
}

}  // namespace gazette::content
