// The allow-list HTML sanitizer for HTML that comes from elsewhere (a WordPress import): only
// text structure, links and images survive.
#pragma once

#include <string>
#include <string_view>

namespace gazette::content {

// Safe HTML with what `html` says in the allowed elements: paragraphs, headings (h1 becomes h2),
// lists, quotes, code, tables, figures, links, images, emphasis, line breaks, rules, sup/sub,
// strikethrough, and the ids and fragment links that footnotes need. Scripts, styles, frames,
// objects, forms and the like go with their content; other elements give way to their content;
// every attribute not on the list (on*=, style, class, ...) goes, and so do URLs other than http,
// https, mailto (links only), relative paths and #fragments, however they are obfuscated. Text
// and attribute values are escaped. Sanitizing the result again gives the same result. Never
// fails. Safe for concurrent use.
std::string SanitizeHtml(std::string_view html);

}  // namespace gazette::content
