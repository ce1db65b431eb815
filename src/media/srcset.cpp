#include "media/srcset.h"

#include <algorithm>

namespace gazette::media {
namespace {

using content::ImageFormat;
using content::MediaVariant;

// The variants of `format`, by width ascending.
std::vector<const MediaVariant*> VariantsOf(const content::Media& media, ImageFormat format) {
  std::vector<const MediaVariant*> found;
  for (const MediaVariant& variant : media.variants) {
    if (variant.format == format) found.push_back(&variant);
  }
  std::sort(found.begin(), found.end(),
            [](const MediaVariant* a, const MediaVariant* b) { return a->width < b->width; });
  return found;
}

std::string Srcset(int64_t media_id, const std::vector<const MediaVariant*>& variants,
                   const VariantUrlFunction& url) {
  std::string srcset;
  for (const MediaVariant* variant : variants) {
    if (!srcset.empty()) srcset += ", ";
    srcset += url(media_id, variant->width, variant->format);
    srcset += ' ';
    srcset += std::to_string(variant->width);
    srcset += 'w';
  }
  return srcset;
}

}  // namespace

std::string MediaVariantUrl(int64_t media_id, int width, ImageFormat format) {
  std::string url = "/media/";
  url += std::to_string(media_id);
  url += '/';
  url += std::to_string(width);
  url += '.';
  url += content::ImageFormatName(format);
  return url;
}

base::Result<Picture> BuildPicture(const content::Media& media, const VariantUrlFunction& url) {
  const std::vector<const MediaVariant*> jpegs = VariantsOf(media, ImageFormat::kJpeg);
  if (jpegs.empty()) {
    return base::InvalidArgumentError("media " + std::to_string(media.id) +
                                      " has no JPEG variant to fall back on");
  }
  Picture picture;
  const std::vector<const MediaVariant*> webps = VariantsOf(media, ImageFormat::kWebp);
  if (!webps.empty()) {
    picture.sources.push_back(
        {.type = std::string(content::ImageFormatMimeType(ImageFormat::kWebp)),
         .srcset = Srcset(media.id, webps, url)});
  }
  const MediaVariant& widest = *jpegs.back();
  picture.src = url(media.id, widest.width, widest.format);
  picture.srcset = Srcset(media.id, jpegs, url);
  picture.width = widest.width;
  picture.height = widest.height;
  return picture;
}

}  // namespace gazette::media
