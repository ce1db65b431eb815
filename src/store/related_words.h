// The words that say what an article is about, for finding related articles by text: the most
// frequent words of its title, dek, tags and body, common English words left out. Shared by the
// backends, so that each asks its full-text index the same question.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::store {

// What an article's related reading is chosen from. Borrowed; never stored.
struct RelatedText {
  std::string_view title;
  std::string_view dek;
  std::span<const std::string> tag_names;
  std::string_view body_text;  // the body as plain text (content::MarkdownToPlainText)
};

// At most `limit` distinct words of `text`, most telling first, lowercased as
// content::ToLowerSimple does (diacritics kept). A word is a run of letters and digits of any
// script; words of fewer than three characters, numbers and common English words (stop words)
// are left out. Each occurrence counts 3 in the title or a tag name, 2 in the dek, 1 in the
// body; ties go to the longer word (in bytes), then in byte order. Never fails; text without
// words gives none.
std::vector<std::string> DistinctiveWords(const RelatedText& text, size_t limit);

}  // namespace gazette::store
