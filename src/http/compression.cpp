#include "http/compression.h"

#include <brotli/encode.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <memory>

#include "http/ascii.h"

namespace gazette::http {
namespace {

// A q-value ("1", "0.5", "0.000") in thousandths; -1 when malformed.
int ParseQuality(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return -1;
  int thousandths = (text[0] - '0') * 1000;
  if (text.size() == 1) return thousandths;
  if (text[1] != '.' || text.size() > 5) return -1;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return -1;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  return thousandths > 1000 ? -1 : thousandths;
}

// The q-values (in thousandths) Accept-Encoding gives brotli and gzip; -1 when not mentioned.
struct Qualities {
  int brotli = -1;
  int gzip = -1;
  int any = -1;
};

Qualities ParseAcceptEncoding(std::string_view header) {
  Qualities q;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semicolon = item.find(';');
    std::string coding = Lowercase(TrimSpace(item.substr(0, semicolon)));
    int quality = 1000;
    while (semicolon != std::string_view::npos) {
      item.remove_prefix(semicolon + 1);
      semicolon = item.find(';');
      std::string_view param = TrimSpace(item.substr(0, semicolon));
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        quality = ParseQuality(TrimSpace(param.substr(2)));
      }
    }
    if (quality < 0) continue;
    if (coding == "br") {
      q.brotli = quality;
    } else if (coding == "gzip" || coding == "x-gzip") {
      q.gzip = quality;
    } else if (coding == "*") {
      q.any = quality;
    }
  }
  return q;
}

}  // namespace

std::string_view EncodingToken(Encoding encoding) {
  switch (encoding) {
    case Encoding::kGzip:
      return "gzip";
    case Encoding::kBrotli:
      return "br";
    case Encoding::kIdentity:
      break;
  }
  return "";
}

std::string_view EtagSuffix(Encoding encoding) {
  switch (encoding) {
    case Encoding::kGzip:
      return "-gz";
    case Encoding::kBrotli:
      return "-br";
    case Encoding::kIdentity:
      break;
  }
  return "";
}

Encoding ChooseEncoding(std::string_view accept_encoding, bool brotli_available,
                        bool gzip_available) {
  Qualities q = ParseAcceptEncoding(accept_encoding);
  int brotli = !brotli_available ? 0 : q.brotli >= 0 ? q.brotli : std::max(q.any, 0);
  int gzip = !gzip_available ? 0 : q.gzip >= 0 ? q.gzip : std::max(q.any, 0);
  if (brotli == 0 && gzip == 0) return Encoding::kIdentity;
  return brotli >= gzip ? Encoding::kBrotli : Encoding::kGzip;
}

bool IsCompressible(std::string_view content_type) {
  std::string type = Lowercase(TrimSpace(content_type.substr(0, content_type.find(';'))));
  if (type.starts_with("text/")) return true;
  static constexpr std::array<std::string_view, 7> kTypes = {
      "application/json",         "application/xml", "application/rss+xml",
      "application/atom+xml",     "image/svg+xml",   "application/javascript",
      "application/manifest+json"};
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

base::Result<std::string> GzipCompress(std::string_view data, int level) {
  if (level < 1 || level > 9) return base::InternalError("gzip: level must be from 1 to 9");
  // libdeflate compresses a whole buffer two to three times faster than zlib at the same level.
  // A compressor holds its tables (some hundred kilobytes): one per thread and level, kept.
  struct Free {
    void operator()(libdeflate_compressor* compressor) const {
      libdeflate_free_compressor(compressor);
    }
  };
  thread_local std::array<std::unique_ptr<libdeflate_compressor, Free>, 10> compressors;
  auto& compressor = compressors[static_cast<size_t>(level)];
  if (!compressor) compressor.reset(libdeflate_alloc_compressor(level));
  if (!compressor) return base::InternalError("gzip: cannot allocate a compressor");
  std::string out(libdeflate_gzip_compress_bound(compressor.get(), data.size()), '\0');
  const size_t size =
      libdeflate_gzip_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
  if (size == 0) return base::InternalError("gzip: compression failed");
  out.resize(size);
  return out;
}

base::Result<std::string> BrotliCompress(std::string_view data, int quality) {
  size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) return base::InternalError("brotli: input too large");
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    return base::InternalError("brotli: compression failed");
  }
  out.resize(size);
  return out;
}

}  // namespace gazette::http
