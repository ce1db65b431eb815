#include "http/form.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

Request PostWith(std::string content_type, std::string body) {
  Request request;
  request.method = Method::kPost;
  if (!content_type.empty()) request.headers["content-type"] = std::move(content_type);
  request.body = std::move(body);
  return request;
}

TEST(UrlEncodedFormTest, DecodesFieldsInOrderWithRepeats) {
  auto form = ParseUrlEncodedForm("title=Rice+%26+salt&tag=a&tag=b&empty=&flag");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Value("title"), "Rice & salt");
  EXPECT_EQ(form->All("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form->Get("empty"), "");
  EXPECT_EQ(form->Get("flag"), "");
  EXPECT_EQ(form->Get("missing"), std::nullopt);
  EXPECT_EQ(form->Value("missing"), "");
}

TEST(UrlEncodedFormTest, RefusesMoreFieldsThanTheLimit) {
  std::string body;
  for (size_t i = 0; i <= kMaxFormFields; ++i) body += "f=" + std::to_string(i) + "&";
  auto form = ParseUrlEncodedForm(body);
  ASSERT_FALSE(form.has_value());
  EXPECT_EQ(form.error().code(), base::ErrorCode::kInvalidArgument);
}

TEST(MultipartFormTest, ReadsFieldsAndFilesWithBinaryData) {
  const std::string image("\x89PNG\r\n\x1a\n\0\r\n--x", 15);
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"alt\"\r\n\r\n"
      "A harbour; at dawn\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"image\"; filename=\"har\\\"bour.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      image +
      "\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\n"
      "\r\n--XyZ--\r\n";
  auto form = ParseForm(PostWith("multipart/form-data; boundary=XyZ", body));
  ASSERT_TRUE(form.has_value()) << form.error().ToString();
  EXPECT_EQ(form->Value("alt"), "A harbour; at dawn");
  const FormFile* file = form->File("image");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "har\"bour.png");
  EXPECT_EQ(file->content_type, "image/png");
  EXPECT_EQ(file->data, image);
  EXPECT_EQ(form->File("empty"), nullptr);
}

TEST(MultipartFormTest, AcceptsAQuotedBoundary) {
  auto form = ParseForm(PostWith("multipart/form-data; boundary=\"a b\"",
                                 "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
                                 "--a b--"));
  ASSERT_TRUE(form.has_value()) << form.error().ToString();
  EXPECT_EQ(form->Value("x"), "1");
}

TEST(MultipartFormTest, RefusesMalformedBodies) {
  const std::string part = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1";
  for (const std::string& body : std::vector<std::string>{
           part,                                                        // never closed
           std::string("no boundary at all"),                           //
           "--b\r\nContent-Disposition: attachment\r\n\r\n1\r\n--b--",  // not form-data
           "--b\r\nContent-Disposition: form-data\r\n\r\n1\r\n--b--",   // no name
           "--b\r\nbroken header\r\n\r\n1\r\n--b--",                    // no colon
           "--bXX",                                                     // broken delimiter
       }) {
    auto form = ParseMultipartForm(body, "b");
    EXPECT_FALSE(form.has_value()) << body;
    if (!form) {
      EXPECT_EQ(form.error().code(), base::ErrorCode::kInvalidArgument);
    }
  }
}

TEST(FormTest, PicksTheParserByContentType) {
  auto plain = ParseForm(PostWith("", "a=1"));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->Value("a"), "1");
  auto typed = ParseForm(PostWith("application/x-www-form-urlencoded; charset=UTF-8", "a=2"));
  ASSERT_TRUE(typed.has_value());
  EXPECT_EQ(typed->Value("a"), "2");
  EXPECT_FALSE(ParseForm(PostWith("application/json", "{}")).has_value());
  EXPECT_FALSE(ParseForm(PostWith("multipart/form-data", "--b--")).has_value());
}

}  // namespace
}  // namespace gazette::http
