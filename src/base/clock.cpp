#include "base/clock.h"

namespace gazette::base {

Seconds SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace gazette::base
