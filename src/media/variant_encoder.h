// Re-encoding a decoded image into the variants the store keeps: one per width and format.
// Private to src/media/.
#pragma once

#include <vector>
#include <vips/vips8>

#include "base/result.h"
#include "content/media.h"

namespace gazette::media {

// Encoder settings, 1 to 100.
struct EncoderQuality {
  int webp = 80;
  int jpeg = 82;
};

// `largest` (upright, 8-bit sRGB, in memory, `widths.back()` pixels wide) reduced to each of
// `widths` and encoded in WebP and in JPEG with every piece of metadata stripped; transparency
// is kept in WebP and flattened on white in JPEG. Ordered WebP first, then JPEG, each by width
// ascending. Errors: Internal when libvips fails (the image was already decoded, so this is
// never the upload's fault). REQUIRES: StartVips() succeeded; `widths` ascending, non-empty, and
// none wider than `largest`.
base::Result<std::vector<content::MediaVariant>> EncodeVariants(const vips::VImage& largest,
                                                                const std::vector<int>& widths,
                                                                EncoderQuality quality);

}  // namespace gazette::media
