#include "ingest/wordpress_content.h"

#include "content/html_to_markdown.h"
#include "ingest/wordpress_autop.h"
#include "ingest/wordpress_shortcodes.h"

namespace gazette::ingest {

std::string WordPressContentToHtml(std::string_view post_content) {
  return AutoParagraphs(ExpandShortcodes(post_content));
}

std::string WordPressContentToMarkdown(std::string_view post_content) {
  return content::HtmlToMarkdown(WordPressContentToHtml(post_content));
}

}  // namespace gazette::ingest
