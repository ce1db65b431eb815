// `gazette import wxr DIR FILE`: a WordPress export imported into the site folder DIR.
#pragma once

#include <filesystem>
#include <functional>

#include "base/result.h"
#include "ingest/article_importer.h"

namespace gazette::app {

// Told after each item: how many of how many are through.
using ProgressCallback = std::function<void(int done, int total)>;

// Reads the WXR file `file`, then imports each of its items into the store of the site folder
// `dir` (ingest::WxrReader, ingest::ArticleImporter): a bad item is a failure in the summary and
// the others are still imported; importing the same file again changes nothing. Calls
// `progress` (if set) after every item. Errors, when nothing could be imported: Unavailable
// "cannot read FILE"; InvalidArgument "FILE:LINE: ..." for a file that is not well-formed XML or
// not a WordPress export; as OpenSiteStore.
base::Result<ingest::ImportSummary> ImportWxrFile(const std::filesystem::path& dir,
                                                  const std::filesystem::path& file,
                                                  const ProgressCallback& progress);

}  // namespace gazette::app
