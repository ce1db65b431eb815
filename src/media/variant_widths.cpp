#include "media/variant_widths.h"

#include <algorithm>

namespace gazette::media {

std::vector<int> VariantWidths(int image_width, std::span<const int> wanted) {
  std::vector<int> widths;
  bool narrower_than_some = false;
  for (int width : wanted) {
    if (width <= 0) continue;
    if (width <= image_width) {
      widths.push_back(width);
    } else {
      narrower_than_some = true;
    }
  }
  // An image between two widths also keeps its own, so that none of it is thrown away.
  if (narrower_than_some || widths.empty()) widths.push_back(image_width);
  std::sort(widths.begin(), widths.end());
  widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
  return widths;
}

}  // namespace gazette::media
