// Reads a WordPress export (WXR 1.0-1.2, the file of Tools > Export) into ImportItems, one
// <item> at a time: posts become articles; pages, attachments, menu items, revisions and trashed
// posts are skipped; items that cannot be read are failures naming their line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "ingest/article_importer.h"
#include "ingest/import_item.h"

namespace gazette::ingest {

// One <item> of an export as the reader understood it.
struct WxrEntry {
  enum class Kind { kItem, kSkipped, kFailed };
  Kind kind = Kind::kItem;
  // "export.xml:120: post 345" (file, line, post type and wp:post_id): the item's source.
  std::string source;
  std::string reason;  // kSkipped and kFailed: why, for the operator
  ImportItem item;     // kItem only; item.source == source
};

// How a WordPress post becomes an item:
// - title and excerpt (the dek) as plain text; the body from content:encoded through
//   WordPressContentToMarkdown; an untitled post is titled with its first words;
// - the slug from wp:post_name, percent-decoded (empty: made from the title);
// - the author from dc:creator, by login, named by the channel's wp:author display name (never
//   its email); a post without one is credited to the site (the channel's title);
// - the first category other than "Uncategorized" is the section (a topic, with the category's
//   description), the other categories and the post_tag terms are tags; no category:
//   "Uncategorized";
// - published_at from wp:post_date_gmt, or wp:post_date taken as UTC when the GMT date is
//   unset ("0000-00-00 00:00:00"); updated_at from wp:post_modified_gmt likewise;
// - wp:status publish -> published, future -> scheduled, draft and private -> draft, pending
//   -> review; trash, auto-draft and inherit -> skipped;
// - a published post's old paths: "/?p=ID", "/YYYY/MM/DD/SLUG/" (from its local date, as
//   WordPress's permalinks use it), "/SLUG/" (both under the blog's path when it is not at the
//   root of its host), and the path of its <link> when that is on the blog's host; all
//   percent-decoded, as the site compares them.
// Confined to one thread.
class WxrReader {
 public:
  // Parses `xml`, the contents of the file named `file_name` (which names items in sources and
  // errors). InvalidArgument "FILE:LINE: ..." when it is not well-formed XML, "FILE: ..." when
  // it is not a WordPress export (no rss/channel or wp:wxr_version, or a version other than 1.x).
  static base::Result<WxrReader> Open(std::string xml, std::string file_name);

  WxrReader(WxrReader&&) noexcept;
  WxrReader& operator=(WxrReader&&) noexcept;
  ~WxrReader();

  // How many <item>s the export holds, whatever their type.
  int item_count() const;
  // The blog's address: the channel's <link> (else wp:base_blog_url, wp:base_site_url).
  const std::string& site_url() const;

  // The next <item>, converted; nullopt after the last. Never fails: an item that cannot be read
  // (neither title nor content, a date that does not parse, a wp:post_id that is not a number,
  // an unknown status) comes back as kFailed.
  std::optional<WxrEntry> Next();

 private:
  struct State;
  explicit WxrReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Hands `entry` to `importer`: imports a kItem, records a kSkipped as skipped and a kFailed as
// a failure with its source and reason. Returns the outcome.
ImportOutcome ImportWxrEntry(const WxrEntry& entry, ArticleImporter& importer);

}  // namespace gazette::ingest
