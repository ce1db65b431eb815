#include "ingest/wxr_reader.h"

#include <algorithm>
#include <map>
#include <pugixml.hpp>
#include <utility>
#include <vector>

#include "base/time_format.h"
#include "content/utf8.h"
#include "ingest/html_text.h"
#include "ingest/wordpress_content.h"
#include "ingest/wordpress_shortcodes.h"

namespace gazette::ingest {
namespace {

using base::Result;

constexpr std::string_view kUnsetDate = "0000-00-00 00:00:00";
constexpr int kUntitledWords = 8;

struct Category {
  std::string name;
  std::string description;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// All of an element's text: pugixml's child_value() gives only the first piece, and WordPress
// splits a CDATA section that contains "]]>" into several.
std::string Text(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

std::string ChildText(pugi::xml_node node, const char* name) { return Text(node.child(name)); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = AsciiLower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "%d0%bf%d1%80" -> "пр". Text whose decoding is not UTF-8 is returned as it was.
std::string PercentDecode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 &&
        HexDigit(text[i + 2]) >= 0) {
      decoded += static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return content::IsValidUtf8(decoded) ? decoded : std::string(text);
}

// The host and path of an absolute http(s) URL; nullopt for anything else.
struct UrlParts {
  std::string host;  // lowercased
  std::string path;  // from the first '/' after the host, query included; "/" when none
};

std::optional<UrlParts> SplitUrl(std::string_view url) {
  url = Trim(url);
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string scheme(url.substr(0, scheme_end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), AsciiLower);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  const size_t path_start = rest.find_first_of("/?#");
  UrlParts parts;
  parts.host = std::string(rest.substr(0, path_start));
  std::transform(parts.host.begin(), parts.host.end(), parts.host.begin(), AsciiLower);
  if (parts.host.empty()) return std::nullopt;
  std::string_view path =
      path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  path = path.substr(0, path.find('#'));
  parts.path = path.empty() || path.front() != '/' ? "/" + std::string(path) : std::string(path);
  return parts;
}

// A WordPress date, "YYYY-MM-DD HH:MM:SS"; nullopt when unset (empty or all zeros).
Result<std::optional<base::Seconds>> ParseWordPressDate(std::string_view text,
                                                        std::string_view field) {
  text = Trim(text);
  if (text.empty() || text == kUnsetDate) return std::optional<base::Seconds>();
  auto parsed = base::ParseIso8601(text);
  if (!parsed) {
    return base::InvalidArgumentError("its " + std::string(field) + " '" +
                                      std::string(text.substr(0, 40)) + "' is not a date");
  }
  return std::optional<base::Seconds>(*parsed);
}

// The first words of `text`, for a post without a title.
std::string FirstWords(std::string_view text) {
  std::string words;
  int count = 0;
  size_t i = 0;
  while (i < text.size() && count < kUntitledWords) {
    const size_t space = text.find(' ', i);
    const size_t end = space == std::string_view::npos ? text.size() : space;
    if (!words.empty()) words += ' ';
    words += text.substr(i, end - i);
    ++count;
    i = end == text.size() ? end : end + 1;
  }
  if (i < text.size()) words += "…";
  return words;
}

std::string TwoDigits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10 % 10)) +
         static_cast<char>('0' + value % 10);
}

// "/2019/05/01/" for a date.
std::string DatePath(base::Seconds at) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(at)};
  return "/" + std::to_string(static_cast<int>(day.year())) + "/" +
         TwoDigits(static_cast<unsigned>(day.month())) + "/" +
         TwoDigits(static_cast<unsigned>(day.day())) + "/";
}

}  // namespace

struct WxrReader::State {
  std::string xml;
  std::string file_name;
  pugi::xml_document document;
  std::vector<size_t> line_starts;  // byte offset of each line's first byte
  std::string site_url;
  std::string site_title;
  std::vector<std::string> site_hosts;              // the blog's hosts, lowercased
  std::string blog_path;                            // "" at the root of the host, else "/blog"
  std::map<std::string, std::string> author_names;  // login -> display name
  std::map<std::string, Category> category_info;    // nicename -> name, description
  std::map<std::string, std::string> tag_names;     // slug -> name
  std::vector<pugi::xml_node> items;
  size_t next = 0;

