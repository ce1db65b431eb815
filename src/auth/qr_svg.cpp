#include "auth/qr_svg.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace gazette::auth {
namespace {

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeFree>;

// The dark modules of `code` as path data, one "M x y h n v1 h -n z" rectangle per horizontal run
// of dark modules, shifted by the quiet zone.
std::string DarkModulesPath(const QRcode& code) {
  std::string path;
  const int width = code.width;
  for (int y = 0; y < width; ++y) {
    const unsigned char* row = code.data + static_cast<size_t>(y) * width;
    int x = 0;
    while (x < width) {
      // Bit 0 of each byte is the module's colour: 1 for dark (qrencode.h).
      if ((row[x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (row[x] & 1) != 0) ++x;
      const std::string run = std::to_string(x - start);
      path += 'M' + std::to_string(start + kQrQuietZone) + ' ' + std::to_string(y + kQrQuietZone) +
              'h' + run + "v1h-" + run + 'z';
    }
  }
  return path;
}

}  // namespace

base::Result<std::string> QrCodeSvg(std::string_view text) {
  if (text.empty()) return base::InvalidArgumentError("a QR code needs some text");
  const std::string terminated(text);
  if (terminated.find('\0') != std::string::npos) {
    return base::InvalidArgumentError("a QR code's text cannot hold a NUL byte");
  }
  // Version 0 asks for the smallest version that holds the text; case-sensitive 8-bit mode keeps
  // every byte as it is.
  errno = 0;
  const QrCodePtr code(
      QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, /*casesensitive=*/1));
  if (code == nullptr) {
    if (errno == ERANGE) return base::InvalidArgumentError("the text is too long for a QR code");
    if (errno == EINVAL) return base::InvalidArgumentError("the text cannot be put in a QR code");
    return base::InternalError("libqrencode could not make a QR code");
  }
  const std::string size = std::to_string(code->width + 2 * kQrQuietZone);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + ' ' + size +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + DarkModulesPath(*code) + "\"/></svg>";
}

}  // namespace gazette::auth
