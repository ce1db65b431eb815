#include "http/compression.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "http/testing/gunzip.h"

namespace gazette::http {
namespace {

using testing::Gunzip;

std::string Unbrotli(const std::string& data, size_t expected_size) {
  std::string out(expected_size, '\0');
  size_t size = out.size();
  EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const uint8_t*>(data.data()),
                                    &size, reinterpret_cast<uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

std::string SamplePage() {
  std::string page;
  for (int i = 0; i < 500; ++i) {
    page += "<p>Paragraph " + std::to_string(i) + " of an analysis of East Asian security.</p>\n";
  }
  return page;
}

TEST(CompressionTest, GzipRoundTrips) {
  for (const std::string& input : {SamplePage(), std::string(), std::string("x")}) {
    auto compressed = GzipCompress(input, 6);
    ASSERT_TRUE(compressed.has_value());
    ASSERT_GE(compressed->size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[0]), 0x1f);  // gzip magic
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[1]), 0x8b);
    EXPECT_EQ(Gunzip(*compressed), input);
  }
  EXPECT_LT(GzipCompress(SamplePage(), 6)->size(), SamplePage().size() / 4);
}

TEST(CompressionTest, BrotliRoundTrips) {
  for (const std::string& input : {SamplePage(), std::string(), std::string("x")}) {
    auto compressed = BrotliCompress(input, 5);
    ASSERT_TRUE(compressed.has_value());
    EXPECT_EQ(Unbrotli(*compressed, input.size() + 16), input);
  }
  EXPECT_LT(BrotliCompress(SamplePage(), 11)->size(), GzipCompress(SamplePage(), 9)->size());
}

TEST(ChooseEncodingTest, PrefersBrotliThenGzip) {
  EXPECT_EQ(ChooseEncoding("gzip, deflate, br"), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("gzip, deflate"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("GZIP"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("x-gzip"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br"), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("deflate"), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding(""), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("identity"), Encoding::kIdentity);
}

TEST(ChooseEncodingTest, HonoursQValues) {
  EXPECT_EQ(ChooseEncoding("br;q=0, gzip"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br;q=0.5, gzip;q=0.8"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br ; q=0.8 , gzip;Q=0.8"), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("gzip;q=0.001"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("gzip;q=0.000"), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip;q=0, br;q=0"), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("gzip;q=1.0"), Encoding::kGzip);
}

TEST(ChooseEncodingTest, WildcardCoversUnlistedCodings) {
  EXPECT_EQ(ChooseEncoding("*"), Encoding::kBrotli);
  EXPECT_EQ(ChooseEncoding("br;q=0, *"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("*;q=0"), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("*;q=0, gzip"), Encoding::kGzip);
}

TEST(ChooseEncodingTest, MalformedQValuesRefuseTheCoding) {
  EXPECT_EQ(ChooseEncoding("br;q=2, gzip"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br;q=abc, gzip;q=0.5"), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br;q=0.12345"), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding(",,;;q=,"), Encoding::kIdentity);
}

TEST(ChooseEncodingTest, OnlyAvailableVariants) {
  EXPECT_EQ(ChooseEncoding("br, gzip", false, true), Encoding::kGzip);
  EXPECT_EQ(ChooseEncoding("br", false, true), Encoding::kIdentity);
  EXPECT_EQ(ChooseEncoding("br, gzip", false, false), Encoding::kIdentity);
}

TEST(CompressionTest, CompressibleTypes) {
  for (std::string_view type :
       {"text/html; charset=utf-8", "text/css", "Text/Plain", "application/json", "application/xml",
        "application/rss+xml", "application/atom+xml", "image/svg+xml", "application/javascript"}) {
    EXPECT_TRUE(IsCompressible(type)) << type;
  }
  for (std::string_view type : {"image/png", "image/jpeg", "font/woff2", "application/zip", ""}) {
    EXPECT_FALSE(IsCompressible(type)) << type;
  }
}

TEST(CompressionTest, TokensAndSuffixes) {
  EXPECT_EQ(EncodingToken(Encoding::kBrotli), "br");
  EXPECT_EQ(EncodingToken(Encoding::kGzip), "gzip");
  EXPECT_EQ(EncodingToken(Encoding::kIdentity), "");
  EXPECT_EQ(EtagSuffix(Encoding::kBrotli), "-br");
  EXPECT_EQ(EtagSuffix(Encoding::kGzip), "-gz");
  EXPECT_EQ(EtagSuffix(Encoding::kIdentity), "");
}

}  // namespace
}  // namespace gazette::http
