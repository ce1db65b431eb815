// A feed as plain data (the latest articles of the site, a section, an author, a tag or a
// partner) and its three serializations: RSS 2.0, Atom 1.0 and JSON Feed 1.1.
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"

namespace gazette::site {

struct FeedPerson {
  std::string name;
  std::string url;  // absolute: the author's page
};

struct FeedEntry {
  // Stable across slug, section and title changes: "tag:news.example,2026:article:42".
  std::string id;
  std::string title;
  std::string url;  // absolute
  base::Seconds published{};
  base::Seconds updated{};  // never before `published`
  std::vector<FeedPerson> authors;
  std::vector<std::string> categories;  // the section's name, then the tags' names
  std::string summary;                  // plain text: the dek; "" for none
  std::string content_html;             // the body or the summary, with the partner credit
  std::string original_url;             // a partner piece's original; "" for none
};

struct Feed {
  std::string title;        // "East Asia — The Meridian Review"
  std::string site_name;    // the Atom author of entries without a byline
  std::string description;  // plain text
  std::string language;     // "en"
  std::string home_url;     // absolute: the page whose articles the feed lists
  std::string rss_url;      // absolute URLs of the feed in each format; json_url may be ""
  std::string atom_url;
  std::string json_url;
  std::string id;                  // the Atom feed id: "tag:news.example,2026:feed:/east-asia/"
  base::Seconds updated{};         // the newest entry's update, or now when there is none
  std::vector<FeedEntry> entries;  // newest first
};

// Each returns a complete document in UTF-8. Text is escaped, invalid UTF-8 is replaced by
// U+FFFD, and characters XML 1.0 does not allow (most control characters) are removed, so the
// result is always well-formed. RSS dates are RFC 822 ("Sat, 28 Nov 2026 09:00:00 +0000"),
// Atom and JSON dates RFC 3339 in UTC.
std::string WriteRss(const Feed& feed);
std::string WriteAtom(const Feed& feed);
std::string WriteJsonFeed(const Feed& feed);

// `text` as valid UTF-8 without the characters XML 1.0 forbids. Exposed for the writers.
std::string CleanFeedText(const std::string& text);

// "Sat, 28 Nov 2026 09:00:00 +0000".
std::string FormatRfc822(base::Seconds t);

}  // namespace gazette::site
