// /media/<id>/<file> and the lead image on article pages, in-process against MagazineTest.
#include "site/media_handler.h"

#include <gtest/gtest.h>

#include "http/wire_response.h"
#include "site/testing/magazine_fixture.h"

namespace gazette::site {
namespace {

class MediaTest : public testing::MagazineTest {
 protected:
  std::string MediaPath(const std::string& file) const {
    return "/media/" + std::to_string(ids_.image) + "/" + file;
  }

  // The lead image's markup on a page: from <figure to </figure>, or "" when there is none.
  static std::string Figure(const std::string& html) {
    const size_t begin = html.find("<figure");
    if (begin == std::string::npos) return "";
    return html.substr(begin, html.find("</figure>", begin) + 9 - begin);
  }
};

TEST_F(MediaTest, VariantsAreServedWithTheirTypeForAYear) {
  for (const auto& [file, type] :
       {std::pair{"480.webp", "image/webp"}, std::pair{"960.webp", "image/webp"},
        std::pair{"480.jpeg", "image/jpeg"}, std::pair{"960.jpeg", "image/jpeg"}}) {
    http::Response response = Get(MediaPath(file));
    ASSERT_EQ(response.status, 200) << file;
    EXPECT_EQ(response.content_type, type) << file;
    const std::string name(file);
    EXPECT_EQ(response.body, name.substr(4) + "-" + name.substr(0, 3)) << file;
    EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
  }
}

TEST_F(MediaTest, OnTheWireAVariantIsNotSniffedNorCompressed) {
  http::Request request;
  request.target = MediaPath("960.webp");
  request.path = request.target;
  request.headers["accept-encoding"] = "gzip, br";
  http::WireResponse wire =
      http::PrepareForWire(request, Get(request.target), std::chrono::system_clock::now());
  int nosniff = 0;
  for (const auto& [name, value] : wire.headers) {
    if (name == "X-Content-Type-Options") {
      ++nosniff;
      EXPECT_EQ(value, "nosniff");
    }
    EXPECT_NE(name, "Content-Encoding");
    if (name == "Content-Type") {
      EXPECT_EQ(value, "image/webp");
    }
  }
  EXPECT_EQ(nosniff, 1);
  EXPECT_EQ(wire.body, "webp-960");
}

TEST_F(MediaTest, MalformedOrUnknownNamesAreNotFound) {
  const std::string id = std::to_string(ids_.image);
  for (const std::string& path : std::vector<std::string>{
           MediaPath("481.webp"), MediaPath("480.jpg"), MediaPath("480.png"),
           MediaPath("0480.webp"), MediaPath("480"), MediaPath("480.webp.gz"), MediaPath(".webp"),
           MediaPath("480."), MediaPath("-480.webp"), MediaPath("4 80.webp"),
           MediaPath("9999999999.webp"), MediaPath("480.WEBP"), "/media/0" + id + "/480.webp",
           "/media/x/480.webp", "/media/" + std::to_string(ids_.image + 1) + "/480.webp",
           "/media/-1/480.webp"}) {
    http::Response response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_NE(response.body.find("Page not found"), std::string::npos) << path;
  }
}

TEST_F(MediaTest, TheArticlePageShowsTheLeadImageInEveryFormat) {
  http::Response page = Get("/east-asia/border-talks/");
  ASSERT_EQ(page.status, 200);
  const std::string m = "/media/" + std::to_string(ids_.image) + "/";
  const std::string sizes = "sizes=\"(min-width: 52rem) 48rem, 100vw\"";
  EXPECT_EQ(Figure(page.body),
            "<figure class=\"article__image\">\n"
            "        <picture>\n"
            "          <source type=\"image/webp\" srcset=\"" +
                m + "480.webp 480w, " + m + "960.webp 960w\" " + sizes +
                ">\n"
                "          <img src=\"" +
                m + "960.jpeg\" srcset=\"" + m + "480.jpeg 480w, " + m + "960.jpeg 960w\" " +
                sizes +
                " width=\"960\" height=\"540\" "
                "alt=\"A &quot;harbour&quot; at dawn &amp; &lt;dusk&gt;\" decoding=\"async\">\n"
                "        </picture>\n"
                "      </figure>");
  EXPECT_LT(page.body.find("</header>"), page.body.find("<figure"))
      << "the image comes under the headline";
}

TEST_F(MediaTest, ArticlesWithoutALeadImageHaveNoFigure) {
  http::Response page = Get("/east-asia/harbour-talks-resume/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(Figure(page.body), "");
}

}  // namespace
}  // namespace gazette::site
