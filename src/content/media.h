// Uploaded images as the newsroom stores them: never the uploaded file, only re-encoded variants
// at a few widths in WebP and JPEG, so that every app node can serve them from the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"

namespace gazette::content {

enum class ImageFormat { kWebp, kJpeg };
std::string_view ImageFormatName(ImageFormat format);       // "webp" | "jpeg"
std::string_view ImageFormatMimeType(ImageFormat format);   // "image/webp" | "image/jpeg"
base::Result<ImageFormat> ParseImageFormat(std::string_view name);  // "webp" | "jpeg" | "jpg"

// One encoding of an image at one width. `bytes` is empty when read without its data.
struct MediaVariant {
  int width = 0;
  int height = 0;
  ImageFormat format = ImageFormat::kJpeg;
  std::string bytes;
};

struct Media {
  int64_t id = 0;
  std::string sha256;         // hex digest of the uploaded bytes: one row per distinct upload
  std::string original_mime;  // what was uploaded: image/jpeg, image/png, image/webp, image/gif
  std::string filename;       // as uploaded, for the media library; never used as a path
  int width = 0;              // of the largest variant
  int height = 0;
  std::optional<int64_t> uploaded_by;  // a user id
  base::Seconds created_at{};
  std::vector<MediaVariant> variants;  // by format, then width ascending
};

}  // namespace gazette::content
