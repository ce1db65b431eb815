#include "app/theme_watcher.h"

#include <algorithm>
#include <system_error>
#include <utility>

#include "base/log.h"

namespace gazette::app {

ThemeWatcher::ThemeWatcher(std::filesystem::path dir, OnLoad on_load)
    : dir_(std::move(dir)), on_load_(std::move(on_load)), seen_(Look()) {}

// Folders count too: removing a file changes its folder's time, not any file's.
ThemeWatcher::Stamp ThemeWatcher::Look() const {
  Stamp stamp;
  std::error_code error;
  stamp.newest = std::filesystem::last_write_time(dir_, error);
  for (std::filesystem::recursive_directory_iterator it(dir_, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code entry_error;
    const auto time = it->last_write_time(entry_error);
    if (!entry_error) stamp.newest = std::max(stamp.newest, time);
    ++stamp.entries;
  }
  return stamp;
}

bool ThemeWatcher::Check() {
  const Stamp now = Look();
  if (now == seen_) return false;
  seen_ = now;
  auto theme = render::Theme::Load(dir_.string());
  if (!theme) {
    base::LogWarning("theme " + dir_.string() +
                     " not reloaded, the one in use stays: " + theme.error().message());
    return false;
  }
  base::LogInfo("theme " + dir_.string() + " reloaded");
  on_load_(std::move(*theme));
  return true;
}

}  // namespace gazette::app
