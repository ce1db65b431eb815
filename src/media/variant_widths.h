// Which widths an image is re-encoded at. Private to src/media/.
#pragma once

#include <span>
#include <vector>

namespace gazette::media {

// The widths of `wanted` (deduplicated, ascending) that are not wider than `image_width`, so that
// no variant is upscaled; when none is, {image_width} alone, so that a small image still gets one
// variant. Widths of 0 or less in `wanted` are ignored. REQUIRES: image_width > 0.
std::vector<int> VariantWidths(int image_width, std::span<const int> wanted);

}  // namespace gazette::media
