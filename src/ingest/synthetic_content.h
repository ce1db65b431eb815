// The synthetic magazine `gazette bench-data` fills a site with: a fixed cast of sections,
// authors, partners and tags, and any number of articles, each made from the seed and its own
// number alone, so that articles can be made on several threads in any order.
#pragma once

#include <cstdint>
#include <vector>

#include "base/clock.h"
#include "content/model.h"
#include "ingest/synthetic_text.h"

namespace gazette::ingest {

// The site's fixed parts, not yet stored (ids are 0).
struct SyntheticCast {
  std::vector<content::Section> sections;  // twelve: regions, then topics
  std::vector<content::Author> authors;    // a few hundred
  std::vector<content::Partner> partners;  // a handful of institutes
  std::vector<content::Tag> tags;          // about two thousand, most used first
};

// The stored ids of the cast, position for position.
struct SyntheticCastIds {
  std::vector<int64_t> sections, authors, partners, tags;
};

// Made-up articles about international affairs. Immutable once built: safe for concurrent use.
class SyntheticContent {
 public:
  // Every draw starts from `seed`. Articles are published over the twenty years before `newest`.
  SyntheticContent(uint64_t seed, base::Seconds newest);

  const SyntheticCast& cast() const { return cast_; }

  // Article number `index`: published, in a section, by one to three authors, with two to six
  // tags (popular ones more often), now and then a partner's piece with its original URL; a
  // Markdown body of 300 to 2500 words (about 900 on average) with headings and footnotes,
  // rendered to body_html, and its word count. Its slug ends in "-<index + 1>", so that slugs
  // are unique without asking the store. The same seed, newest and index give the same article.
  // REQUIRES: `ids` holds the stored ids of cast().
  content::Article MakeArticle(int64_t index, const SyntheticCastIds& ids) const;

 private:
  uint64_t seed_;
  base::Seconds newest_;
  SyntheticText text_;
  SyntheticCast cast_;
  std::vector<double> tag_cumulative_;     // skewed popularity of cast_.tags, summed
  std::vector<double> author_cumulative_;  // likewise of cast_.authors
};

}  // namespace gazette::ingest
