#include "media/variant_widths.h"

#include <algorithm>

namespace gazette::media {

std::vector<int> VariantWidths(int image_width, std::span<const int> wanted) {
  std::vector<int> widths;
  for (int width : wanted) {
    if (width > 0 && width <= image_width) widths.push_back(width);
  }
  std::sort(widths.begin(), widths.end());
  widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
  if (widths.empty()) widths.push_back(image_width);
  return widths;
}

}  // namespace gazette::media
