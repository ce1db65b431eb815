// The demo magazine as its source files describe it (demo/site.toml and demo/articles/*.md),
// read independently of Gazette's own loader so tests can compare the served pages with it.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace gazette::support {

struct DemoSection {
  std::string slug;
  std::string name;
  std::string kind;  // "region" | "topic"
};

struct DemoAuthor {
  std::string slug;
  std::string name;
};

struct DemoPartner {
  std::string slug;
  std::string name;
  std::string url;
  std::string credit;  // "canonical" | "noindex"
};

struct DemoArticle {
  std::string file;  // "01-middle-powers-safety-nets.md"
  std::string title;
  std::string section;               // section slug
  std::vector<std::string> authors;  // author slugs, byline order
  std::vector<std::string> tags;     // tag names
  std::vector<std::string> old_slugs;
  int age_hours = 0;
  int views = 0;
  std::optional<std::string> partner;  // partner slug
  std::string original_url;
  bool lead = false;
  std::string body;        // the Markdown after the front matter
  int footnote_count = 0;  // number of "[^N]:" definitions in the body
};

struct DemoSite {
  std::string name;
  std::string tagline;
  std::vector<DemoSection> sections;
  std::vector<DemoAuthor> authors;
  std::vector<DemoPartner> partners;
  std::vector<DemoArticle> articles;  // in file-name order

  const DemoSection* FindSection(const std::string& slug) const;
  const DemoAuthor* FindAuthor(const std::string& slug) const;
  const DemoPartner* FindPartner(const std::string& slug) const;
  const DemoArticle* FindByTitle(const std::string& title) const;
  // Articles matching `keep`, newest first (smallest age_hours), ties in file order.
  template <class Predicate>
  std::vector<const DemoArticle*> Newest(Predicate keep) const;
};

// Reads `dir`/site.toml and `dir`/articles/*.md. InvalidArgument naming the file if one cannot
// be parsed; NotFound if site.toml is missing.
base::Result<DemoSite> LoadDemoSite(const std::string& dir);

template <class Predicate>
std::vector<const DemoArticle*> DemoSite::Newest(Predicate keep) const {
  std::vector<const DemoArticle*> found;
  for (const DemoArticle& article : articles) {
    if (keep(article)) {
      found.push_back(&article);
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const DemoArticle* a, const DemoArticle* b) {
    return a->age_hours < b->age_hours;
  });
  return found;
}

}  // namespace gazette::support
