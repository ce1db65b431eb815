// Which widths an image is re-encoded at. Private to src/media/.
#pragma once

#include <span>
#include <vector>

namespace gazette::media {

// The widths of `wanted` (deduplicated, ascending) that are not wider than `image_width`, so that
// no variant is upscaled, plus `image_width` itself when some wanted width is wider, so that an
// image between two widths (or below all of them) keeps its full size too. Widths of 0 or less
// in `wanted` are ignored. REQUIRES: image_width > 0.
std::vector<int> VariantWidths(int image_width, std::span<const int> wanted);

}  // namespace gazette::media
