// View models: the plain values a theme's templates are filled from. Handlers in site/ build
// them; render/ turns them into HTML. Nothing here can reach the store.
// Strings are plain text unless the field's name ends in _html, which holds HTML already
// produced by the Markdown renderer or the sanitizer and is inserted as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gazette::render {

struct Link {
  std::string name;
  std::string url;
};

// What every page shows around its content.
struct SiteView {
  std::string name;     // "The Meridian Review"
  std::string tagline;  // "Analysis of world affairs"
  std::string url;      // base URL without trailing '/': "https://example.org"
  std::string language = "en";
  std::vector<Link> regions;   // navigation: region sections in order
  std::vector<Link> topics;    // navigation: topic sections in order
  std::string stylesheet_url;  // fingerprinted theme asset URL
  std::string script_url;      // fingerprinted theme asset URL (progressive enhancement only)
  std::string icon_url;        // fingerprinted theme asset URL of the favicon; "" for none
  int year = 0;                // for the footer
};

// A feed a page offers for autodiscovery: <link rel="alternate" type=... title=... href=...>.
struct FeedLink {
  std::string title;  // "East Asia — The Meridian Review (RSS)"
  std::string type;   // "application/rss+xml", "application/atom+xml", "application/feed+json"
  std::string url;    // absolute
};

// The picture a link preview shows (OpenGraph og:image, Twitter card).
struct SocialImage {
  std::string url;  // absolute
  int width = 0;    // of the file at `url`, in pixels
  int height = 0;
  std::string alt;
};

// The OpenGraph article:* properties of an article page.
struct ArticleMeta {
  std::string published_time;     // "2026-11-24T09:30:00Z"
  std::string modified_time;      // "2026-11-24T10:00:00Z"
  std::string section;            // the section's name
  std::vector<std::string> tags;  // tag names
};

// <head> metadata of one page.
struct PageMeta {
  std::string title;                   // the document title, without the site name
  std::string description;             // meta description
  std::string canonical_url;           // absolute
  bool noindex = false;                // <meta name="robots" content="noindex, follow">
  std::optional<SocialImage> image;    // og:image and a large Twitter card; else a summary card
  std::optional<ArticleMeta> article;  // article:* properties, on article pages only
  // Structured data: JSON-LD documents (schema.org) as JSON text, each put in its own
  // <script type="application/ld+json">. render/ writes '<', '>' and '&' in them as \u003c,
  // \u003e and \u0026, which JSON reads back as the same characters, so that no text in them
  // can close the script element.
  std::vector<std::string> json_ld;
  std::vector<FeedLink> feeds;  // the feeds of this page, or of the site on an article page
};

// An article as a line or a card in a list.
struct ArticleCard {
  std::string title;
  std::string url;  // site-relative: "/east-asia/some-slug/"
  std::string dek;
  Link section;
  std::vector<Link> authors;
  std::string date_iso;       // "2026-11-24T09:30:00Z", for <time datetime>
  std::string date_long;      // "24 November 2026"
  std::string date_relative;  // "4 days ago", true when rendered
  int reading_minutes = 1;
  std::string partner_name;  // "" unless a partner piece
};

// A numbered page, or (page 0) one past the numbered pages, reached by a keyset "Next" link,
// which shows its links alone.
struct Pagination {
  int page = 1;
  int total_pages = 1;
  std::string previous_url;  // "" on the first page
  std::string next_url;      // "" on the last page
};

// A section's block on the home page.
struct SectionBlock {
  Link section;
  std::string kind;  // "region" | "topic"
  std::vector<ArticleCard> articles;
};

struct HomeView {
  SiteView site;
  PageMeta meta;
  std::optional<ArticleCard> lead;
  std::vector<SectionBlock> sections;
  std::vector<ArticleCard> trending;  // "latest / trending": most read, else latest
  std::string trending_heading;       // "Trending" or "Latest"
};

// Any page that lists articles: a section, an author, a partner, a tag.
struct ListView {
  SiteView site;
  PageMeta meta;
  std::string kind_label;    // "Region", "Topic", "Author", "Partner", "Tag"
  std::string heading;       // "East Asia"
  std::string description;   // section description, author bio, partner description
  std::string external_url;  // a partner's home page; "" otherwise
  std::vector<ArticleCard> articles;
  Pagination pagination;
  std::vector<ArticleCard> trending;
  std::string trending_heading;
};

// One <source> of a <picture>: a format some browsers take, offered in several widths.
struct ImageSource {
  std::string type;    // "image/webp"
  std::string srcset;  // "/media/7/480.webp 480w, /media/7/960.webp 960w"
};

// An image offered in several widths and formats, for <picture>: the browser picks the first
// format it takes, and in it the smallest file that fills the width the theme declares in
// `sizes`, at the screen's density.
struct ResponsiveImage {
  std::vector<ImageSource> sources;  // formats to prefer over the JPEGs, in order
  std::string src;     // the fallback for browsers without srcset: "/media/7/960.jpeg"
  std::string srcset;  // the JPEG candidates: "/media/7/480.jpeg 480w, /media/7/960.jpeg 960w"
  int width = 0;       // intrinsic size of `src`, so that the page keeps the image's place
  int height = 0;      // before it loads
  std::string alt;     // the text alternative
};

// "First published in our partner X", linking the original.
struct PartnerCredit {
  std::string name;
  std::string partner_url;   // our partner page: "/partner/slug/"
  std::string original_url;  // absolute URL of the original piece
};

struct ArticleView {
  SiteView site;
  PageMeta meta;  // canonical_url is the original's for a canonical-credit partner piece
  ArticleCard article;
  std::optional<ResponsiveImage> lead_image;  // shown under the header when the article has one
  std::string body_html;                      // rendered Markdown, footnotes included
  std::optional<PartnerCredit> credit;
  std::vector<Link> tags;
  // "Related reading": the articles closest to this one, from any section, best first.
  std::vector<ArticleCard> related;
  // The section's latest, without this article and without those in `related`.
  std::vector<ArticleCard> more_in_section;
  std::vector<ArticleCard> trending;
  std::string trending_heading;
};

// One choice of a search filter's <select>.
struct SearchOption {
  std::string value;  // "" for "any"
  std::string label;
  bool selected = false;
};

// One search result: the article's card and a passage of it with the matched words marked.
struct SearchResult {
  ArticleCard article;
  std::string snippet_html;  // escaped text whose only tags are <mark> and </mark>
};

// The search page: the form (filled in with what was asked), and either the results, or, when
// nothing matched or nothing was asked, suggestions of where to go.
struct SearchView {
  SiteView site;
  PageMeta meta;                       // noindex
  std::string query;                   // the text as typed
  std::vector<SearchOption> sections;  // the section filter, "any" first
  std::vector<SearchOption> authors;   // the author filter, "any" first
  std::string from;                    // "YYYY-MM-DD" or ""
  std::string to;                      // "YYYY-MM-DD" or ""
  bool searched = false;               // the query had words to look for
  int64_t total = 0;                   // how many articles match
  bool more = false;                   // more than `total` match; only `total` are ranked
  std::vector<SearchResult> results;   // this page of them
  Pagination pagination;
  std::vector<ArticleCard> suggestions;  // the latest articles, when there are no results
};

struct ErrorView {
  SiteView site;
  PageMeta meta;  // noindex
  int status = 404;
  std::string heading;              // "Page not found"
  std::string message;              // what happened and what to do
  std::vector<ArticleCard> latest;  // somewhere to go next
};

}  // namespace gazette::render
