// QR codes as inline SVG (libqrencode), for the page where an account sets up two-factor codes:
// the otpauth:// URI is shown as a picture an authenticator app can scan.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::auth {

// Modules of light margin around the code, as the QR specification requires for scanning.
inline constexpr int kQrQuietZone = 4;

// An SVG image of `text` as a QR code with error correction level M (15% of it may be lost), in
// the smallest version that holds it: <svg viewBox="0 0 N N" shape-rendering="crispEdges"> with
// N = the code's width + 2 * kQrQuietZone, a white background and one black <path> of the dark
// modules, one unit per module; sized by whoever embeds it (CSS or width/height attributes).
// Errors: InvalidArgument when `text` is empty, holds a NUL byte or is longer than a QR code at
// level M can hold (2331 bytes of arbitrary text, more of digits); Internal when memory runs out.
base::Result<std::string> QrCodeSvg(std::string_view text);

}  // namespace gazette::auth
