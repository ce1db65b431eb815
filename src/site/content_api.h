// The public Content API under /api/content/v1/: read-only JSON of published content for apps,
// newsletters and other sites (the reference is docs/api.md). Drafts never reach it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http/router.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site {

// Adds the API's GET routes to `router`. Each answers both with and without its trailing '/'
// ("/api/content/v1/articles/" and "/api/content/v1/articles"), so that no client has to
// follow a redirect. The handlers only read the store and are safe for concurrent use.
// Borrows `store`, which must outlive the router. `base_url` gives the site's absolute URL
// (without a trailing '/') for the links in the answers; it is asked once per request.
void RegisterContentApi(http::Router& router, store::Store& store,
                        std::function<std::string()> base_url);

// True for paths under /api/content/, whose errors are JSON rather than themed pages.
bool IsContentApiPath(std::string_view path);

// The JSON 404 for a path under /api/content/ that names no endpoint.
http::Response ContentApiNotFound();

}  // namespace gazette::site
