// Old addresses of imported articles (WordPress's /?p=123, /2019/05/01/summit/, /summit/): each
// answers with a 301 to where the article is now.
#pragma once

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"
#include "store/store.h"

namespace gazette::site {

// The 301 to the published article that the request's address used to show: the path as
// decoded, or "/?p=ID" for WordPress's numeric links on the home page. NotFound when the address
// is no article's old one, when its article is not published, or when the redirect would lead
// back to the same path; store errors as they come. Borrows its arguments for the call.
base::Result<http::Response> RedirectFromOldAddress(store::Store& store,
                                                    const http::Request& request);

// Whether the home page's request is a WordPress numeric link ("/?p=123") to try first.
bool IsNumericPostLink(const http::Request& request);

}  // namespace gazette::site
