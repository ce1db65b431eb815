// Serves the stored variants of uploaded images at /media/<id>/<width>.<format>, the addresses
// media::MediaVariantUrl gives them.
#pragma once

#include <string_view>

#include "base/result.h"
#include "http/response.h"
#include "store/store.h"

namespace gazette::site {

// The variant of image `id` named by `file` ("960.webp", "480.jpeg"): its bytes with their
// Content-Type and Cache-Control: public, max-age=31536000, immutable (a variant never changes
// under its address). Errors: NotFound when `id` or `file` is not in that exact form (decimal
// without leading zeros, format "webp" or "jpeg") or names no stored variant; store errors as
// they come. The arguments are borrowed for the call.
base::Result<http::Response> ServeMediaVariant(store::Store& store, std::string_view id,
                                               std::string_view file);

}  // namespace gazette::site
