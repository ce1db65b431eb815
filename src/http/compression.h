// Response compression: gzip (libdeflate) and brotli, and the choice between them by
// Accept-Encoding.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::http {

enum class Encoding { kIdentity, kGzip, kBrotli };

// The Content-Encoding token ("gzip", "br"); "" for kIdentity.
std::string_view EncodingToken(Encoding encoding);

// The suffix a compressed variant adds to its ETag ("-gz", "-br"); "" for kIdentity.
std::string_view EtagSuffix(Encoding encoding);

// Picks the encoding for a request's Accept-Encoding value, honouring q-values ("q=0" refuses
// a coding; "*" stands for the codings not listed): the accepted coding with the highest q,
// brotli on a tie; kIdentity when neither is accepted or available. The flags say which
// variants exist.
Encoding ChooseEncoding(std::string_view accept_encoding, bool brotli_available = true,
                        bool gzip_available = true);

// True for content types worth compressing: text/*, JSON, XML, RSS, Atom, SVG, JavaScript.
// Parameters such as "; charset=utf-8" are ignored.
bool IsCompressible(std::string_view content_type);

// `data` in gzip format at `level` (1-9). Internal if the compressor fails.
base::Result<std::string> GzipCompress(std::string_view data, int level);

// `data` in brotli format at `quality` (0-11). Internal if the encoder fails.
base::Result<std::string> BrotliCompress(std::string_view data, int quality);

}  // namespace gazette::http
