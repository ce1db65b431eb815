// The page cache's vocabulary: the tags a cached page names what it shows by, and a write names
// what it changes by. The site tags its pages (http::Response::cache_tags); the store decorator
// (change_notifying_store.h) names the tags of each write; the cache drops the pages carrying them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/model.h"

namespace gazette::store {

// Every page: the site's settings, its section navigation, the theme, and the names of authors,
// partners and tags wherever they show.
std::string SiteTag();  // "site"
// Any page that shows the article, as its own page or as a card (lists, trending, related, more
// in section).
std::string ArticleTag(int64_t article_id);  // "article:<id>"
// Pages that list every published article, newest first: home, the site's feeds, sitemaps,
// the Content API's lists, and the "latest" that tops up a short trending list.
std::string AllListTag();  // "list:all"
// Pages that depend on every published article, whatever changes in it: search results, feeds
// (whole bodies), sitemaps (update dates), the Content API. Named by every article write that
// readers see.
std::string AnyArticleTag();                     // "article:any"
std::string SectionListTag(int64_t section_id);  // "list:section:<id>" (also "more in section")
std::string AuthorListTag(int64_t author_id);    // "list:author:<id>"
std::string TermListTag(int64_t tag_id);         // "list:tag:<id>"
std::string PartnerListTag(int64_t partner_id);  // "list:partner:<id>"
// The related-reading block of article <id>'s page.
std::string RelatedTag(int64_t article_id);  // "related:<id>"

// Appends the list tags of every list `article` appears in while published: list:all, its
// section's, each author's, each tag's and its partner's.
void AppendListTags(const content::Article& article, std::vector<std::string>& tags);

// What a change of one article from `before` to `after` invalidates (nullptr: the article did not
// exist before, or cannot be read after): nothing when it is published in neither state;
// otherwise its article tag and the any-article tag, and, unless it stays published in the same
// lists at the same date, the list tags of each state in which it is published, so that it leaves
// the lists it left and joins those it joined (an edit of its text alone changes only the pages
// that show it). Related blocks are the caller's (they need the store). Tags may repeat.
std::vector<std::string> TagsOfArticleChange(const content::Article* before,
                                             const content::Article* after);

}  // namespace gazette::store
