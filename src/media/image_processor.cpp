#include "media/image_processor.h"

#include <sodium.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "media/image_decoder.h"
#include "media/image_type.h"
#include "media/variant_encoder.h"
#include "media/variant_widths.h"
#include "media/vips_runtime.h"

namespace gazette::media {
namespace {

// SHA-256 and hex have a single implementation each in libsodium: they need no sodium_init().
std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

// A whole number of tenths as a decimal number, without a trailing ".0": 100 -> "10",
// 124 -> "12.4".
std::string FormatTenths(double tenths) {
  std::array<char, 32> text;
  const auto whole = static_cast<long long>(tenths);
  if (whole % 10 == 0) {
    std::snprintf(text.data(), text.size(), "%lld", whole / 10);
  } else {
    std::snprintf(text.data(), text.size(), "%lld.%lld", whole / 10, whole % 10);
  }
  return text.data();
}

// Sizes are rounded up and limits down, so that a file just over the limit never reads as equal
// to it.
std::string FormatAmount(double value, double unit, bool round_up) {
  const double tenths = value * 10 / unit;
  return FormatTenths(round_up ? std::ceil(tenths) : std::floor(tenths));
}

constexpr double kMegabyte = 1024.0 * 1024.0;
constexpr double kMegapixel = 1e6;

base::Status CheckSize(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.empty()) {
    return base::InvalidArgumentError("The file is empty. Choose an image to upload.");
  }
  if (bytes.size() > limits.max_bytes) {
    return base::InvalidArgumentError(
        "The file is " + FormatAmount(static_cast<double>(bytes.size()), kMegabyte, true) +
        " MB, larger than the " +
        FormatAmount(static_cast<double>(limits.max_bytes), kMegabyte, false) +
        " MB limit for images. Make it smaller and upload it again.");
  }
  return base::Ok();
}

base::Status CheckPixels(const ImageHeader& header, const ImageLimits& limits) {
  if (header.Pixels() <= limits.max_pixels) return base::Ok();
  return base::InvalidArgumentError(
      "The image is " + std::to_string(header.stored_width) + " x " +
      std::to_string(header.stored_height) + " pixels, more than the " +
      FormatAmount(static_cast<double>(limits.max_pixels), kMegapixel, false) +
      " megapixel limit. Reduce its dimensions and upload it again.");
}

}  // namespace

base::Result<content::Media> ProcessImage(std::string_view bytes, std::string_view filename,
                                          const ImageLimits& limits) {
  if (auto started = StartVips(); !started) return base::Unexpected(started.error());
  if (auto size = CheckSize(bytes, limits); !size) return base::Unexpected(size.error());
  const std::optional<UploadType> type = SniffUploadType(bytes);
  if (!type) {
    return base::InvalidArgumentError(
        "This file is not an image Gazette accepts. Upload a JPEG, PNG, WebP or GIF image.");
  }
  const VipsBlobPtr blob = BorrowAsBlob(bytes);
  const base::Result<ImageHeader> header = ReadImageHeader(*type, blob.get());
  if (!header) return base::Unexpected(header.error());
  if (auto pixels = CheckPixels(*header, limits); !pixels) return base::Unexpected(pixels.error());

  const std::vector<int> widths = VariantWidths(header->display_width, limits.widths);
  const base::Result<vips::VImage> largest = DecodeUpright(blob.get(), widths.back());
  if (!largest) return base::Unexpected(largest.error());
  base::Result<std::vector<content::MediaVariant>> variants =
      EncodeVariants(*largest, widths, {.webp = limits.webp_quality, .jpeg = limits.jpeg_quality});
  if (!variants) return base::Unexpected(variants.error());

  content::Media media;
  media.sha256 = Sha256Hex(bytes);
  media.original_mime = UploadTypeMimeType(*type);
  media.filename = filename;
  media.width = largest->width();
  media.height = largest->height();
  media.variants = std::move(*variants);
  return media;
}

}  // namespace gazette::media
