// The reader's search page: GET /search?q=&section=&author=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N.
#pragma once

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"
#include "render/theme.h"
#include "site/page_builder.h"
#include "store/store.h"

namespace gazette::site {

// The themed search page for `request`: the form filled in with what was asked, one page of
// results with marked snippets, and the latest articles when nothing was asked or nothing
// matched. Whatever the query string holds, the answer is a 200 page: words that are not words
// are ignored, and a filter or page that names nothing (an unknown section, "from=yesterday",
// "page=x") is left out or taken as the first page. Errors only when the store fails.
// The answer carries its page-cache tags. Borrows every argument for the call.
base::Result<http::Response> SearchPage(store::Store& store, PageContext& context,
                                        const render::Theme& theme, const http::Request& request);

}  // namespace gazette::site
