#include "store/write_checks.h"

#include <set>
#include <string>
#include <utility>

namespace gazette::store {

base::Status CheckMedia(const content::Media& media) {
  if (media.sha256.empty()) return base::InvalidArgumentError("an image needs its sha256");
  if (media.variants.empty()) {
    return base::InvalidArgumentError("image " + media.sha256 + " has no variants");
  }
  std::set<std::pair<content::ImageFormat, int>> seen;
  for (const content::MediaVariant& variant : media.variants) {
    if (!seen.emplace(variant.format, variant.width).second) {
      return base::InvalidArgumentError("image " + media.sha256 + " lists its " +
                                        std::string(content::ImageFormatName(variant.format)) +
                                        " variant " + std::to_string(variant.width) +
                                        " wide twice");
    }
  }
  return base::Ok();
}

}  // namespace gazette::store
