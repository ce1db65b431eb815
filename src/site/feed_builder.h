// Builds a Feed (feed.h) from the store: the latest published articles of the whole site or of
// one section, author, tag or partner, with absolute links and stable ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "site/feed.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site {

// Entries in a feed: WordPress's default ("Syndication feeds show the most recent 10 items").
// Feeds carry whole articles, so each entry is some 10 kB of XML to build and compress.
inline constexpr int kFeedSize = 10;

// Which articles a feed lists and how it is named.
struct FeedScope {
  store::ArticleQuery query;  // the filters; the builder sets limit and offset
  std::string name;           // "East Asia"; "" for the whole site
  std::string description;    // plain text; "" for the site's own
  std::string path;           // the listing page's path: "/" or "/east-asia/"
};

// The paths of a listing page's feeds: RSS at "<path>feed/", Atom at "<path>feed/atom/", and
// JSON Feed at "/feed.json" for the whole site only ("" for the others).
std::string RssFeedPath(std::string_view page_path);
std::string AtomFeedPath(std::string_view page_path);
std::string JsonFeedPath(std::string_view page_path);

// An article's id in every feed: a tag URI (RFC 4151) made of the site's host and the
// article's database id, "tag:news.example,2026:article:42". It stays the same when the
// article's slug, section or title changes, which a permalink would not. The date is a fixed
// part of the scheme, not the article's. REQUIRES: `site_url` is absolute ("https://host...").
std::string ArticleGuid(std::string_view site_url, int64_t article_id);

// The latest kFeedSize published articles of `scope`, newest first. Each entry carries the
// whole body or only the dek (as config.feed_content says), and for a partner piece the line
// "First published by <partner>" with a link to the original when the partner's credit is
// canonical. Relative links in bodies are made absolute. `now` dates a feed without entries.
// Errors: those of the store.
base::Result<Feed> BuildFeed(store::Store& store, const SiteConfig& config, const FeedScope& scope,
                             base::Seconds now);

}  // namespace gazette::site