  int LineAt(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto after =
        std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<size_t>(offset));
    return static_cast<int>(after - line_starts.begin());
  }

  void ReadChannel(pugi::xml_node channel);
  Result<ImportItem> ReadPost(pugi::xml_node item, const std::string& post_id,
                              content::ArticleStatus status) const;
  WxrEntry ReadItem(pugi::xml_node item) const;
  std::vector<std::string> OldPaths(pugi::xml_node item, const std::string& post_id,
                                    const std::string& slug, base::Seconds local_date) const;
};

void WxrReader::State::ReadChannel(pugi::xml_node channel) {
  site_title = HtmlToText(ChildText(channel, "title"));
  for (const char* name : {"link", "wp:base_blog_url", "wp:base_site_url"}) {
    const std::string url(Trim(ChildText(channel, name)));
    auto parts = SplitUrl(url);
    if (!parts) continue;
    if (site_url.empty()) {
      site_url = url;
      std::string path = parts->path.substr(0, parts->path.find('?'));
      while (!path.empty() && path.back() == '/') path.pop_back();
      blog_path = PercentDecode(path);
    }
    if (std::find(site_hosts.begin(), site_hosts.end(), parts->host) == site_hosts.end()) {
      site_hosts.push_back(parts->host);
    }
  }
  for (pugi::xml_node author : channel.children("wp:author")) {
    const std::string login(Trim(ChildText(author, "wp:author_login")));
    std::string name = HtmlToText(ChildText(author, "wp:author_display_name"));
    if (name.empty()) {
      name = HtmlToText(ChildText(author, "wp:author_first_name") + " " +
                        ChildText(author, "wp:author_last_name"));
    }
    if (!login.empty() && !name.empty()) author_names[login] = name;
  }
  for (pugi::xml_node category : channel.children("wp:category")) {
    const std::string nicename = PercentDecode(Trim(ChildText(category, "wp:category_nicename")));
    if (nicename.empty()) continue;
    category_info[nicename] = {
        .name = HtmlToText(ChildText(category, "wp:cat_name")),
        .description = HtmlToText(ChildText(category, "wp:category_description"))};
  }
  for (pugi::xml_node tag : channel.children("wp:tag")) {
    const std::string slug = PercentDecode(Trim(ChildText(tag, "wp:tag_slug")));
    const std::string name = HtmlToText(ChildText(tag, "wp:tag_name"));
    if (!slug.empty() && !name.empty()) tag_names[slug] = name;
  }
  for (pugi::xml_node item : channel.children("item")) items.push_back(item);
}

std::vector<std::string> WxrReader::State::OldPaths(pugi::xml_node item, const std::string& post_id,
                                                    const std::string& slug,
                                                    base::Seconds local_date) const {
  std::vector<std::string> paths = {"/?p=" + post_id};
  if (!slug.empty()) {
    paths.push_back(blog_path + DatePath(local_date) + slug + "/");
    paths.push_back(blog_path + "/" + slug + "/");
  }
  if (auto link = SplitUrl(ChildText(item, "link"));
      link && std::find(site_hosts.begin(), site_hosts.end(), link->host) != site_hosts.end()) {
    std::string path = PercentDecode(link->path);
    // "/?p=12" is the same numeric link whatever else its query says.
    if (path != "/" && !path.starts_with("/?") &&
        std::find(paths.begin(), paths.end(), path) == paths.end()) {
      paths.push_back(std::move(path));
    }
  }
  return paths;
}

