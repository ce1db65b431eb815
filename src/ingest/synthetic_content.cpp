#include "ingest/synthetic_content.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "content/markdown.h"
#include "content/slug.h"
#include "content/text_stats.h"

namespace gazette::ingest {
namespace {

using content::Article;

struct SectionSpec {
  std::string_view slug, name;
  content::SectionKind kind;
};

constexpr std::array<SectionSpec, 12> kSections = {{
    {"east-asia", "East Asia", content::SectionKind::kRegion},
    {"southeast-asia", "Southeast Asia", content::SectionKind::kRegion},
    {"south-asia", "South Asia", content::SectionKind::kRegion},
    {"middle-east", "Middle East", content::SectionKind::kRegion},
    {"eastern-europe", "Eastern Europe", content::SectionKind::kRegion},
    {"africa", "Africa", content::SectionKind::kRegion},
    {"latin-america", "Latin America", content::SectionKind::kRegion},
    {"world-news", "World News", content::SectionKind::kTopic},
    {"defense", "Defense", content::SectionKind::kTopic},
    {"science-technology", "Science & Technology", content::SectionKind::kTopic},
    {"economy", "Economy", content::SectionKind::kTopic},
    {"energy-climate", "Energy & Climate", content::SectionKind::kTopic},
}};

constexpr size_t kAuthors = 320;
constexpr size_t kPartners = 6;
constexpr size_t kTags = 2000;
constexpr int64_t kYears = 20;
constexpr int64_t kSecondsPerYear = 365 * 24 * 3600 + 6 * 3600;

// Body lengths: log-normal around kMedianWords, cut to [kFewestWords, kMostWords] before the
// footnotes, which add some forty words on average: about 900 words a piece in all.
constexpr double kMedianWords = 740;
constexpr double kWordSpread = 0.5;
constexpr int kFewestWords = 300;
constexpr int kMostWords = 2250;

// splitmix64: spreads (seed, index) over the generator's seed space, so that neighbouring
// articles draw unrelated numbers.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// A standard normal draw (Box-Muller), from the generator's raw output only.
double Normal(SyntheticRandom& random) {
  const double u = 1.0 - Unit(random);  // (0, 1]: the logarithm stays finite
  const double v = Unit(random);
  return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
}

// Cumulative Zipf-like weights of `count` ranks: the first is drawn most.
std::vector<double> SkewedCumulative(size_t count, double exponent) {
  std::vector<double> cumulative;
  cumulative.reserve(count);
  double total = 0;
  for (size_t rank = 0; rank < count; ++rank) {
    total += 1.0 / std::pow(static_cast<double>(rank) + 1.0, exponent);
    cumulative.push_back(total);
  }
  return cumulative;
}

size_t DrawRank(SyntheticRandom& random, const std::vector<double>& cumulative) {
  const double drawn = Unit(random) * cumulative.back();
  const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), drawn);
  return std::min(static_cast<size_t>(at - cumulative.begin()), cumulative.size() - 1);
}

