// The public JSON shapes of the Content API, each built from an explicit allowlist of fields:
// a field added to a content type reaches the API only when it is added here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "render/views.h"

namespace gazette::site::api_json {

// Objects keep their keys in the order they were set, which is the order the docs show.
using Json = nlohmann::ordered_json;

// Every URL in the API is absolute: `base_url` is the site's ("https://example.org", no
// trailing '/').

// {id, slug, name, kind, description, url}
Json Section(const content::Section& section, std::string_view base_url);
// {id, slug, name, bio, url}
Json Author(const content::Author& author, std::string_view base_url);
// {id, slug, name, url}
Json Tag(const content::Tag& tag, std::string_view base_url);
// {id, slug, name, description, website, url}: `website` is the partner's own home page, `url`
// its page on this site.
Json Partner(const content::Partner& partner, std::string_view base_url);

// What an article's JSON shows besides its own fields, resolved by the caller. Borrowed for
// the duration of one Article() call.
struct ArticleLinks {
  const content::Section* section = nullptr;    // REQUIRES: not null
  std::vector<const content::Author*> authors;  // in byline order
  std::vector<const content::Tag*> tags;
  const content::Partner* partner = nullptr;            // null unless a partner piece
  const render::ResponsiveImage* lead_image = nullptr;  // absolute URLs; null for none
};

// {id, slug, url, title, dek, section, authors, tags, partner, published_at, updated_at,
// reading_minutes, word_count, lead_image} and, when `with_body`, body_html.
Json Article(const content::Article& article, const ArticleLinks& links, std::string_view base_url,
             bool with_body);

// {"errors": [{"message": message, "status": status}]}
Json Errors(std::string_view message, int status);

// Compact UTF-8 text of `value`; invalid UTF-8 in its strings becomes U+FFFD instead of failing.
std::string Dump(const Json& value);

}  // namespace gazette::site::api_json
