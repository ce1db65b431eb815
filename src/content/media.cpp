#include "content/media.h"

#include <string>

namespace gazette::content {

std::string_view ImageFormatName(ImageFormat format) {
  return format == ImageFormat::kWebp ? "webp" : "jpeg";
}

std::string_view ImageFormatMimeType(ImageFormat format) {
  return format == ImageFormat::kWebp ? "image/webp" : "image/jpeg";
}

base::Result<ImageFormat> ParseImageFormat(std::string_view name) {
  if (name == "webp") return ImageFormat::kWebp;
  if (name == "jpeg" || name == "jpg") return ImageFormat::kJpeg;
  return base::InvalidArgumentError("image format must be 'webp' or 'jpeg', not '" +
                                    std::string(name) + "'");
}

}  // namespace gazette::content
