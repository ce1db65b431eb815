#include "site/sitemap_xml.h"

#include <pugixml.hpp>
#include <sstream>

#include "base/time_format.h"

namespace gazette::site {
namespace {

constexpr char kSitemapNamespace[] = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr char kNewsNamespace[] = "http://www.google.com/schemas/sitemap-news/0.9";

pugi::xml_node Root(pugi::xml_document& doc, const char* name) {
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child(name);
  root.append_attribute("xmlns") = kSitemapNamespace;
  return root;
}

// XML 1.0 has no place for control characters other than tab and line breaks, escaped or not:
// they are dropped.
void AddText(pugi::xml_node parent, const char* name, const std::string& text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      clean.push_back(c);
    }
  }
  parent.append_child(name).text().set(clean.c_str());
}

void AddEntries(pugi::xml_node root, const char* name, std::span<const SitemapEntry> entries) {
  for (const SitemapEntry& entry : entries) {
    pugi::xml_node node = root.append_child(name);
    AddText(node, "loc", entry.url);
    if (entry.lastmod) AddText(node, "lastmod", base::FormatIso8601(*entry.lastmod));
  }
}

std::string Serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

std::string SitemapIndexXml(std::span<const SitemapEntry> sitemaps) {
  pugi::xml_document doc;
  AddEntries(Root(doc, "sitemapindex"), "sitemap", sitemaps);
  return Serialize(doc);
}

std::string UrlSetXml(std::span<const SitemapEntry> urls) {
  pugi::xml_document doc;
  AddEntries(Root(doc, "urlset"), "url", urls);
  return Serialize(doc);
}

std::string NewsSitemapXml(const NewsPublication& publication, std::span<const NewsEntry> entries) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(doc, "urlset");
  root.append_attribute("xmlns:news") = kNewsNamespace;
  for (const NewsEntry& entry : entries) {
    pugi::xml_node url = root.append_child("url");
    AddText(url, "loc", entry.url);
    pugi::xml_node news = url.append_child("news:news");
    pugi::xml_node source = news.append_child("news:publication");
    AddText(source, "news:name", publication.name);
    AddText(source, "news:language", publication.language);
    AddText(news, "news:publication_date", base::FormatIso8601(entry.published_at));
    AddText(news, "news:title", entry.title);
  }
  return Serialize(doc);
}

}  // namespace gazette::site
