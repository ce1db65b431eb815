#include "media/variant_encoder.h"

#include <string>

#include "base/log.h"
#include "media/vips_runtime.h"
#include "media/webp_metadata.h"

namespace gazette::media {
namespace {

using content::ImageFormat;
using content::MediaVariant;
using vips::VImage;

// `largest` at `width`, computed once into memory: both encoders read it.
VImage ReduceToWidth(const VImage& largest, int width) {
  if (width == largest.width()) return largest;
  return largest
      .thumbnail_image(width, VImage::option()
                                  ->set("height", VIPS_MAX_COORD)
                                  ->set("size", VIPS_SIZE_DOWN)
                                  ->set("no_rotate", true))
      .copy_memory();
}

base::Result<std::string> EncodeWebp(const VImage& image, int quality) {
  return RemoveWebpMetadata(TakeBlobBytes(
      image.webpsave_buffer(VImage::option()->set("Q", quality)->set("strip", true))));
}

std::string EncodeJpeg(const VImage& image, int quality) {
  const VImage opaque =
      image.has_alpha()
          ? image.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}))
          : image;
  return TakeBlobBytes(opaque.jpegsave_buffer(
      VImage::option()->set("Q", quality)->set("strip", true)->set("optimize_coding", true)));
}

}  // namespace

base::Result<std::vector<MediaVariant>> EncodeVariants(const VImage& largest,
                                                       const std::vector<int>& widths,
                                                       EncoderQuality quality) {
  std::vector<MediaVariant> webp;
  std::vector<MediaVariant> jpeg;
  try {
    for (int width : widths) {
      const VImage image = ReduceToWidth(largest, width);
      base::Result<std::string> webp_bytes = EncodeWebp(image, quality.webp);
      if (!webp_bytes) return base::Unexpected(webp_bytes.error());
      webp.push_back({.width = image.width(),
                      .height = image.height(),
                      .format = ImageFormat::kWebp,
                      .bytes = std::move(*webp_bytes)});
      jpeg.push_back({.width = image.width(),
                      .height = image.height(),
                      .format = ImageFormat::kJpeg,
                      .bytes = EncodeJpeg(image, quality.jpeg)});
    }
  } catch (const vips::VError& error) {
    base::LogError(std::string("encoding an image variant failed: ") + error.what());
    vips_error_clear();
    return base::InternalError("the image could not be encoded");
  }
  std::vector<MediaVariant> variants = std::move(webp);
  variants.insert(variants.end(), std::make_move_iterator(jpeg.begin()),
                  std::make_move_iterator(jpeg.end()));
  return variants;
}

}  // namespace gazette::media
