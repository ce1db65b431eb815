// Which accepted image format an upload is, told by its first bytes alone. Private to src/media/.
#pragma once

#include <optional>
#include <string_view>

namespace gazette::media {

enum class UploadType { kJpeg, kPng, kWebp, kGif };

// The format whose signature `bytes` starts with: JPEG (FF D8 FF), PNG (the 8-byte PNG
// signature), WebP ("RIFF", a size, "WEBP") or GIF ("GIF87a" or "GIF89a"); nullopt for anything
// else, whatever the file is called. Only the signature is checked, not the rest of the file.
std::optional<UploadType> SniffUploadType(std::string_view bytes);

// "image/jpeg", "image/png", "image/webp" or "image/gif".
std::string_view UploadTypeMimeType(UploadType type);

}  // namespace gazette::media
