#include "ingest/synthetic_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_set>

namespace gazette::ingest {
namespace {

// The glue of sentences, roughly in order of frequency.
constexpr std::array<std::string_view, 64> kCommonWords = {
    "the",     "of",     "and",    "to",     "in",      "a",       "that",   "is",
    "for",     "on",     "with",   "as",     "by",      "its",     "was",    "it",
    "at",      "from",   "has",    "have",   "be",      "this",    "are",    "which",
    "an",      "their",  "but",    "not",    "or",      "will",    "more",   "than",
    "were",    "they",   "after",  "over",   "would",   "could",   "while",  "into",
    "between", "under",  "both",   "since",  "about",   "where",   "only",   "other",
    "against", "across", "most",   "what",   "when",    "whose",   "still",  "again",
    "because", "before", "though", "around", "through", "without", "within", "toward"};

// What the pieces are about: the subjects of titles and tags, and frequent body words.
constexpr std::array<std::string_view, 120> kSubjects = {"sanctions",
                                                         "elections",
                                                         "ceasefire",
                                                         "border",
                                                         "treaty",
                                                         "summit",
                                                         "pipeline",
                                                         "tariffs",
                                                         "grain",
                                                         "refugees",
                                                         "drones",
                                                         "missiles",
                                                         "navy",
                                                         "coalition",
                                                         "parliament",
                                                         "referendum",
                                                         "currency",
                                                         "inflation",
                                                         "debt",
                                                         "ports",
                                                         "shipping",
                                                         "fisheries",
                                                         "water",
                                                         "drought",
                                                         "famine",
                                                         "vaccines",
                                                         "satellites",
                                                         "semiconductors",
                                                         "rare earths",
                                                         "nuclear talks",
                                                         "oil",
                                                         "gas",
                                                         "coal",
                                                         "hydropower",
                                                         "railways",
                                                         "highways",
                                                         "telecoms",
                                                         "cyber attacks",
                                                         "espionage",
                                                         "propaganda",
                                                         "protests",
                                                         "courts",
                                                         "constitution",
                                                         "succession",
                                                         "militias",
                                                         "insurgency",
                                                         "peacekeepers",
                                                         "mediation",
                                                         "aid",
                                                         "remittances",
                                                         "migration",
                                                         "minorities",
                                                         "language policy",
                                                         "education",
                                                         "universities",
                                                         "think tanks",
                                                         "media freedom",
                                                         "censorship",
                                                         "corruption",
                                                         "oligarchs",
                                                         "state firms",
                                                         "privatization",
                                                         "budgets",
                                                         "pensions",
                                                         "labour",
                                                         "strikes",
                                                         "farmers",
                                                         "land reform",
                                                         "forests",
                                                         "climate",
                                                         "emissions",
                                                         "floods",
                                                         "earthquakes",
                                                         "typhoons",
                                                         "epidemics",
                                                         "hospitals",
                                                         "arms sales",
                                                         "exercises",
                                                         "bases",
                                                         "alliances",
                                                         "neutrality",
                                                         "embassies",
                                                         "envoys",
                                                         "visas",
                                                         "trade deals",
                                                         "customs",
                                                         "smuggling",
                                                         "piracy",
                                                         "straits",
                                                         "islands",
                                                         "airspace",
                                                         "space",
                                                         "startups",
                                                         "banks",
                                                         "bonds",
                                                         "investment",
                                                         "loans",
                                                         "infrastructure",
                                                         "dams",
                                                         "canals",
                                                         "nickel",
                                                         "copper",
                                                         "lithium",
                                                         "cotton",
                                                         "rice",
                                                         "wheat",
                                                         "fertilizer",
                                                         "tourism",
                                                         "diaspora",
                                                         "religion",
                                                         "monarchy",
                                                         "generals",
                                                         "coups",
                                                         "amnesty",
                                                         "prisoners",
                                                         "hostages",
                                                         "deterrence",
                                                         "arms control",
                                                         "disarmament",
                                                         "energy security"};

// The verbs, nouns and adjectives of reporting and analysis.
constexpr std::array<std::string_view, 216> kDomainWords = {
    "government", "minister",   "ministry",     "president",     "officials",  "policy",
    "region",     "regional",   "security",     "economic",      "political",  "military",
    "foreign",    "domestic",   "national",     "international", "agreement",  "negotiations",
    "talks",      "delegation", "spokesman",    "statement",     "analysts",   "observers",
    "diplomats",  "diplomatic", "leaders",      "leadership",    "opposition", "ruling",
    "party",      "vote",       "voters",       "campaign",      "reform",     "reforms",
    "crisis",     "conflict",   "tensions",     "dispute",       "claims",     "rivals",
    "partners",   "neighbours", "allies",       "powers",        "influence",  "strategy",
    "strategic",  "interests",  "capital",      "province",      "provinces",  "northern",
    "southern",   "eastern",    "western",      "central",       "coastal",    "rural",
    "urban",      "industrial", "financial",    "fiscal",        "monetary",   "growth",
    "recession",  "markets",    "exports",      "imports",       "investors",  "companies",
    "contracts",  "projects",   "funding",      "support",       "pressure",   "demands",
    "warned",     "announced",  "signed",       "rejected",      "accepted",   "approved",
    "proposed",   "agreed",     "declined",     "expanded",      "reduced",    "suspended",
    "resumed",    "extended",   "criticized",   "welcomed",      "condemned",  "insisted",
    "argued",     "suggested",  "reported",     "confirmed",     "denied",     "expected",
    "likely",     "unlikely",   "uncertain",    "fragile",       "stable",     "cautious",
    "ambitious",  "bilateral",  "multilateral", "historic",      "recent",     "previous",
    "future",     "long",       "short",        "new",           "old",        "first",
    "last",       "major",      "minor",        "key",           "main",       "wider",
    "deeper",     "stronger",   "weaker",       "higher",        "lower",      "years",
    "months",     "weeks",      "decade",       "century",       "history",    "war",
    "peace",      "order",      "rules",        "law",           "rights",     "power",
    "state",      "states",     "nation",       "people",        "public",     "citizens",
    "population", "workers",    "soldiers",     "troops",        "forces",     "officers",
    "police",     "courts",     "judges",       "media",         "press",      "reporters",
    "journal",    "report",     "data",         "figures",       "survey",     "study",
    "research",   "question",   "answer",       "problem",       "risk",       "risks",
    "cost",       "costs",      "price",        "prices",        "supply",     "demand",
    "routes",     "corridor",   "network",      "system",        "framework",  "initiative",
    "mission",    "programme",  "plan",         "plans",         "goal",       "goals",
    "effort",     "efforts",    "role",         "position",      "stance",     "view",
    "views",      "debate",     "consensus",    "compromise",    "deal",       "deals",
    "steps",      "measures",   "limits",       "deadline",      "schedule",   "signal",
    "message",    "meeting",    "visit",        "trip",          "conference", "forum"};

// Syllables of invented names: never real places or people, only their sound.
constexpr std::array<std::string_view, 40> kSyllables = {
    "ka",  "ve",  "lor", "min", "sta", "ru", "dan", "zhe", "pol", "ta", "mar", "is",  "ken", "bo",
    "ur",  "sel", "tri", "va",  "gor", "an", "shi", "ne",  "tal", "om", "qui", "ber", "lu",  "ash",
    "ron", "di",  "ev",  "sar", "mu",  "ko", "len", "hai", "tes", "ol", "rav", "ine"};

constexpr std::array<std::string_view, 48> kGivenNames = {
    "Ana",   "Boris",  "Chen",  "Dara",  "Elif",  "Farid", "Greta", "Hiro",  "Ines", "Jonas",
    "Kira",  "Lev",    "Mira",  "Nadia", "Omar",  "Pavla", "Quan",  "Rosa",  "Sami", "Tara",
    "Uma",   "Viktor", "Wen",   "Yara",  "Zoran", "Amir",  "Bea",   "Cyril", "Dina", "Emil",
    "Frida", "Goran",  "Hana",  "Ilya",  "Jana",  "Kemal", "Lina",  "Marek", "Nora", "Oleg",
    "Priya", "Rustam", "Sofia", "Timur", "Ulla",  "Vera",  "Yusuf", "Zeynep"};

// Zipf's law with an offset, as word frequencies in prose roughly follow.
double ZipfWeight(size_t rank) { return 1.0 / std::pow(static_cast<double>(rank) + 2.7, 1.05); }

std::string Capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

// `count` distinct invented names of two or three syllables, drawn from a fixed generator.
std::vector<std::string> InventNames(size_t count, uint64_t seed) {
  SyntheticRandom random(seed);
  std::unordered_set<std::string> seen;
  std::vector<std::string> names;
  while (names.size() < count) {
    std::string name;
    const uint64_t syllables = 2 + Below(random, 2);
    for (uint64_t i = 0; i < syllables; ++i) name += kSyllables[Below(random, kSyllables.size())];
    if (!seen.insert(name).second) continue;
    name[0] = static_cast<char>(name[0] - 'a' + 'A');  // every syllable begins in lower case
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace

uint64_t Below(SyntheticRandom& random, uint64_t n) {
  // Multiply-shift: unbiased enough for text, and the same on every standard library.
  return static_cast<uint64_t>((static_cast<unsigned __int128>(random()) * n) >> 64);
}

double Unit(SyntheticRandom& random) {
  return static_cast<double>(random() >> 11) * (1.0 / 9007199254740992.0);
}

SyntheticText::SyntheticText() : places_(InventNames(3000, 0x5eed1)) {
  for (std::string_view subject : kSubjects) subjects_.emplace_back(subject);
  const std::vector<std::string> families = InventNames(3000, 0x5eed2);
  for (std::string_view word : kCommonWords) words_.emplace_back(word);
  // Domain words and subjects (single words only), then names: one of each in turn, so that
  // every kind has frequent and rare members.
  std::vector<std::string> topical;
  for (std::string_view word : kDomainWords) topical.emplace_back(word);
  for (const std::string& subject : subjects_) {
    if (subject.find(' ') == std::string::npos) topical.push_back(subject);
  }
  size_t next_place = 0, next_family = 0;
  for (size_t i = 0; i < topical.size(); ++i) {
    words_.push_back(topical[i]);
    if (i % 2 == 0) words_.push_back(places_[next_place++]);
  }
  while (next_place < places_.size()) words_.push_back(places_[next_place++]);
  while (next_family < families.size()) words_.push_back(families[next_family++]);
  cumulative_.reserve(words_.size());
  double total = 0;
  for (size_t rank = 0; rank < words_.size(); ++rank) {
    total += ZipfWeight(rank);
    cumulative_.push_back(total);
  }
  guide_.resize(words_.size());
  size_t rank = 0;
  for (size_t bucket = 0; bucket < guide_.size(); ++bucket) {
    const double start = total * static_cast<double>(bucket) / static_cast<double>(guide_.size());
    while (rank + 1 < cumulative_.size() && cumulative_[rank] <= start) ++rank;
    guide_[bucket] = rank;
  }
}

void SyntheticText::AppendWord(SyntheticRandom& random, std::string& out) const {
  const double unit = Unit(random);
  const double drawn = unit * cumulative_.back();
  // The first word whose cumulative weight exceeds the draw, as a binary search finds it: from
  // the guide's start a step or two away, checked both ways against rounding.
  size_t at = guide_[std::min(static_cast<size_t>(unit * static_cast<double>(guide_.size())),
                              guide_.size() - 1)];
  while (at > 0 && cumulative_[at - 1] > drawn) --at;
  while (at + 1 < cumulative_.size() && cumulative_[at] <= drawn) ++at;
  out += words_[at];
}

void SyntheticText::AppendSentence(SyntheticRandom& random, int words, std::string& out) const {
  if (!out.empty() && out.back() != '\n') out += ' ';
  const size_t first = out.size();
  for (int i = 0; i < std::max(words, 1); ++i) {
    if (i > 0) out += (Below(random, 14) == 0 && i + 1 < words) ? ", " : " ";
    AppendWord(random, out);
  }
  if (out[first] >= 'a' && out[first] <= 'z') out[first] = static_cast<char>(out[first] - 32);
  out += '.';
}

std::string SyntheticText::Sentence(SyntheticRandom& random, int words) const {
  std::string out;
  AppendSentence(random, words, out);
  return out;
}

std::string SyntheticText::Title(SyntheticRandom& random) const {
  std::string title;
  // A subject and a place make titles (and their slugs) read like headlines.
  title += Capitalized(subjects_[Below(random, subjects_.size())]);
  title += Below(random, 2) == 0 ? " in " : " and ";
  title += places_[Below(random, places_.size())];
  const int more = 2 + static_cast<int>(Below(random, 6));
  title += ": ";
  std::string tail;
  AppendSentence(random, more, tail);
  tail.pop_back();  // the full stop
  tail[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(tail[0])));
  return title + tail;
}

std::string SyntheticText::PersonName(SyntheticRandom& random) const {
  return std::string(kGivenNames[Below(random, kGivenNames.size())]) + " " +
         words_[kCommonWords.size() + Below(random, words_.size() - kCommonWords.size())];
}

std::string SyntheticText::Body(SyntheticRandom& random, int words) const {
  std::string body;
  body.reserve(static_cast<size_t>(words) * 8);
  // Footnotes: none in a quarter of the pieces, else up to eight, placed after sentences at a
  // rate that spreads them over the text.
  const int footnotes = Below(random, 4) == 0 ? 0 : 1 + static_cast<int>(Below(random, 8));
  const double footnote_chance = footnotes * 18.0 / words;
  const bool quote = Below(random, 3) == 0;
  int placed = 0, written = 0, paragraphs = 0, next_heading = 1;
  while (written < words) {
    if (paragraphs == next_heading) {
      next_heading += 3 + static_cast<int>(Below(random, 3));
      body += "## ";
      const std::string heading = Sentence(random, 3 + static_cast<int>(Below(random, 4)));
      body.append(heading, 0, heading.size() - 1);
      body += "\n\n";
    }
    if (quote && paragraphs == 2) {
      body += "> ";
      AppendSentence(random, 12 + static_cast<int>(Below(random, 10)), body);
      body += "\n\n";
    }
    const int length = std::min(40 + static_cast<int>(Below(random, 101)), words - written + 10);
    int in_paragraph = 0;
    while (in_paragraph < length) {
      const int sentence = 8 + static_cast<int>(Below(random, 23));
      AppendSentence(random, sentence, body);
      in_paragraph += sentence;
      if (placed < footnotes && Unit(random) < footnote_chance) {
        body += "[^" + std::to_string(++placed) + "]";
      }
    }
    written += in_paragraph;
    ++paragraphs;
    body += "\n\n";
  }
  for (int note = 1; note <= placed; ++note) {
    body += "[^" + std::to_string(note) + "]: " + PersonName(random) + ", \"";
    const std::string source = Title(random);
    body += source + ",\" " + places_[Below(random, places_.size())] + " Review, " +
            std::to_string(1990 + Below(random, 35)) + ".\n\n";
  }
  body.pop_back();
  return body;
}

}  // namespace gazette::ingest
