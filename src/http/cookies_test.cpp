#include "http/cookies.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

Request WithCookies(std::string header) {
  Request request;
  request.headers["cookie"] = std::move(header);
  return request;
}

TEST(CookiesTest, FindsANamedCookieAmongOthers) {
  Request request = WithCookies("theme=dark; gz_session=abc-123_; gz_session=second; q=\"quoted\"");
  EXPECT_EQ(GetCookie(request, "gz_session"), "abc-123_");
  EXPECT_EQ(GetCookie(request, "theme"), "dark");
  EXPECT_EQ(GetCookie(request, "q"), "quoted");
  EXPECT_EQ(GetCookie(request, "gz"), std::nullopt);
  EXPECT_EQ(GetCookie(Request{}, "gz_session"), std::nullopt);
}

TEST(CookiesTest, FormatsSetCookieWithItsAttributes) {
  EXPECT_EQ(FormatSetCookie("gz_session", "tok", {.max_age = std::chrono::seconds(3600)}),
            "gz_session=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
  EXPECT_EQ(FormatSetCookie("gz_session", "",
                            {.path = "/admin/",
                             .max_age = std::chrono::seconds(0),
                             .secure = true,
                             .same_site = SameSite::kStrict}),
            "gz_session=; Path=/admin/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(FormatSetCookie("a", "b", {.http_only = false}), "a=b; Path=/; SameSite=Lax");
}

}  // namespace
}  // namespace gazette::http
