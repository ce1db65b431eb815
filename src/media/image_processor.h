// Turns an uploaded image into what the store keeps: a content::Media whose variants are the image
// re-encoded at a few widths in WebP and JPEG. The uploaded bytes themselves are never kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "content/media.h"

namespace gazette::media {

// What an upload may be and what it becomes. Plain values: copy freely, share between threads.
struct ImageLimits {
  // The largest upload accepted, in bytes. Default 10 MB.
  size_t max_bytes = 10 * 1024 * 1024;
  // The most pixels (width * height) the decoded image may have: refuses decompression bombs,
  // small files that declare huge images, before any pixel is decoded. Default 40 megapixels.
  int64_t max_pixels = 40'000'000;
  // The responsive widths to produce, in pixels; never upscaled. Order and duplicates do not
  // matter. REQUIRES: every width > 0.
  std::vector<int> widths = {480, 960, 1600};
  // Encoder quality, 1 to 100.
  int jpeg_quality = 82;
  int webp_quality = 80;
};

// Decodes `bytes` (JPEG, PNG, WebP or GIF, recognised by their magic bytes, never by the file's
// name or the content type a client claims) and re-encodes it in WebP and JPEG at every width of
// `limits.widths` that is not wider than the image, and at the image's own width when some width
// of the limits is wider (so that nothing of it is thrown away). The variants are auto-rotated by the EXIF orientation, in 8-bit sRGB,
// stripped of all metadata (EXIF, XMP, ICC); the JPEGs have any transparency flattened on white.
// A GIF or an animated WebP gives its first frame.
//
// On success the Media has sha256 (hex of `bytes`), original_mime ("image/jpeg", "image/png",
// "image/webp" or "image/gif", from the magic bytes), filename (copied for display only; never
// used as a path), width and height (of the largest variant) and variants, ordered by format
// (WebP, then JPEG) and then by width ascending, each with its bytes. id, uploaded_by and
// created_at are left for the caller.
//
// Errors, all InvalidArgument with a sentence meant for the newsroom user who uploaded the file:
// the upload is empty; larger than limits.max_bytes (the message gives both sizes in MB); not a
// JPEG, PNG, WebP or GIF; more pixels than limits.max_pixels (the message gives the dimensions
// and the limit); or it cannot be decoded (truncated or corrupt). Internal when libvips cannot be
// started or fails to encode a decoded image.
//
// Safe for concurrent use from any number of threads. `bytes` and `filename` are only borrowed
// for the call. Memory: a JPEG or a PNG is decoded in a stream (a JPEG shrunk while it loads), and
// only the largest variant is held whole, at up to 4 bytes per pixel; a WebP, a GIF frame or an
// interlaced PNG is decoded whole first, which limits.max_pixels bounds.
base::Result<content::Media> ProcessImage(std::string_view bytes, std::string_view filename,
                                          const ImageLimits& limits);

}  // namespace gazette::media
