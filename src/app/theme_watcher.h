// Notices that a site's theme folder changed and loads it again, so that `gazette serve` shows
// an edited template without a restart.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "render/theme.h"

namespace gazette::app {

// Compares the theme folder's newest modification time (and its number of files) with what it
// saw at the last load. Not safe for concurrent use: one thread (a PeriodicTask) calls Check.
class ThemeWatcher {
 public:
  using OnLoad = std::function<void(std::shared_ptr<const render::Theme>)>;

  // Watches `dir`, whose current theme is taken as loaded. `on_load` gets each new theme.
  ThemeWatcher(std::filesystem::path dir, OnLoad on_load);

  // Loads the theme again when the folder changed since the last look, and hands it to
  // `on_load`. A theme that fails to load is logged as a warning naming the file, the one in
  // use stays, and the same files are not tried again until they change. Returns whether a new
  // theme was handed over.
  bool Check();

 private:
  struct Stamp {
    std::filesystem::file_time_type newest{};
    size_t entries = 0;
    bool operator==(const Stamp&) const = default;
  };
  Stamp Look() const;

  const std::filesystem::path dir_;
  const OnLoad on_load_;
  Stamp seen_;
};

}  // namespace gazette::app
