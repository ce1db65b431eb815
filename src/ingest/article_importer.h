// Writes imported items into a store, idempotently: an item whose article is already stored
// unchanged is skipped, a changed one is updated, and a bad item is reported and never stops
// the batch nor touches what was stored before it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ingest/import_item.h"
#include "store/store.h"

namespace gazette::ingest {

enum class ImportOutcome { kImported, kUpdated, kSkipped, kFailed };

struct ImportFailure {
  std::string source;  // the item's ImportItem::source
  std::string reason;  // a sentence for the operator
};

struct ImportSummary {
  int imported = 0;  // new articles
  int updated = 0;   // stored articles (same slug) whose fields changed
  int skipped = 0;   // stored articles already equal to the item, and items the reader skipped
  std::vector<ImportFailure> failures;
};

// Decodes an image file and stores it as media, returning its id; storing the same file again
// gives the same id. InvalidArgument naming the problem when the file is not an image.
using ImageLoader = std::function<base::Result<int64_t>(const std::string& file)>;

// Confined to one thread. Borrows `store`, which must outlive the importer.
class ArticleImporter {
 public:
  // Without `load_image`, an item with a lead image fails.
  explicit ArticleImporter(store::Store& store, ImageLoader load_image = nullptr);

  // Writes one item: finds or creates its section, authors and tags, renders its body, then
  // creates the article, or updates the stored article with the same slug when any field
  // differs, and points the item's old paths at it. A failure (a missing title, a partner that
  // does not exist, an image that does not decode, a store error) is recorded in the summary
  // with the item's source and returned. What is checked before writing (title, section,
  // authors, dates, old paths, partner) fails with nothing written; a store error later may
  // leave the section, authors or tags it named created, never a half-written article.
  ImportOutcome Import(const ImportItem& item);

  // Records an item that a reader could not turn into an ImportItem (malformed XML, front
  // matter that does not parse), so that it shows in the summary.
  void RecordFailure(std::string source, std::string reason);
  // Records an item that a reader skipped on purpose (a WordPress attachment, a trashed post).
  void RecordSkipped();

  const ImportSummary& summary() const { return summary_; }

 private:
  base::Result<ImportOutcome> Write(const ImportItem& item);

  store::Store& store_;
  ImageLoader load_image_;
  ImportSummary summary_;
};

}  // namespace gazette::ingest
