#include "http/wire_response.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "http/etag.h"
#include "http/testing/gunzip.h"

namespace gazette::http {
namespace {

using testing::Gunzip;

using std::chrono::system_clock;

const system_clock::time_point kNow = system_clock::from_time_t(784111777);  // 1994-11-06

std::string HeaderOf(const WireResponse& wire, std::string_view name) {
  std::string value;
  int count = 0;
  for (const auto& [key, v] : wire.headers) {
    if (key == name) {
      value = v;
      ++count;
    }
  }
  EXPECT_LE(count, 1) << name << " sent twice";
  return value;
}

Request MakeRequest(Method method, std::string accept_encoding = "",
                    std::string if_none_match = "") {
  Request request;
  request.method = method;
  request.target = request.path = "/page/";
  if (!accept_encoding.empty()) request.headers["accept-encoding"] = accept_encoding;
  if (!if_none_match.empty()) request.headers["if-none-match"] = if_none_match;
  return request;
}

std::string LargeHtml() {
  std::string html = "<!doctype html><title>Gazette</title>";
  for (int i = 0; i < 100; ++i) html += "<p>Paragraph " + std::to_string(i) + "</p>\n";
  return html;
}

TEST(HttpDateTest, ImfFixdate) {
  EXPECT_EQ(HttpDate(kNow), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(HttpDate(system_clock::from_time_t(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(WireResponseTest, AddsStandardAndSecurityHeaders) {
  WireResponse wire =
      PrepareForWire(MakeRequest(Method::kGet), Response::Html(200, "<p>hi</p>"), kNow);
  EXPECT_EQ(wire.status, 200);
  EXPECT_EQ(wire.body, "<p>hi</p>");
  EXPECT_EQ(HeaderOf(wire, "Date"), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(HeaderOf(wire, "Server"), "gazette");
  EXPECT_EQ(HeaderOf(wire, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(wire, "Content-Length"), "9");
  EXPECT_EQ(HeaderOf(wire, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderOf(wire, "Referrer-Policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(HeaderOf(wire, "X-Frame-Options"), "SAMEORIGIN");
  EXPECT_EQ(HeaderOf(wire, "Content-Security-Policy"),
            "default-src 'self'; img-src 'self' data: https:; style-src 'self'; "
            "script-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'");
  EXPECT_EQ(HeaderOf(wire, "ETag"), StrongEtag("<p>hi</p>"));
  EXPECT_EQ(HeaderOf(wire, "Vary"), "");  // too small to compress
}

TEST(WireResponseTest, KeepsHandlerHeadersAndDropsFramingOnes) {
  Response response = Response::Text(200, "x");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Content-Length", "999");
  response.SetHeader("Connection", "keep-alive");
  response.SetHeader("Transfer-Encoding", "chunked");
  response.SetHeader("Cache-Control", "no-store");
  WireResponse wire = PrepareForWire(MakeRequest(Method::kGet), response, kNow);
  EXPECT_EQ(HeaderOf(wire, "X-Frame-Options"), "DENY");
  EXPECT_EQ(HeaderOf(wire, "Content-Length"), "1");
  EXPECT_EQ(HeaderOf(wire, "Connection"), "");
  EXPECT_EQ(HeaderOf(wire, "Transfer-Encoding"), "");
  EXPECT_EQ(HeaderOf(wire, "Cache-Control"), "no-store");
  EXPECT_EQ(HeaderOf(wire, "Content-Security-Policy"), "");  // not HTML
}

TEST(WireResponseTest, DropsHeadersThatCouldSplitTheResponse) {
  Response response = Response::Redirect(302, "/next\r\nSet-Cookie: session=stolen");
  response.SetHeader("X-Ok", "fine");
  response.SetHeader("Bad Name", "x");
  response.SetHeader("X-Nul", std::string("a\0b", 3));
  response.content_type = "text/html\r\nX-Injected: 1";
  WireResponse wire = PrepareForWire(MakeRequest(Method::kGet), response, kNow);
  EXPECT_EQ(HeaderOf(wire, "Content-Type"), "");
  EXPECT_EQ(HeaderOf(wire, "Location"), "");
  EXPECT_EQ(HeaderOf(wire, "Bad Name"), "");
  EXPECT_EQ(HeaderOf(wire, "X-Nul"), "");
  EXPECT_EQ(HeaderOf(wire, "X-Ok"), "fine");
  EXPECT_EQ(wire.status, 302);
}

TEST(WireResponseTest, HeadHasTheGetContentLengthButNoBody) {
  std::string html = LargeHtml();
  WireResponse get =
      PrepareForWire(MakeRequest(Method::kGet, "gzip"), Response::Html(200, html), kNow);
  WireResponse head =
      PrepareForWire(MakeRequest(Method::kHead, "gzip"), Response::Html(200, html), kNow);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(HeaderOf(head, "Content-Length"), std::to_string(get.body.size()));
  EXPECT_EQ(HeaderOf(head, "ETag"), HeaderOf(get, "ETag"));
  EXPECT_EQ(HeaderOf(head, "Content-Encoding"), "gzip");
}

TEST(WireResponseTest, CompressesLargeTextByAcceptEncoding) {
  std::string html = LargeHtml();
  WireResponse gzip =
      PrepareForWire(MakeRequest(Method::kGet, "gzip, deflate"), Response::Html(200, html), kNow);
  EXPECT_EQ(HeaderOf(gzip, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(gzip, "Vary"), "Accept-Encoding");
  EXPECT_EQ(HeaderOf(gzip, "Content-Length"), std::to_string(gzip.body.size()));
  EXPECT_EQ(Gunzip(gzip.body), html);
  const std::string plain_etag = StrongEtag(html);
  EXPECT_EQ(HeaderOf(gzip, "ETag"), plain_etag.substr(0, plain_etag.size() - 1) + "-gz\"");

  WireResponse brotli =
      PrepareForWire(MakeRequest(Method::kGet, "gzip, br"), Response::Html(200, html), kNow);
  EXPECT_EQ(HeaderOf(brotli, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(brotli, "ETag"), plain_etag.substr(0, plain_etag.size() - 1) + "-br\"");
  std::string decoded(html.size(), '\0');
  size_t size = decoded.size();
  ASSERT_EQ(BrotliDecoderDecompress(brotli.body.size(),
                                    reinterpret_cast<const uint8_t*>(brotli.body.data()), &size,
                                    reinterpret_cast<uint8_t*>(decoded.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  EXPECT_EQ(decoded.substr(0, size), html);

  WireResponse plain = PrepareForWire(MakeRequest(Method::kGet), Response::Html(200, html), kNow);
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(plain, "Vary"), "Accept-Encoding");
  EXPECT_EQ(HeaderOf(plain, "ETag"), plain_etag);
  EXPECT_EQ(plain.body, html);
}

TEST(WireResponseTest, LeavesAloneWhatIsNotWorthCompressing) {
  Response png;
  png.content_type = "image/png";
  png.body = std::string(4096, 'x');
  WireResponse wire = PrepareForWire(MakeRequest(Method::kGet, "gzip"), png, kNow);
  EXPECT_EQ(HeaderOf(wire, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(wire, "Vary"), "");

  Response encoded = Response::Text(200, std::string(4096, 'x'));
  encoded.SetHeader("Content-Encoding", "gzip");
  encoded.SetHeader("Vary", "Cookie");
  wire = PrepareForWire(MakeRequest(Method::kGet, "br"), encoded, kNow);
  EXPECT_EQ(HeaderOf(wire, "Content-Encoding"), "gzip");
  EXPECT_EQ(wire.body, std::string(4096, 'x'));

  Response with_vary = Response::Text(200, std::string(4096, 'x'));
  with_vary.SetHeader("Vary", "Cookie");
  wire = PrepareForWire(MakeRequest(Method::kGet, "gzip"), with_vary, kNow);
  EXPECT_EQ(HeaderOf(wire, "Vary"), "Cookie, Accept-Encoding");
}

TEST(WireResponseTest, NotModifiedWhenIfNoneMatchNamesAnyVariant) {
  std::string html = LargeHtml();
  std::string etag = StrongEtag(html);
  std::string gz_etag = etag.substr(0, etag.size() - 1) + "-gz\"";
  std::string br_etag = etag.substr(0, etag.size() - 1) + "-br\"";
  for (const std::string& sent :
       {etag, gz_etag, br_etag, "\"other\", W/" + gz_etag, std::string("*")}) {
    WireResponse wire =
        PrepareForWire(MakeRequest(Method::kGet, "gzip", sent), Response::Html(200, html), kNow);
    EXPECT_EQ(wire.status, 304) << sent;
    EXPECT_EQ(wire.body, "");
    EXPECT_EQ(HeaderOf(wire, "ETag"), gz_etag);
    EXPECT_EQ(HeaderOf(wire, "Content-Length"), "");
    EXPECT_EQ(HeaderOf(wire, "Content-Type"), "");
    EXPECT_EQ(HeaderOf(wire, "Vary"), "Accept-Encoding");
  }
  WireResponse changed = PrepareForWire(MakeRequest(Method::kGet, "gzip", "\"stale\""),
                                        Response::Html(200, html), kNow);
  EXPECT_EQ(changed.status, 200);
}

TEST(WireResponseTest, HandlerEtagsAreKeptAndMatched) {
  Response response = Response::Text(200, "small");
  response.SetHeader("ETag", "W/\"v42\"");
  WireResponse wire = PrepareForWire(MakeRequest(Method::kGet), response, kNow);
  EXPECT_EQ(HeaderOf(wire, "ETag"), "W/\"v42\"");
  wire = PrepareForWire(MakeRequest(Method::kHead, "", "\"v42\""), response, kNow);
  EXPECT_EQ(wire.status, 304);
}

TEST(WireResponseTest, OnlySuccessfulGetsGetEtagsAndConditionals) {
  Request post = MakeRequest(Method::kPost, "", "*");
  WireResponse wire = PrepareForWire(post, Response::Text(200, "done"), kNow);
  EXPECT_EQ(wire.status, 200);
  EXPECT_EQ(HeaderOf(wire, "ETag"), "");
  wire = PrepareForWire(MakeRequest(Method::kGet, "", "*"), Response::Text(404, "no"), kNow);
  EXPECT_EQ(wire.status, 404);
  EXPECT_EQ(HeaderOf(wire, "ETag"), "");
}

TEST(WireResponseTest, BodilessStatusesHaveNoLengthOrType) {
  Response response = Response::Text(204, "ignored");
  WireResponse wire = PrepareForWire(MakeRequest(Method::kPost), response, kNow);
  EXPECT_EQ(wire.body, "");
  EXPECT_EQ(HeaderOf(wire, "Content-Length"), "");
  EXPECT_EQ(HeaderOf(wire, "Content-Type"), "");
}

TEST(WireResponseTest, TheHeadIsTheStatusLineAndFieldsInOrderEndedByAnEmptyLine) {
  WireResponse wire{404, {{"Content-Type", "text/plain"}, {"Content-Length", "2"}}, "no"};
  EXPECT_EQ(WireHead(wire, 1, true),
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n");
  EXPECT_EQ(WireHead(WireResponse{200, {}, {}}, 1, false),
            "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(WireHead(WireResponse{304, {}, {}}, 0, true),
            "HTTP/1.0 304 Not Modified\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(WireHead(WireResponse{200, {}, {}}, 0, false), "HTTP/1.0 200 OK\r\n\r\n");
  EXPECT_EQ(WireHead(WireResponse{299, {}, {}}, 1, true), "HTTP/1.1 299 \r\n\r\n");
}

}  // namespace
}  // namespace gazette::http