Result<ImportItem> WxrReader::State::ReadPost(pugi::xml_node node, const std::string& post_id,
                                              content::ArticleStatus status) const {
  ImportItem item;
  item.status = status;
  const std::string raw_content = ChildText(node, "content:encoded");
  item.title = HtmlToText(ChildText(node, "title"));
  if (item.title.empty()) {
    const std::string text = HtmlToText(ExpandShortcodes(raw_content));
    if (text.empty()) return base::InvalidArgumentError("it has neither a title nor content");
    item.title = FirstWords(text);
  }
  item.slug = PercentDecode(Trim(ChildText(node, "wp:post_name")));
  item.body_md = WordPressContentToMarkdown(raw_content);
  item.dek = HtmlToText(ChildText(node, "excerpt:encoded"));

  const std::string login(Trim(ChildText(node, "dc:creator")));
  if (auto named = author_names.find(login); named != author_names.end()) {
    // The login names the author's page, as WordPress's /author/LOGIN/ did, unless it is an
    // email address, which must not be published.
    item.authors.push_back(
        {.slug = login.find('@') == std::string::npos ? login : "", .name = named->second});
  } else if (!login.empty() && login.find('@') == std::string::npos) {
    item.authors.push_back({.slug = login, .name = login});
  } else if (!site_title.empty()) {
    item.authors.push_back({.slug = "", .name = site_title});
  } else {
    return base::InvalidArgumentError("it has no author (dc:creator)");
  }

  std::vector<ImportSection> post_categories;
  for (pugi::xml_node category : node.children("category")) {
    const std::string_view domain = category.attribute("domain").value();
    const std::string nicename = PercentDecode(Trim(category.attribute("nicename").value()));
    std::string name = HtmlToText(Text(category));
    if (domain == "post_tag") {
      if (auto known = tag_names.find(nicename); known != tag_names.end()) name = known->second;
      if (!name.empty()) item.tags.push_back(std::move(name));
    } else if (domain == "category") {
      ImportSection section{.slug = nicename, .name = name};
      if (auto known = category_info.find(nicename); known != category_info.end()) {
        if (section.name.empty()) section.name = known->second.name;
        section.description = known->second.description;
      }
      if (section.name.empty()) section.name = nicename;
      if (!section.name.empty()) post_categories.push_back(std::move(section));
    }
  }
  auto section = std::find_if(post_categories.begin(), post_categories.end(),
                              [](const ImportSection& s) { return s.slug != "uncategorized"; });
  if (section == post_categories.end() && !post_categories.empty())
    section = post_categories.begin();
  if (section == post_categories.end()) {
    item.section = {.slug = "uncategorized", .name = "Uncategorized"};
  } else {
    item.section = *section;
  }
  for (auto other = post_categories.begin(); other != post_categories.end(); ++other) {
    if (other != section) item.tags.push_back(other->name);
  }

  auto gmt = ParseWordPressDate(ChildText(node, "wp:post_date_gmt"), "wp:post_date_gmt");
  if (!gmt) return base::Unexpected(gmt.error());
  auto local = ParseWordPressDate(ChildText(node, "wp:post_date"), "wp:post_date");
  if (!local) return base::Unexpected(local.error());
  auto modified_gmt =
      ParseWordPressDate(ChildText(node, "wp:post_modified_gmt"), "wp:post_modified_gmt");
  if (!modified_gmt) return base::Unexpected(modified_gmt.error());
  auto modified = ParseWordPressDate(ChildText(node, "wp:post_modified"), "wp:post_modified");
  if (!modified) return base::Unexpected(modified.error());
  const std::optional<base::Seconds> published = *gmt ? *gmt : *local;
  if (!published) return base::InvalidArgumentError("it has no date (wp:post_date)");
  item.published_at = *published;
  item.updated_at = std::max(modified_gmt->value_or(modified->value_or(*published)), *published);

  if (status == content::ArticleStatus::kPublished) {
    item.old_paths = OldPaths(node, post_id, item.slug, local->value_or(*published));
  }
  return item;
}

