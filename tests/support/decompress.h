// Decoders for compressed response bodies, so tests can compare them with the identity body.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace gazette::support {

// The inflated contents of a gzip stream. InvalidArgument if it is not complete, valid gzip.
base::Result<std::string> Gunzip(std::string_view compressed);

// The decoded contents of a brotli stream. InvalidArgument if it is not complete, valid brotli.
base::Result<std::string> Unbrotli(std::string_view compressed);

}  // namespace gazette::support
