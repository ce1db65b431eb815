// Decompresses a gzip body in the http tests, to compare it with what was sent.
#pragma once

#include <string>

namespace gazette::http::testing {

// The bytes inside a gzip stream. Adds a GoogleTest failure when `data` is not a whole stream.
std::string Gunzip(const std::string& data);

}  // namespace gazette::http::testing
