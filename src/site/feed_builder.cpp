#include "site/feed_builder.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/html_escape.h"
#include "site/page_builder.h"

namespace gazette::site {
namespace {

// The date part of every tag URI the feeds mint. Fixed forever: changing it changes every id.
constexpr char kGuidDate[] = "2026";

// "https://news.example:8443/x" -> "news.example": the tag URI's authority takes no port.
std::string HostOf(std::string_view url) {
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/:?#"));
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
  return host;
}

// Makes the site-relative links of body HTML (href="/...", src="/...") absolute. The bodies
// come from the Markdown renderer or the sanitizer, which always quote attributes with '"'.
std::string AbsoluteLinks(const std::string& html, const std::string& site_url) {
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  while (at < html.size()) {
    size_t href = html.find(" href=\"/", at);
    size_t src = html.find(" src=\"/", at);
    size_t next = std::min(href, src);
    if (next == std::string::npos) break;
    size_t slash = html.find('/', next);
    out.append(html, at, slash - at);
    if (slash + 1 >= html.size() || html[slash + 1] != '/') out += site_url;
    at = slash;
    out += '/';
    ++at;
  }
  out.append(html, std::min(at, html.size()));
  return out;
}

// The first paragraph of body HTML, or "" when it has none.
std::string FirstParagraph(const std::string& html) {
  size_t start = html.find("<p>");
  if (start == std::string::npos) return "";
  size_t end = html.find("</p>", start);
  if (end == std::string::npos) return "";
  return html.substr(start, end + 4 - start);
}

// Reads the rows an entry refers to, each partner once per feed.
class EntryBuilder {
 public:
  // `authors` and `tags` hold those of every article the entries are built from.
  EntryBuilder(store::Store& store, const SiteConfig& config,
               const std::vector<content::Section>& sections,
               const std::vector<content::Author>& authors, const std::vector<content::Tag>& tags)
      : store_(store), config_(config) {
    for (const content::Section& section : sections) sections_[section.id] = &section;
    for (const content::Author& author : authors) authors_[author.id] = &author;
    for (const content::Tag& tag : tags) tags_[tag.id] = &tag;
  }

  // Nullopt for an article whose section is unknown.
  base::Result<std::optional<FeedEntry>> Build(const content::Article& article) {
    auto section = sections_.find(article.section_id);
    if (section == sections_.end()) return std::nullopt;
    FeedEntry entry;
    entry.id = ArticleGuid(config_.url, article.id);
    entry.title = article.title;
    entry.url = config_.url + ArticleUrl(*section->second, article);
    entry.published = article.published_at;
    entry.updated = std::max(article.published_at, article.updated_at);
    entry.summary = article.dek;
    for (int64_t id : article.author_ids) {
      auto author = authors_.find(id);
      if (author == authors_.end()) continue;
      entry.authors.push_back({.name = author->second->name,
                               .url = config_.url + "/author/" + author->second->slug + "/"});
    }
    entry.categories.push_back(section->second->name);
    for (int64_t id : article.tag_ids) {
      if (auto tag = tags_.find(id); tag != tags_.end()) {
        entry.categories.push_back(tag->second->name);
      }
    }

    const bool full = config_.feed_content == store::FeedContent::kFull;
    if (!full && !article.dek.empty()) {
      entry.content_html = "<p>" + base::EscapeHtml(article.dek) + "</p>";
    } else {
      // Listings leave bodies out: read this one's.
      auto whole = store_.GetArticle(article.id);
      if (!whole) return base::Unexpected(whole.error());
      entry.content_html =
          AbsoluteLinks(full ? whole->body_html : FirstParagraph(whole->body_html), config_.url);
    }
    if (article.partner_id) {
      auto credit = Credit(*article.partner_id, article.original_url, entry.original_url);
      if (!credit) return base::Unexpected(credit.error());
      entry.content_html += "\n" + *credit;
    }
    return entry;
  }