// `name`'s slug, made unique among `taken` by a number.
std::string UniqueSlugAmong(const std::string& name, std::unordered_set<std::string>& taken) {
  const std::string base = content::Slugify(name);
  std::string slug = base;
  for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

SyntheticCast MakeCast(const SyntheticText& text, SyntheticRandom& random) {
  SyntheticCast cast;
  int position = 0;
  for (const SectionSpec& spec : kSections) {
    cast.sections.push_back({.slug = std::string(spec.slug),
                             .name = std::string(spec.name),
                             .kind = spec.kind,
                             .position = position++,
                             .description = text.Sentence(random, 14)});
  }
  std::unordered_set<std::string> slugs;
  while (cast.authors.size() < kAuthors) {
    content::Author author;
    author.name = text.PersonName(random);
    author.slug = UniqueSlugAmong(author.name, slugs);
    author.bio = text.Sentence(random, 20);
    cast.authors.push_back(std::move(author));
  }
  slugs.clear();
  for (size_t i = 0; i < kPartners; ++i) {
    content::Partner partner;
    partner.name = text.Place(i * 7) + " Institute of International Affairs";
    partner.slug = UniqueSlugAmong(partner.name, slugs);
    partner.url = "https://" + partner.slug + ".example.org";
    partner.description = text.Sentence(random, 16);
    cast.partners.push_back(std::move(partner));
  }
  // Subjects, then places, then a place's subject ("Kaveron grain"): broad tags come first and
  // are drawn most.
  slugs.clear();
  std::vector<std::string> names;
  for (size_t i = 0; i < text.subject_count(); ++i) names.push_back(Capitalized(text.Subject(i)));
  for (size_t i = 0; i < 600; ++i) names.push_back(text.Place(i));
  for (size_t i = 0; names.size() < kTags; ++i) {
    names.push_back(text.Place(i % text.place_count()) + " " +
                    text.Subject((i * 31) % text.subject_count()));
  }
  for (std::string& name : names) {
    const std::string slug = UniqueSlugAmong(name, slugs);
    cast.tags.push_back({.id = 0, .slug = slug, .name = std::move(name)});
  }
  return cast;
}

}  // namespace

SyntheticContent::SyntheticContent(uint64_t seed, base::Seconds newest)
    : seed_(seed), newest_(newest) {
  SyntheticRandom random(Mix(seed_));
  cast_ = MakeCast(text_, random);
  tag_cumulative_ = SkewedCumulative(cast_.tags.size(), 1.0);
  author_cumulative_ = SkewedCumulative(cast_.authors.size(), 0.7);
}

Article SyntheticContent::MakeArticle(int64_t index, const SyntheticCastIds& ids) const {
  SyntheticRandom random(Mix(seed_ ^ Mix(static_cast<uint64_t>(index))));
  Article article;
  article.title = text_.Title(random);
  article.slug = content::Slugify(article.title) + "-" + std::to_string(index + 1);
  article.dek = text_.Sentence(random, 15 + static_cast<int>(Below(random, 16)));
  article.status = content::ArticleStatus::kPublished;
  article.section_id = ids.sections[Below(random, ids.sections.size())];

  // Output grows over the years: the age is 1 - sqrt(u) of the span, so recent years hold more.
  const double age = 1.0 - std::sqrt(Unit(random));
  const auto published = newest_ - std::chrono::seconds(static_cast<int64_t>(
                                       age * static_cast<double>(kYears * kSecondsPerYear)));
  article.published_at = published;
  article.updated_at =
      std::min(newest_, published + std::chrono::seconds(Below(random, 3 * 24 * 3600)));

  const uint64_t byline = Below(random, 100);
  const size_t authors = byline < 82 ? 1 : byline < 97 ? 2 : 3;
  while (article.author_ids.size() < authors) {
    const int64_t id = ids.authors[DrawRank(random, author_cumulative_)];
    if (std::find(article.author_ids.begin(), article.author_ids.end(), id) ==
        article.author_ids.end()) {
      article.author_ids.push_back(id);
    }
  }
  const size_t tags = 2 + Below(random, 5);
  while (article.tag_ids.size() < tags) {
    const int64_t id = ids.tags[DrawRank(random, tag_cumulative_)];
    if (std::find(article.tag_ids.begin(), article.tag_ids.end(), id) == article.tag_ids.end()) {
      article.tag_ids.push_back(id);
    }
  }
  if (Below(random, 100) < 7) {
    const size_t partner = Below(random, ids.partners.size());
    article.partner_id = ids.partners[partner];
    article.original_url = cast_.partners[partner].url + "/analysis/" + article.slug;
  }

  const double words = kMedianWords * std::exp(kWordSpread * Normal(random));
  const int target = std::clamp(static_cast<int>(words), kFewestWords, kMostWords);
  article.body_md = text_.Body(random, target);
  article.body_html = content::RenderMarkdown(article.body_md);
  article.word_count = content::CountWords(article.body_md);
  return article;
}

}  // namespace gazette::ingest
