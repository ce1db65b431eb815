#include "media/image_decoder.h"

#include <memory>
#include <string>

#include "base/log.h"

namespace gazette::media {
namespace {

using vips::VImage;

constexpr const char* kUndecodable =
    "The image could not be read: the file is damaged or incomplete. Save it again from the "
    "original and upload that.";

// Logs what libvips said about a failed upload (for the operator, never shown to the user) and
// clears libvips' error buffer, which is process-wide and would otherwise keep growing.
void LogVipsError(std::string_view what, const vips::VError& error) {
  base::LogDebug(std::string(what) + ": " + error.what());
  vips_error_clear();
}

VImage LoadHeader(UploadType type, VipsBlob* blob) {
  switch (type) {
    case UploadType::kJpeg:
      return VImage::jpegload_buffer(blob);
    case UploadType::kPng:
      return VImage::pngload_buffer(blob);
    case UploadType::kWebp:
      return VImage::webpload_buffer(blob);
    case UploadType::kGif:
      return VImage::gifload_buffer(blob);
  }
  throw vips::VError("unknown upload type");
}

struct StrvFree {
  void operator()(gchar** strings) const { g_strfreev(strings); }
};

// Removes every metadata field (EXIF, XMP, IPTC, ICC profile, orientation, frame timings) from
// `image`, leaving pixels and their description, so that no saver can copy the upload's metadata
// into a variant, whatever its strip option does. REQUIRES: `image` is not shared (fresh from
// copy_memory).
void RemoveMetadata(VImage& image) {
  const std::unique_ptr<gchar*, StrvFree> fields(vips_image_get_fields(image.get_image()));
  for (gchar** field = fields.get(); *field != nullptr; ++field) image.remove(*field);
}

}  // namespace

base::Result<ImageHeader> ReadImageHeader(UploadType type, VipsBlob* blob) {
  try {
    // Loaders are lazy: this parses the header and decodes no pixel.
    const VImage image = LoadHeader(type, blob);
    ImageHeader header{.stored_width = image.width(), .stored_height = image.height()};
    header.display_width =
        vips_image_get_orientation_swap(image.get_image()) ? image.height() : image.width();
    return header;
  } catch (const vips::VError& error) {
    LogVipsError("upload header unreadable", error);
    return base::InvalidArgumentError(kUndecodable);
  }
}

base::Result<vips::VImage> DecodeUpright(VipsBlob* blob, int width) {
  try {
    // thumbnail_buffer shrinks while loading where the format allows (JPEG by 2, 4 or 8; WebP
    // by any factor), reads sequentially and rotates by the EXIF orientation. It finds its loader
    // by sniffing, among the four left unblocked, whose signatures do not overlap: the one
    // ReadImageHeader used. Its own fail_on option does not reach the loader in libvips 8.14, the
    // option string does; without it a truncated file decodes with its missing part grey.
    VImage image = VImage::thumbnail_buffer(blob, width,
                                            VImage::option()
                                                ->set("height", VIPS_MAX_COORD)
                                                ->set("size", VIPS_SIZE_DOWN)
                                                ->set("option_string", "fail_on=truncated"));
    if (image.interpretation() != VIPS_INTERPRETATION_sRGB) {
      image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    }
    // The pipeline runs here: every decoding error surfaces now, not while encoding.
    VImage decoded = image.copy_memory();
    RemoveMetadata(decoded);
    return decoded;
  } catch (const vips::VError& error) {
    LogVipsError("upload undecodable", error);
    return base::InvalidArgumentError(kUndecodable);
  }
}

}  // namespace gazette::media
