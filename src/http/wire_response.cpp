#include "http/wire_response.h"

#include <algorithm>
#include <array>
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

// The characters of a token (RFC 9110, section 5.6.2), by byte.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// A header field that cannot end the header early or smuggle another one in: a token for a
// name, and a value without CR, LF or NUL. Every answer's fields pass here: a table and a plain
// loop rather than searches in character sets.
bool IsSafeHeader(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!kTokenChars[static_cast<unsigned char>(c)]) return false;
  }
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
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

// The reason phrases of the statuses the server sends.
constexpr std::pair<int, std::string_view> kReasonPhrases[] = {
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {206, "Partial Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {422, "Unprocessable Content"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
};

std::string_view ReasonPhrase(int status) {
  for (const auto& [code, phrase] : kReasonPhrases) {
    if (code == status) return phrase;
  }
  return "";  // the phrase is optional (RFC 9112, section 4): the code alone says it
}

}  // namespace

std::string WireHead(const WireResponse& wire, unsigned minor_version, bool keep_alive) {
  std::string head;
  size_t size = 64;
  for (const auto& [name, value] : wire.headers) size += name.size() + value.size() + 4;
  head.reserve(size);
  head += minor_version == 0 ? "HTTP/1.0 " : "HTTP/1.1 ";
  head += std::to_string(wire.status);
  head += ' ';
  head += ReasonPhrase(wire.status);
  head += "\r\n";
  for (const auto& [name, value] : wire.headers) {
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  if (minor_version == 0 && keep_alive) head += "Connection: keep-alive\r\n";
  if (minor_version != 0 && !keep_alive) head += "Connection: close\r\n";
  head += "\r\n";
  return head;
}

std::string HttpDate(std::chrono::system_clock::time_point time) {
  // Every answer has a Date, and it changes once a second: each thread keeps the last one.
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached_date;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  if (seconds == cached_second) return cached_date;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  cached_second = seconds;
  cached_date = buffer;
  return cached_date;
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
