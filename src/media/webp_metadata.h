// Removing metadata chunks from a WebP file, with libwebpmux. Private to src/media/.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::media {

// `webp` without its EXIF, XMP and ICC profile chunks, the image data untouched (and in the
// simple format again when nothing else needs the extended one). libvips 8.14's WebP saver
// ignores its strip option for still images and writes an EXIF chunk it builds from the image's
// resolution (libvips issue 3340); this takes it out. Errors: Internal when `webp` is not a WebP
// file libwebpmux can parse.
base::Result<std::string> RemoveWebpMetadata(std::string_view webp);

}  // namespace gazette::media