 private:
  // The credit line of a partner piece; sets `original_url` for a canonical credit.
  base::Result<std::string> Credit(int64_t partner_id, const std::string& article_original,
                                   std::string& original_url) {
    auto it = partners_.find(partner_id);
    if (it == partners_.end()) {
      auto partner = store_.GetPartner(partner_id);
      if (!partner) return base::Unexpected(partner.error());
      it = partners_.emplace(partner_id, std::move(*partner)).first;
    }
    const content::Partner& partner = it->second;
    std::string line = "<p>First published by <a href=\"" +
                       base::EscapeHtml(config_.url + "/partner/" + partner.slug + "/") + "\">" +
                       base::EscapeHtml(partner.name) + "</a>";
    if (partner.credit == content::PartnerCredit::kCanonical && !article_original.empty()) {
      original_url = article_original;
      line += ": <a href=\"" + base::EscapeHtml(article_original) + "\">" +
              base::EscapeHtml(article_original) + "</a>";
    }
    return line + "</p>";
  }

  store::Store& store_;
  const SiteConfig& config_;
  std::map<int64_t, const content::Section*> sections_;
  std::map<int64_t, const content::Author*> authors_;
  std::map<int64_t, const content::Tag*> tags_;
  std::map<int64_t, content::Partner> partners_;
};

}  // namespace

std::string RssFeedPath(std::string_view page_path) { return std::string(page_path) + "feed/"; }

std::string AtomFeedPath(std::string_view page_path) {
  return std::string(page_path) + "feed/atom/";
}

std::string JsonFeedPath(std::string_view page_path) {
  return page_path == "/" ? "/feed.json" : "";
}

std::string ArticleGuid(std::string_view site_url, int64_t article_id) {
  return "tag:" + HostOf(site_url) + "," + kGuidDate + ":article:" + std::to_string(article_id);
}

base::Result<Feed> BuildFeed(store::Store& store, const SiteConfig& config, const FeedScope& scope,
                             base::Seconds now) {
  auto sections = store.ListSections();
  if (!sections) return base::Unexpected(sections.error());
  store::ArticleQuery query = scope.query;
  query.limit = kFeedSize;
  query.offset = 0;
  auto articles = store.ListPublished(query);
  if (!articles) return base::Unexpected(articles.error());

  Feed feed;
  feed.title = scope.name.empty() ? config.name : scope.name + " \u2014 " + config.name;
  feed.site_name = config.name;
  feed.description = scope.description;
  if (scope.name.empty()) {
    feed.description = config.description.empty() ? config.tagline : config.description;
  }
  feed.language = config.language;
  feed.home_url = config.url + scope.path;
  feed.rss_url = config.url + RssFeedPath(scope.path);
  feed.atom_url = config.url + AtomFeedPath(scope.path);
  if (std::string json = JsonFeedPath(scope.path); !json.empty()) feed.json_url = config.url + json;
  feed.id = "tag:" + HostOf(config.url) + "," + kGuidDate + ":feed:" + scope.path;
  feed.updated = now;

  // The authors and tags of all entries in one read each, rather than two reads an entry.
  std::vector<int64_t> author_ids, tag_ids;
  for (const content::Article& article : *articles) {
    author_ids.insert(author_ids.end(), article.author_ids.begin(), article.author_ids.end());
    tag_ids.insert(tag_ids.end(), article.tag_ids.begin(), article.tag_ids.end());
  }
  for (std::vector<int64_t>* ids : {&author_ids, &tag_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  auto authors = store.GetAuthors(author_ids);
  if (!authors) return base::Unexpected(authors.error());
  auto tags = store.GetTags(tag_ids);
  if (!tags) return base::Unexpected(tags.error());

  EntryBuilder builder(store, config, *sections, *authors, *tags);
  for (const content::Article& article : *articles) {
    auto entry = builder.Build(article);
    if (!entry) return base::Unexpected(entry.error());
    if (*entry) feed.entries.push_back(std::move(**entry));
  }
  if (!feed.entries.empty()) {
    feed.updated = std::max_element(
                       feed.entries.begin(), feed.entries.end(),
                       [](const FeedEntry& a, const FeedEntry& b) { return a.updated < b.updated; })
                       ->updated;
  }
  return feed;
}

}  // namespace gazette::site
