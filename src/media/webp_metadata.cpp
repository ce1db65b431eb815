#include "media/webp_metadata.h"

#include <webp/mux.h>

#include <cstdint>
#include <memory>

namespace gazette::media {
namespace {

struct MuxDelete {
  void operator()(WebPMux* mux) const { WebPMuxDelete(mux); }
};

// The chunk names of EXIF, XMP and ICC profile data in a WebP container.
constexpr const char* kMetadataChunks[] = {"EXIF", "XMP ", "ICCP"};

}  // namespace

base::Result<std::string> RemoveWebpMetadata(std::string_view webp) {
  const WebPData input{.bytes = reinterpret_cast<const uint8_t*>(webp.data()), .size = webp.size()};
  const std::unique_ptr<WebPMux, MuxDelete> mux(WebPMuxCreate(&input, /*copy_data=*/0));
  if (mux == nullptr) return base::InternalError("the encoded WebP image could not be parsed");
  for (const char* chunk : kMetadataChunks) {
    const WebPMuxError removed = WebPMuxDeleteChunk(mux.get(), chunk);
    if (removed != WEBP_MUX_OK && removed != WEBP_MUX_NOT_FOUND) {
      return base::InternalError("metadata could not be removed from a WebP image");
    }
  }
  WebPData output;
  WebPDataInit(&output);
  if (WebPMuxAssemble(mux.get(), &output) != WEBP_MUX_OK) {
    WebPDataClear(&output);
    return base::InternalError("the WebP image could not be reassembled");
  }
  std::string stripped(reinterpret_cast<const char*>(output.bytes), output.size);
  WebPDataClear(&output);
  return stripped;
}

}  // namespace gazette::media
