#include "support/decompress.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <memory>

namespace gazette::support {

base::Result<std::string> Gunzip(std::string_view compressed) {
  z_stream stream{};
  // 16 + MAX_WBITS: expect a gzip header and trailer.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    return base::InternalError("inflateInit2 failed");
  }
  std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&stream, &inflateEnd);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  if (rc != Z_STREAM_END || stream.avail_in != 0) {
    return base::InvalidArgumentError("not a complete gzip stream (zlib code " +
                                      std::to_string(rc) + ")");
  }
  return out;
}

base::Result<std::string> Unbrotli(std::string_view compressed) {
  std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> decoder(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), &BrotliDecoderDestroyInstance);
  if (!decoder) {
    return base::InternalError("BrotliDecoderCreateInstance failed");
  }
  const auto* next_in = reinterpret_cast<const uint8_t*>(compressed.data());
  size_t available_in = compressed.size();
  std::string out;
  uint8_t chunk[16384];
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    uint8_t* next_out = chunk;
    size_t available_out = sizeof chunk;
    result = BrotliDecoderDecompressStream(decoder.get(), &available_in, &next_in, &available_out,
                                           &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(chunk), sizeof chunk - available_out);
  }
  if (result != BROTLI_DECODER_RESULT_SUCCESS || available_in != 0) {
    return base::InvalidArgumentError("not a complete brotli stream");
  }
  return out;
}

}  // namespace gazette::support
