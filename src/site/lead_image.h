// An article's lead image as reader pages and the Content API show it: its stored variants
// offered as a <picture>, with the article's alt text.
#pragma once

#include <optional>
#include <string_view>

#include "base/result.h"
#include "content/model.h"
#include "render/views.h"
#include "store/store.h"

namespace gazette::site {

// The lead image of `article`, its URLs prefixed with `url_base` ("" for site-relative ones as
// pages use, the site's URL for absolute ones as the API gives). nullopt when the article has no
// lead image, or when that image is no longer stored or has no JPEG to fall back on (both
// logged as warnings): a missing picture never takes the article down with it. Store errors
// other than NotFound as they come. The arguments are borrowed for the call.
base::Result<std::optional<render::ResponsiveImage>> LoadLeadImage(store::Store& store,
                                                                   const content::Article& article,
                                                                   std::string_view url_base);

}  // namespace gazette::site