WxrEntry WxrReader::State::ReadItem(pugi::xml_node node) const {
  WxrEntry entry;
  const std::string type(Trim(ChildText(node, "wp:post_type")));
  const std::string post_id(Trim(ChildText(node, "wp:post_id")));
  entry.source = file_name + ":" + std::to_string(LineAt(node.offset_debug())) + ": " +
                 (type.empty() ? "item" : type) + (post_id.empty() ? "" : " " + post_id);
  const auto fail = [&entry](std::string reason) {
    entry.kind = WxrEntry::Kind::kFailed;
    entry.reason = std::move(reason);
    return entry;
  };
  if (type.empty()) return fail("it has no wp:post_type");
  if (type != "post") {
    entry.kind = WxrEntry::Kind::kSkipped;
    entry.reason = "a " + type + " is not an article";
    return entry;
  }
  if (post_id.empty() ||
      !std::all_of(post_id.begin(), post_id.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      post_id.size() > 18) {
    return fail("its wp:post_id '" + post_id.substr(0, 40) + "' is not a number");
  }
  const std::string status(Trim(ChildText(node, "wp:status")));
  content::ArticleStatus article_status = content::ArticleStatus::kDraft;
  if (status == "publish") {
    article_status = content::ArticleStatus::kPublished;
  } else if (status == "future") {
    article_status = content::ArticleStatus::kScheduled;
  } else if (status == "draft" || status == "private") {
    article_status = content::ArticleStatus::kDraft;
  } else if (status == "pending") {
    article_status = content::ArticleStatus::kReview;
  } else if (status == "trash" || status == "auto-draft" || status == "inherit") {
    entry.kind = WxrEntry::Kind::kSkipped;
    entry.reason = "a post in the " + status + " is not imported";
    return entry;
  } else {
    return fail("its wp:status '" + status.substr(0, 40) + "' is not one WordPress uses");
  }
  auto item = ReadPost(node, post_id, article_status);
  if (!item) return fail(item.error().message());
  entry.item = std::move(*item);
  entry.item.source = entry.source;
  return entry;
}

Result<WxrReader> WxrReader::Open(std::string xml, std::string file_name) {
  auto state = std::make_unique<State>();
  state->xml = std::move(xml);
  state->file_name = std::move(file_name);
  state->line_starts.push_back(0);
  for (size_t i = 0; i < state->xml.size(); ++i) {
    if (state->xml[i] == '\n') state->line_starts.push_back(i + 1);
  }
  const pugi::xml_parse_result parsed = state->document.load_buffer(
      state->xml.data(), state->xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return base::InvalidArgumentError(state->file_name + ":" +
                                      std::to_string(state->LineAt(parsed.offset)) +
                                      ": not well-formed XML: " + parsed.description());
  }
  const pugi::xml_node channel = state->document.child("rss").child("channel");
  if (!channel) {
    return base::InvalidArgumentError(state->file_name +
                                      ": not a WordPress export (no <rss><channel>)");
  }
  const std::string version(Trim(ChildText(channel, "wp:wxr_version")));
  if (version.empty()) {
    return base::InvalidArgumentError(state->file_name +
                                      ": not a WordPress export (no wp:wxr_version)");
  }
  if (!version.starts_with("1.")) {
    return base::InvalidArgumentError(state->file_name + ": WXR version " + version.substr(0, 20) +
                                      " is not supported (1.0 to 1.2 are)");
  }
  state->ReadChannel(channel);
  return WxrReader(std::move(state));
}

WxrReader::WxrReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
WxrReader::WxrReader(WxrReader&&) noexcept = default;
WxrReader& WxrReader::operator=(WxrReader&&) noexcept = default;
WxrReader::~WxrReader() = default;

int WxrReader::item_count() const { return static_cast<int>(state_->items.size()); }

const std::string& WxrReader::site_url() const { return state_->site_url; }

std::optional<WxrEntry> WxrReader::Next() {
  if (state_->next >= state_->items.size()) return std::nullopt;
  return state_->ReadItem(state_->items[state_->next++]);
}

ImportOutcome ImportWxrEntry(const WxrEntry& entry, ArticleImporter& importer) {
  switch (entry.kind) {
    case WxrEntry::Kind::kItem:
      return importer.Import(entry.item);
    case WxrEntry::Kind::kSkipped:
      importer.RecordSkipped();
      return ImportOutcome::kSkipped;
    case WxrEntry::Kind::kFailed:
      importer.RecordFailure(entry.source, entry.reason);
      return ImportOutcome::kFailed;
  }
  return ImportOutcome::kFailed;
}

}  // namespace gazette::ingest
