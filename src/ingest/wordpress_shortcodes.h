// WordPress shortcodes in post content, turned into the HTML they stand for or removed: the first
// step from WordPress's post_content to an article (wordpress_content.h).
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// Expands the shortcodes of `content`, leaving everything else as it is:
// - [caption ...]<img ...> text[/caption] (the image may sit in a link; a caption="..."
//   attribute takes precedence over the text) -> <figure>IMAGE<figcaption>text</figcaption>
//   </figure>; [wp_caption] likewise; a caption without an image gives its content;
// - [embed]URL[/embed], [video src=URL] and [audio src=URL] (or their mp4=, mp3=, ... source
//   attributes) -> a paragraph with a link to the URL;
// - [gallery ...], [playlist ...] and [contact-form...] (with any content up to their closing
//   tag) -> nothing;
// - any other [name ...]...[/name] pair -> its content, itself expanded;
// - [[name ...]] (WordPress's escape) -> [name ...], literally.
// Bracketed text that is not a shortcode ("[1]", "[sic]", a [name] that is never closed) is kept.
// Pairs nested deeper than 16 are kept as they are.
std::string ExpandShortcodes(std::string_view content);

}  // namespace gazette::ingest
