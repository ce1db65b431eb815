#include <nlohmann/json.hpp>

#include "base/time_format.h"
#include "site/feed.h"

namespace gazette::site {
namespace {

using nlohmann::json;

void SetIfAny(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = CleanFeedText(value);
}

json Item(const FeedEntry& entry) {
  json item = json::object();
  item["id"] = CleanFeedText(entry.id);
  item["url"] = CleanFeedText(entry.url);
  SetIfAny(item, "external_url", entry.original_url);
  item["title"] = CleanFeedText(entry.title);
  // JSON Feed requires content_html or content_text: the title stands in for an empty body.
  if (entry.content_html.empty()) {
    item["content_text"] = CleanFeedText(entry.title);
  } else {
    item["content_html"] = CleanFeedText(entry.content_html);
  }
  SetIfAny(item, "summary", entry.summary);
  item["date_published"] = base::FormatIso8601(entry.published);
  item["date_modified"] = base::FormatIso8601(entry.updated);
  if (!entry.authors.empty()) {
    json authors = json::array();
    for (const FeedPerson& person : entry.authors) {
      json author = {{"name", CleanFeedText(person.name)}};
      SetIfAny(author, "url", person.url);
      authors.push_back(std::move(author));
    }
    item["authors"] = std::move(authors);
  }
  if (!entry.categories.empty()) {
    json tags = json::array();
    for (const std::string& category : entry.categories) tags.push_back(CleanFeedText(category));
    item["tags"] = std::move(tags);
  }
  return item;
}

}  // namespace

std::string WriteJsonFeed(const Feed& feed) {
  json root = json::object();
  root["version"] = "https://jsonfeed.org/version/1.1";
  root["title"] = CleanFeedText(feed.title);
  root["home_page_url"] = CleanFeedText(feed.home_url);
  SetIfAny(root, "feed_url", feed.json_url);
  SetIfAny(root, "description", feed.description);
  SetIfAny(root, "language", feed.language);
  json items = json::array();
  for (const FeedEntry& entry : feed.entries) items.push_back(Item(entry));
  root["items"] = std::move(items);
  return root.dump(2) + "\n";
}

}  // namespace gazette::site
