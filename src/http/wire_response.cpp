#include "http/wire_response.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "base/log.h"
#include "http/ascii.h"
#include "http/compression.h"
#include "http/etag.h"

namespace gazette::http {
namespace {

constexpr size_t kMinCompressedSize = 512;
// An answer that does not come from the page cache is compressed for every request: the fastest
// levels (nginx's default gzip_comp_level is 1 too), which cost a fraction of level 6 and give
// about a tenth more bytes. The page cache compresses once per kept page, and harder.
constexpr int kGzipLevel = 1;
constexpr int kBrotliQuality = 2;
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

void EraseHeader(Response& response, std::string_view name) {
  std::erase_if(response.headers,
                [name](const auto& h) { return EqualsIgnoreCase(h.first, name); });
}

void SetDefault(Response& response, std::string_view name, std::string_view value) {
  if (response.Header(name).empty()) response.SetHeader(name, std::string(value));
}

void AddVaryAcceptEncoding(Response& response) {
  std::string_view vary = response.Header("Vary");
  if (vary.empty()) {
    response.SetHeader("Vary", "Accept-Encoding");
  } else if (vary != "*" && !ContainsIgnoreCase(vary, "accept-encoding")) {
    response.SetHeader("Vary", std::string(vary) + ", Accept-Encoding");
  }
}

// A header field that cannot end the header early or smuggle another one in: a token for a
// name, and a value without CR, LF or NUL.
bool IsSafeHeader(std::string_view name, std::string_view value) {
  auto is_token_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  };
  return !name.empty() && std::all_of(name.begin(), name.end(), is_token_char) &&
         value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// `headers` without the unsafe ones, each of which is logged.
std::vector<std::pair<std::string, std::string>> SafeHeaders(
    std::vector<std::pair<std::string, std::string>> headers) {
  std::erase_if(headers, [](const auto& header) {
    if (IsSafeHeader(header.first, header.second)) return false;
    base::LogError("dropped a response header that could split the response: " + header.first);
    return true;
  });
  return headers;
}

bool HasBody(int status) { return status >= 200 && status != 204 && status != 304; }

bool IsHtml(std::string_view content_type) {
  return ContainsIgnoreCase(content_type.substr(0, content_type.find(';')), "text/html");
}

bool MatchesAnyVariant(std::string_view if_none_match, std::string_view etag) {
  for (Encoding encoding : {Encoding::kIdentity, Encoding::kGzip, Encoding::kBrotli}) {
    if (IfNoneMatchMatches(if_none_match, EtagWithSuffix(etag, EtagSuffix(encoding)))) return true;
  }
  return false;
}

base::Result<std::string> Compress(Encoding encoding, std::string_view body) {
  return encoding == Encoding::kBrotli ? BrotliCompress(body, kBrotliQuality)
                                       : GzipCompress(body, kGzipLevel);
}

}  // namespace

std::string HttpDate(std::chrono::system_clock::time_point time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

WireResponse PrepareForWire(const Request& request, Response response,
                            std::chrono::system_clock::time_point now) {
  for (std::string_view owned : {"Content-Length", "Transfer-Encoding", "Connection"}) {
    EraseHeader(response, owned);
  }
  const bool has_body = HasBody(response.status);
  const std::string content_type = response.Header("Content-Type").empty()
                                       ? response.content_type
                                       : std::string(response.Header("Content-Type"));
  if (has_body && !content_type.empty()) SetDefault(response, "Content-Type", content_type);
  SetDefault(response, "Date", HttpDate(now));
  SetDefault(response, "Server", "gazette");
  SetDefault(response, "X-Content-Type-Options", "nosniff");
  SetDefault(response, "Referrer-Policy", "strict-origin-when-cross-origin");
  SetDefault(response, "X-Frame-Options", "SAMEORIGIN");
  if (IsHtml(content_type)) SetDefault(response, "Content-Security-Policy", kContentSecurityPolicy);

  const bool cacheable =
      response.status == 200 && (request.method == Method::kGet || request.method == Method::kHead);
  if (cacheable && response.Header("ETag").empty()) {
    response.SetHeader("ETag", StrongEtag(response.body));
  }
  const std::string etag(response.Header("ETag"));

  Encoding encoding = Encoding::kIdentity;
  if (has_body && response.Header("Content-Encoding").empty() && IsCompressible(content_type) &&
      response.body.size() >= kMinCompressedSize) {
    AddVaryAcceptEncoding(response);
    encoding = ChooseEncoding(request.Header("accept-encoding"));
  }

  std::string_view if_none_match = request.Header("if-none-match");
  if (cacheable && !etag.empty() && !if_none_match.empty() &&
      MatchesAnyVariant(if_none_match, etag)) {
    response.status = 304;
    EraseHeader(response, "Content-Type");
    response.SetHeader("ETag", EtagWithSuffix(etag, EtagSuffix(encoding)));
    return WireResponse{304, SafeHeaders(std::move(response.headers)), {}};
  }

  if (encoding != Encoding::kIdentity) {
    base::Result<std::string> compressed = Compress(encoding, response.body);
    if (compressed) {
      response.body = std::move(*compressed);
      response.SetHeader("Content-Encoding", std::string(EncodingToken(encoding)));
      if (!etag.empty()) response.SetHeader("ETag", EtagWithSuffix(etag, EtagSuffix(encoding)));
    } else {
      base::LogWarning("sending uncompressed: " + compressed.error().ToString());
    }
  }

  WireResponse wire{response.status, SafeHeaders(std::move(response.headers)), {}};
  if (has_body) {
    wire.headers.emplace_back("Content-Length", std::to_string(response.body.size()));
    if (request.method != Method::kHead) wire.body = std::move(response.body);
  }
  return wire;
}

}  // namespace gazette::http
