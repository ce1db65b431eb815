#include "admin/admin_api_media.h"

#include "admin/admin_api_json.h"
#include "admin/routes.h"
#include "http/ascii.h"
#include "http/form.h"
#include "media/image_processor.h"

namespace gazette::admin {
namespace {

// The longest filename kept for the media library, in bytes.
constexpr size_t kMaxFilenameBytes = 200;

// The filename of `Content-Disposition: attachment; filename="harbour.jpg"`, or "" when none.
// Only shown in the media library; never used as a path.
std::string FilenameOf(std::string_view disposition) {
  constexpr std::string_view kKey = "filename=";
  const size_t at = http::Lowercase(disposition).find(kKey);
  if (at == std::string_view::npos) return "";
  std::string_view value = disposition.substr(at + kKey.size());
  if (value.starts_with('"')) {
    value.remove_prefix(1);
    value = value.substr(0, value.find('"'));
  } else {
    value = http::TrimSpace(value.substr(0, value.find(';')));
  }
  return std::string(value.substr(0, kMaxFilenameBytes));
}

http::Response ImageProblem(std::string message) {
  const api_json::FieldError error{"image", std::move(message)};
  return api_json::FieldErrorsResponse(std::span(&error, 1));
}

}  // namespace

http::Response UploadMedia(AdminServices& services, const AdminRequest& request) {
  const http::Request& http = request.http;
  http::Form form;  // holds the uploaded bytes of a multipart body
  std::string_view bytes = http.body;
  std::string filename;
  if (http::ContainsIgnoreCase(http.Header("content-type"), "multipart/form-data")) {
    auto parsed = http::ParseForm(http);
    if (!parsed) return ApiError(400, parsed.error().message());
    form = std::move(*parsed);
    const http::FormFile* file = form.File("image");
    if (!file) return ImageProblem("missing: send the image as the file field 'image'");
    bytes = file->data;
    filename = file->filename.substr(0, kMaxFilenameBytes);
  } else {
    filename = FilenameOf(http.Header("content-disposition"));
  }

  auto processed = media::ProcessImage(bytes, filename, services.config.image_limits);
  if (!processed && processed.error().code() == base::ErrorCode::kInvalidArgument) {
    return ImageProblem(processed.error().message());
  }
  if (!processed) return api_json::ErrorResponse(processed.error(), "processing an upload");
  processed->uploaded_by = request.user.id;
  processed->created_at = services.clock.Now();
  auto id = services.store.CreateMedia(*processed);
  if (!id) return api_json::ErrorResponse(id.error(), "storing an upload");
  // The stored row, which for an image uploaded before is the earlier upload's.
  auto stored = services.store.GetMedia(*id);
  if (!stored) return api_json::ErrorResponse(stored.error(), "reading an upload");
  return api_json::JsonResponse(201, api_json::Media(*stored, services.config.site_url));
}

}  // namespace gazette::admin
