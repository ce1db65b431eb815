// From a stored Media to what a reader page writes: the variants' URLs, and the srcset strings
// and fallback of a <picture> element:
//   <picture><source type="image/webp" srcset="…"><img src="…" srcset="…" sizes="…" width="…"
//   height="…" alt="…"></picture>
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "content/media.h"

namespace gazette::media {

// The path a variant is served at: "/media/<id>/<width>.<webp|jpeg>", e.g. "/media/7/480.webp".
std::string MediaVariantUrl(int64_t media_id, int width, content::ImageFormat format);

// Builds the URL of one variant; MediaVariantUrl, or a function that puts a CDN or site origin
// in front of it.
using VariantUrlFunction =
    std::function<std::string(int64_t media_id, int width, content::ImageFormat format)>;

// One <source> of a <picture>.
struct PictureSource {
  std::string type;    // the type attribute: "image/webp"
  std::string srcset;  // "/media/7/480.webp 480w, /media/7/960.webp 960w"
};

// Everything a <picture> needs but `sizes` and `alt`, which depend on the page. Values are plain
// text: the template escapes them as attributes.
struct Picture {
  std::vector<PictureSource> sources;  // every format but JPEG (WebP), for browsers that take it
  std::string src;                     // <img src>: the widest JPEG, for browsers without srcset
  std::string srcset;                  // <img srcset>: every JPEG, by width ascending
  int width = 0;  // <img width height>: of `src`, so the page reserves the right box
  int height = 0;
};

// The Picture for `media`, from its variants (their bytes are not needed) in any order; each
// srcset lists its format's widths ascending. Errors: InvalidArgument when `media` has no JPEG
// variant, the one format every browser decodes. `url` is called during the call only.
base::Result<Picture> BuildPicture(const content::Media& media,
                                   const VariantUrlFunction& url = MediaVariantUrl);

}  // namespace gazette::media
