#include "media/image_type.h"

namespace gazette::media {

std::optional<UploadType> SniffUploadType(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("\xFF\xD8\xFF"sv)) return UploadType::kJpeg;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n"sv)) return UploadType::kPng;
  if (bytes.size() >= 12 && bytes.starts_with("RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) {
    return UploadType::kWebp;
  }
  if (bytes.starts_with("GIF87a"sv) || bytes.starts_with("GIF89a"sv)) return UploadType::kGif;
  return std::nullopt;
}

std::string_view UploadTypeMimeType(UploadType type) {
  // Indexed by UploadType, in its order.
  static constexpr std::string_view kMimeTypes[] = {"image/jpeg", "image/png", "image/webp",
                                                    "image/gif"};
  return kMimeTypes[static_cast<int>(type)];
}

}  // namespace gazette::media
