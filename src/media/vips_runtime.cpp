#include "media/vips_runtime.h"

#include <mutex>

#include "base/log.h"

namespace gazette::media {
namespace {

// The loaders uploads may reach: each name blocks or unblocks a class and all its subclasses
// (file, buffer and source variants).
constexpr const char* kAllowedLoaders[] = {"VipsForeignLoadJpeg", "VipsForeignLoadPng",
                                           "VipsForeignLoadWebp", "VipsForeignLoadNsgif"};

void LogVipsMessage(const gchar* /*domain*/, GLogLevelFlags /*level*/, const gchar* message,
                    gpointer /*data*/) {
  base::LogDebug(std::string("libvips: ") + (message != nullptr ? message : ""));
}

bool Configure() {
  if (VIPS_INIT("gazette") != 0) {
    base::LogError(std::string("libvips could not be started: ") + vips_error_buffer());
    vips_error_clear();
    return false;
  }
  vips_cache_set_max(0);
  vips_operation_block_set("VipsForeignLoad", TRUE);
  for (const char* loader : kAllowedLoaders) vips_operation_block_set(loader, FALSE);
  // Warnings to the debug log; libvips' info and debug chatter stays hidden, as glib's default
  // handler keeps it unless G_MESSAGES_DEBUG asks for it.
  g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
                    LogVipsMessage, nullptr);
  return true;
}

}  // namespace

base::Status StartVips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] { started = Configure(); });
  if (!started) return base::InternalError("the image library could not be started");
  return base::Ok();
}

VipsBlobPtr BorrowAsBlob(std::string_view bytes) {
  return VipsBlobPtr(vips_blob_new(nullptr, bytes.data(), bytes.size()));
}

std::string TakeBlobBytes(VipsBlob* blob) {
  VipsBlobPtr owned(blob);
  return std::string(static_cast<const char*>(VIPS_AREA(blob)->data), VIPS_AREA(blob)->length);
}

}  // namespace gazette::media
