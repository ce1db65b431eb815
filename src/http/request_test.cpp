#include "http/request.h"

#include <gtest/gtest.h>

#include "http/response.h"

namespace gazette::http {
namespace {

TEST(PercentDecodeTest, DecodesEscapesAndOptionallyPlus) {
  EXPECT_EQ(PercentDecode("%41b+c", true), "Ab c");
  EXPECT_EQ(PercentDecode("%41b+c", false), "Ab+c");
  EXPECT_EQ(PercentDecode("caf%c3%A9", false), "caf\xc3\xa9");
  EXPECT_EQ(PercentDecode("", true), "");
}

TEST(PercentDecodeTest, KeepsInvalidEscapes) {
  EXPECT_EQ(PercentDecode("100%", false), "100%");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("%zz%41", false), "%zzA");
  EXPECT_EQ(PercentDecode("%%41", false), "%A");
  EXPECT_EQ(PercentDecode("%00", false), std::string("\0", 1));
}

TEST(RequestTest, HeaderByLowercaseName) {
  Request request;
  request.headers["user-agent"] = "curl";
  EXPECT_EQ(request.Header("user-agent"), "curl");
  EXPECT_EQ(request.Header("accept"), "");
}

TEST(RequestTest, QueryParamDecodesAndTakesTheFirstValue) {
  Request request;
  request.query = "q=east+asia%21&page=2&page=3&flag&empty=&a%20b=c";
  EXPECT_EQ(request.QueryParam("q"), "east asia!");
  EXPECT_EQ(request.QueryParam("page"), "2");
  EXPECT_EQ(request.QueryParam("flag"), "");
  EXPECT_EQ(request.QueryParam("empty"), "");
  EXPECT_EQ(request.QueryParam("a b"), "c");
  EXPECT_EQ(request.QueryParam("missing"), std::nullopt);
  EXPECT_EQ(Request{}.QueryParam("q"), std::nullopt);
}

TEST(ResponseTest, SetHeaderReplacesWithoutRegardToCase) {
  Response response;
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("cache-control", "max-age=60");
  response.SetHeader("Link", "</a>");
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.Header("CACHE-CONTROL"), "max-age=60");
  EXPECT_EQ(response.Header("Location"), "");
}

TEST(ResponseTest, Helpers) {
  Response html = Response::Html(404, "<p>no</p>");
  EXPECT_EQ(html.status, 404);
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  Response text = Response::Text(200, "ok");
  EXPECT_EQ(text.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(text.body, "ok");
}

TEST(ResponseTest, RedirectEscapesTheLocationInItsBody) {
  Response response = Response::Redirect(303, "/a?x=1&y=\"<b>\"");
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.Header("Location"), "/a?x=1&y=\"<b>\"");
  EXPECT_NE(response.body.find("/a?x=1&amp;y=&quot;&lt;b&gt;&quot;"), std::string::npos);
  EXPECT_EQ(response.body.find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace gazette::http

namespace gazette::http {
namespace {

TEST(PercentEncodeTest, KeepsUnreservedBytesAndWhatTheCallerKeeps) {
  EXPECT_EQ(PercentEncode("a b/c?d=é", true), "a+b%2Fc%3Fd%3D%C3%A9");
  EXPECT_EQ(PercentEncode("a b/c", false, "/"), "a%20b/c");
  EXPECT_EQ(PercentEncode("Az09-._~", false), "Az09-._~");
  EXPECT_EQ(PercentDecode(PercentEncode("x+y & z\n", true), true), "x+y & z\n");
}

}  // namespace
}  // namespace gazette::http

namespace gazette::http {
namespace {

TEST(PositiveQueryParamTest, TakesWholeNumbersInRangeAndNamesTheRest) {
  Request request;
  request.query = "page=3&limit=&big=1000001&word=ten&neg=-1";
  EXPECT_EQ(request.PositiveQueryParam("page", 1, 10), 3);
  EXPECT_EQ(request.PositiveQueryParam("missing", 7, 10), 7);
  EXPECT_EQ(request.PositiveQueryParam("limit", 15, 100), 15) << "empty counts as absent";
  for (const char* name : {"big", "word", "neg"}) {
    auto value = request.PositiveQueryParam(name, 1, 1000000);
    ASSERT_FALSE(value.has_value()) << name;
    EXPECT_NE(value.error().message().find(name), std::string::npos);
  }
  EXPECT_FALSE(request.PositiveQueryParam("page", 1, 2).has_value()) << "3 is past the max";
}

}  // namespace
}  // namespace gazette::http
