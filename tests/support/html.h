// Just enough HTML reading for tests: the links on a page, its visible text, attribute values.
// Not a parser: it scans tags, which is all the theme's well-formed output needs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::support {

// Replaces &amp; &lt; &gt; &quot; &apos; &#39; &#NNN; &#xHH; and &nbsp; by what they stand for
// (UTF-8); leaves other text alone.
std::string DecodeEntities(std::string_view text);

// Tags removed, entities decoded, runs of whitespace collapsed to one space, trimmed.
std::string VisibleText(std::string_view html);

struct Link {
  std::string href;  // the attribute value, entities decoded
  std::string text;  // VisibleText of what is between <a ...> and </a>
};

// Every <a href="..."> element, in document order.
std::vector<Link> Links(std::string_view html);

// The values of attribute `name` (e.g. "src", "href") on every tag, entities decoded.
std::vector<std::string> AttributeValues(std::string_view html, std::string_view name);

// The inner HTML of the first element with tag `tag` (e.g. "h1", "title"), or "" if none.
std::string FirstElement(std::string_view html, std::string_view tag);

}  // namespace gazette::support
