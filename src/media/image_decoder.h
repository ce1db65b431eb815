// Reading an upload with libvips: its header first (to refuse it before any pixel is decoded),
// then the image itself, already reduced to the widest variant. Private to src/media/.
#pragma once

#include <cstdint>
#include <vips/vips8>

#include "base/result.h"
#include "media/image_type.h"

namespace gazette::media {

// What the header of an upload says, before any pixel is decoded.
struct ImageHeader {
  int stored_width = 0;   // as encoded, before any EXIF rotation
  int stored_height = 0;  // of the first frame, for a GIF or an animated WebP
  int display_width = 0;  // after the EXIF rotation: what a reader sees
  int64_t Pixels() const { return int64_t{stored_width} * stored_height; }
};

// The header of `blob`, read with `type`'s own loader. Errors: InvalidArgument (a message for the
// user who uploaded the file) when the header cannot be parsed. REQUIRES: StartVips() succeeded;
// `blob` holds an upload whose signature is `type`.
base::Result<ImageHeader> ReadImageHeader(UploadType type, VipsBlob* blob);

// Decodes `blob` in one streaming pass, rotated upright by its EXIF orientation, reduced to
// `width` pixels wide (never enlarged), and converted to 8-bit sRGB (alpha kept), into memory,
// with no metadata left (no EXIF, XMP, IPTC or ICC profile): the image the variants are made from.
// Only the first frame of an animation. Errors: InvalidArgument (a message for the user) when the
// file is truncated or corrupt. REQUIRES: StartVips() succeeded; ReadImageHeader accepted `blob`;
// width > 0.
base::Result<vips::VImage> DecodeUpright(VipsBlob* blob, int width);

}  // namespace gazette::media
