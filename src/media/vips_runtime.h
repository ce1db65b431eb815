// libvips for the media component: started once per process with the settings every upload relies
// on, and an owner for the byte buffers (VipsBlob) it reads from and writes to. Private to
// src/media/.
#pragma once

#include <vips/vips.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::media {

// Starts libvips on the first call, from whichever thread makes it, and configures it for
// untrusted uploads: the operation cache off (memory stays bounded by the uploads in flight, and
// no decoded image outlives its call), every image loader blocked except JPEG, PNG, WebP and GIF
// (so that no other parser is ever reached, whatever the bytes say), and libvips' warnings sent
// to the debug log rather than standard error (a damaged upload can raise hundreds). These
// settings are process-wide. Later calls return the first call's result at once. Safe for
// concurrent use. Errors: Internal when libvips cannot be started.
base::Status StartVips();

struct VipsBlobUnref {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
// Owns one reference to a VipsBlob.
using VipsBlobPtr = std::unique_ptr<VipsBlob, VipsBlobUnref>;

// A blob over `bytes` without copying them. REQUIRES: `bytes` outlives the blob and every image
// loaded from it.
VipsBlobPtr BorrowAsBlob(std::string_view bytes);

// A copy of the blob's bytes, taking ownership of `blob` (as libvips' savers return it).
std::string TakeBlobBytes(VipsBlob* blob);

}  // namespace gazette::media
