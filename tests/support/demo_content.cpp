#include "support/demo_content.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "support/files.h"

namespace gazette::support {
namespace {

std::string StringAt(const toml::node_view<const toml::node>& node) {
  return node.value_or(std::string());
}

std::vector<std::string> StringsAt(const toml::node_view<const toml::node>& node) {
  std::vector<std::string> values;
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& element : *array) {
      values.push_back(element.value_or(std::string()));
    }
  }
  return values;
}

// toml++ reports syntax errors by exception; they stop here.
base::Result<toml::table> ParseToml(const std::string& text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    return base::InvalidArgumentError(path + ": " + std::string(error.description()));
  }
}

int CountFootnoteDefinitions(const std::string& body) {
  int count = 0;
  size_t at = 0;
  while ((at = body.find("[^", at)) != std::string::npos) {
    size_t close = body.find(']', at);
    bool at_line_start = at == 0 || body[at - 1] == '\n';
    if (close != std::string::npos && at_line_start && close + 1 < body.size() &&
        body[close + 1] == ':') {
      ++count;
    }
    at += 2;
  }
  return count;
}

base::Result<DemoArticle> LoadArticle(const std::filesystem::path& path) {
  auto text = ReadFile(path.string());
  if (!text) {
    return base::Unexpected(text.error());
  }
  const std::string fence = "+++\n";
  if (!text->starts_with(fence)) {
    return base::InvalidArgumentError(path.string() + ": no +++ front matter");
  }
  size_t end = text->find("\n" + fence, fence.size() - 1);
  if (end == std::string::npos) {
    return base::InvalidArgumentError(path.string() + ": front matter is not closed");
  }
  std::string front = text->substr(fence.size(), end + 1 - fence.size());
  auto parsed = ParseToml(front, path.string());
  if (!parsed) {
    return base::Unexpected(parsed.error());
  }
  const toml::table& table = *parsed;
  DemoArticle article;
  article.file = path.filename().string();
  article.title = StringAt(table["title"]);
  article.section = StringAt(table["section"]);
  article.authors = StringsAt(table["authors"]);
  article.tags = StringsAt(table["tags"]);
  article.old_slugs = StringsAt(table["old_slugs"]);
  article.age_hours = table["age_hours"].value_or(0);
  article.views = table["views"].value_or(0);
  if (auto partner = table["partner"].value<std::string>()) {
    article.partner = *partner;
  }
  article.original_url = StringAt(table["original_url"]);
  article.lead = table["lead"].value_or(false);
  article.body = text->substr(end + 1 + fence.size());
  article.footnote_count = CountFootnoteDefinitions(article.body);
  return article;
}

}  // namespace

const DemoSection* DemoSite::FindSection(const std::string& slug) const {
  auto it = std::find_if(sections.begin(), sections.end(),
                         [&](const DemoSection& s) { return s.slug == slug; });
  return it == sections.end() ? nullptr : &*it;
}

const DemoAuthor* DemoSite::FindAuthor(const std::string& slug) const {
  auto it = std::find_if(authors.begin(), authors.end(),
                         [&](const DemoAuthor& a) { return a.slug == slug; });
  return it == authors.end() ? nullptr : &*it;
}

const DemoPartner* DemoSite::FindPartner(const std::string& slug) const {
  auto it = std::find_if(partners.begin(), partners.end(),
                         [&](const DemoPartner& p) { return p.slug == slug; });
  return it == partners.end() ? nullptr : &*it;
}

const DemoArticle* DemoSite::FindByTitle(const std::string& title) const {
  auto it = std::find_if(articles.begin(), articles.end(),
                         [&](const DemoArticle& a) { return a.title == title; });
  return it == articles.end() ? nullptr : &*it;
}

base::Result<DemoSite> LoadDemoSite(const std::string& dir) {
  const std::string site_path = dir + "/site.toml";
  auto text = ReadFile(site_path);
  if (!text) {
    return base::Unexpected(text.error());
  }
  auto parsed = ParseToml(*text, site_path);
  if (!parsed) {
    return base::Unexpected(parsed.error());
  }
  const toml::table& table = *parsed;
  DemoSite site;
  site.name = StringAt(table["site"]["name"]);
  site.tagline = StringAt(table["site"]["tagline"]);
  if (const toml::array* sections = table["sections"].as_array()) {
    for (const toml::node& node : *sections) {
      toml::node_view<const toml::node> section(node);
      site.sections.push_back(DemoSection{StringAt(section["slug"]), StringAt(section["name"]),
                                          StringAt(section["kind"])});
    }
  }
  if (const toml::array* authors = table["authors"].as_array()) {
    for (const toml::node& node : *authors) {
      toml::node_view<const toml::node> author(node);
      site.authors.push_back(DemoAuthor{StringAt(author["slug"]), StringAt(author["name"])});
    }
  }
  if (const toml::array* partners = table["partners"].as_array()) {
    for (const toml::node& node : *partners) {
      toml::node_view<const toml::node> partner(node);
      site.partners.push_back(DemoPartner{StringAt(partner["slug"]), StringAt(partner["name"]),
                                          StringAt(partner["url"]), StringAt(partner["credit"])});
    }
  }
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/articles", error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto article = LoadArticle(file);
    if (!article) {
      return base::Unexpected(article.error());
    }
    site.articles.push_back(std::move(*article));
  }
  return site;
}

}  // namespace gazette::support
