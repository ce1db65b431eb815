#include "site/media_handler.h"

#include <algorithm>
#include <optional>
#include <string>

namespace gazette::site {
namespace {

// The longest id or width accepted: nine digits always fit in an int.
constexpr size_t kMaxDigits = 9;

// `text` as a number when it is written as one canonically: digits only, no leading zero.
std::optional<int> CanonicalNumber(std::string_view text) {
  if (text.empty() || text.size() > kMaxDigits || text.front() == '0') return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoi(std::string(text));
}

}  // namespace

base::Result<http::Response> ServeMediaVariant(store::Store& store, std::string_view id,
                                               std::string_view file) {
  auto unknown = [] { return base::NotFoundError("no such image"); };
  const size_t dot = file.find('.');
  if (dot == std::string_view::npos) return unknown();
  const std::optional<int> media_id = CanonicalNumber(id);
  const std::optional<int> width = CanonicalNumber(file.substr(0, dot));
  const std::string_view extension = file.substr(dot + 1);
  // Only the format's own name: "jpg" would be a second address for the same bytes.
  auto format = content::ParseImageFormat(extension);
  if (!media_id || !width || !format || content::ImageFormatName(*format) != extension) {
    return unknown();
  }

  auto variant = store.GetMediaVariant(*media_id, *width, *format);
  if (!variant && variant.error().IsNotFound()) return unknown();
  if (!variant) return base::Unexpected(variant.error());
  http::Response response;
  response.status = 200;
  response.content_type = std::string(content::ImageFormatMimeType(*format));
  response.body = std::move(variant->bytes);
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  // The server adds it to every response too; an image must never be sniffed as anything else.
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace gazette::site
