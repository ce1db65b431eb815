// Escaping text for HTML and XML, where code writes markup by hand (a redirect's body, a feed's
// content, a search snippet) rather than through a template, which escapes by itself.
#pragma once

#include <string>
#include <string_view>

namespace gazette::base {

// Appends `text` to `out` with & < > " ' as character references: safe in element content and
// in a quoted attribute value.
void AppendEscapedHtml(std::string_view text, std::string& out);

// `text` escaped as AppendEscapedHtml does.
std::string EscapeHtml(std::string_view text);

}  // namespace gazette::base
