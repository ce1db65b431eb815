#include <pugixml.hpp>

#include "base/time_format.h"
#include "site/feed.h"

namespace gazette::site {
namespace {

constexpr char kGenerator[] = "Gazette";

// Collects what pugixml writes.
class StringWriter : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string out;
};

pugi::xml_node AddText(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node node = parent.append_child(name);
  node.text().set(CleanFeedText(text).c_str());
  return node;
}

void AddAttribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(CleanFeedText(value).c_str());
}

pugi::xml_node AddLink(pugi::xml_node parent, const char* rel, const char* type,
                       const std::string& href) {
  pugi::xml_node link = parent.append_child("link");
  link.append_attribute("rel").set_value(rel);
  if (type) link.append_attribute("type").set_value(type);
  AddAttribute(link, "href", href);
  return link;
}

pugi::xml_document NewDocument() {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("utf-8");
  return doc;
}

std::string Save(const pugi::xml_document& doc) {
  StringWriter writer;
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(writer.out);
}

void AddRssItem(pugi::xml_node channel, const FeedEntry& entry) {
  pugi::xml_node item = channel.append_child("item");
  AddText(item, "title", entry.title);
  AddText(item, "link", entry.url);
  pugi::xml_node guid = AddText(item, "guid", entry.id);
  guid.append_attribute("isPermaLink").set_value("false");
  AddText(item, "pubDate", FormatRfc822(entry.published));
  for (const FeedPerson& author : entry.authors) AddText(item, "dc:creator", author.name);
  for (const std::string& category : entry.categories) AddText(item, "category", category);
  if (!entry.content_html.empty()) AddText(item, "description", entry.content_html);
}

void AddAtomEntry(pugi::xml_node feed_node, const Feed& feed, const FeedEntry& entry) {
  pugi::xml_node node = feed_node.append_child("entry");
  AddText(node, "title", entry.title).append_attribute("type").set_value("text");
  AddLink(node, "alternate", "text/html", entry.url);
  if (!entry.original_url.empty()) AddLink(node, "via", "text/html", entry.original_url);
  AddText(node, "id", entry.id);
  AddText(node, "published", base::FormatIso8601(entry.published));
  AddText(node, "updated", base::FormatIso8601(entry.updated));
  for (const FeedPerson& person : entry.authors) {
    pugi::xml_node author = node.append_child("author");
    AddText(author, "name", person.name);
    if (!person.url.empty()) AddText(author, "uri", person.url);
  }
  if (entry.authors.empty()) AddText(node.append_child("author"), "name", feed.site_name);
  for (const std::string& category : entry.categories) {
    AddAttribute(node.append_child("category"), "term", category);
  }
  if (!entry.summary.empty()) {
    AddText(node, "summary", entry.summary).append_attribute("type").set_value("text");
  }
  if (!entry.content_html.empty()) {
    pugi::xml_node content = AddText(node, "content", entry.content_html);
    content.append_attribute("type").set_value("html");
    AddAttribute(content, "xml:base", entry.url);
  }
}

}  // namespace

std::string WriteRss(const Feed& feed) {
  pugi::xml_document doc = NewDocument();
  pugi::xml_node rss = doc.append_child("rss");
  rss.append_attribute("version").set_value("2.0");
  rss.append_attribute("xmlns:atom").set_value("http://www.w3.org/2005/Atom");
  rss.append_attribute("xmlns:dc").set_value("http://purl.org/dc/elements/1.1/");
  pugi::xml_node channel = rss.append_child("channel");
  AddText(channel, "title", feed.title);
  AddText(channel, "link", feed.home_url);
  AddText(channel, "description", feed.description.empty() ? feed.title : feed.description);
  AddText(channel, "language", feed.language);
  AddText(channel, "lastBuildDate", FormatRfc822(feed.updated));
  AddText(channel, "generator", kGenerator);
  pugi::xml_node self = channel.append_child("atom:link");
  AddAttribute(self, "href", feed.rss_url);
  self.append_attribute("rel").set_value("self");
  self.append_attribute("type").set_value("application/rss+xml");
  for (const FeedEntry& entry : feed.entries) AddRssItem(channel, entry);
  return Save(doc);
}

std::string WriteAtom(const Feed& feed) {
  pugi::xml_document doc = NewDocument();
  pugi::xml_node root = doc.append_child("feed");
  root.append_attribute("xmlns").set_value("http://www.w3.org/2005/Atom");
  AddAttribute(root, "xml:lang", feed.language);
  AddText(root, "title", feed.title).append_attribute("type").set_value("text");
  if (!feed.description.empty()) {
    AddText(root, "subtitle", feed.description).append_attribute("type").set_value("text");
  }
  AddLink(root, "alternate", "text/html", feed.home_url);
  AddLink(root, "self", "application/atom+xml", feed.atom_url);
  AddText(root, "id", feed.id);
  AddText(root, "updated", base::FormatIso8601(feed.updated));
  AddText(root, "generator", kGenerator);
  for (const FeedEntry& entry : feed.entries) AddAtomEntry(root, feed, entry);
  return Save(doc);
}

}  // namespace gazette::site
