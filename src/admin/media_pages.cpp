#include "admin/media_pages.h"

#include <algorithm>
#include <map>
#include <memory>

#include "admin/field_checks.h"
#include "base/time_format.h"
#include "media/image_processor.h"
#include "media/srcset.h"

namespace gazette::admin {
namespace {

using content::ImageFormat;
using content::Media;
using content::MediaVariant;
using http::Method;
using http::Response;

// The variant of `format` that is narrowest (or, with `widest`, widest), or nullptr when there
// is none of that format.
const MediaVariant* VariantAtEdge(const Media& media, ImageFormat format, bool widest) {
  const MediaVariant* found = nullptr;
  for (const MediaVariant& variant : media.variants) {
    if (variant.format != format) continue;
    if (!found || (widest ? variant.width > found->width : variant.width < found->width)) {
      found = &variant;
    }
  }
  return found;
}

std::string Megabytes(size_t bytes) {
  const size_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

class MediaPages {
 public:
  explicit MediaPages(AdminServices& services) : services_(services) {}

  Response Library(const AdminRequest& request) { return LibraryPage(request, 200, ""); }

  Response Upload(const AdminRequest& request) {
    const http::FormFile* file = request.form.File("image");
    if (file == nullptr) return LibraryPage(request, 422, "Choose an image file to upload.");
    auto media = media::ProcessImage(file->data, file->filename, services_.config.image_limits);
    if (!media) {
      if (media.error().code() == base::ErrorCode::kInvalidArgument) {
        return LibraryPage(request, 422, Sentence(media.error().message()));
      }
      return StoreFailure(services_.ui, request.user, "processing an upload", media.error());
    }
    media->uploaded_by = request.user.id;
    media->created_at = services_.clock.Now();
    auto id = services_.store.CreateMedia(*media);
    if (!id) return StoreFailure(services_.ui, request.user, "storing an upload", id.error());
    return Ui::SeeOther("/admin/media/?notice=uploaded#media-" + std::to_string(*id));
  }

 private:
  Response LibraryPage(const AdminRequest& request, int status, std::string_view image_error) {
    const int page = static_cast<int>(std::clamp<int64_t>(
        ParseInteger(request.http.QueryParam("page").value_or("1")).value_or(1), 1, 100'000));
    auto listed = services_.store.ListMedia(kMediaPerPage + 1, (page - 1) * kMediaPerPage);
    if (!listed) return StoreFailure(services_.ui, request.user, "listing media", listed.error());
    auto users = services_.store.ListUsers();
    if (!users) return StoreFailure(services_.ui, request.user, "listing users", users.error());
    std::map<int64_t, std::string> uploaders;
    for (const content::User& user : *users) {
      uploaders[user.id] = user.name.empty() ? user.email : user.name;
    }

    const bool more = listed->size() > static_cast<size_t>(kMediaPerPage);
    if (more) listed->pop_back();
    const base::Seconds now = services_.clock.Now();
    nlohmann::json items = nlohmann::json::array();
    for (const Media& media : *listed) {
      const MediaVariant* thumb = VariantAtEdge(media, ImageFormat::kJpeg, false);
      const MediaVariant* jpeg = VariantAtEdge(media, ImageFormat::kJpeg, true);
      const MediaVariant* webp = VariantAtEdge(media, ImageFormat::kWebp, true);
      nlohmann::json item = {
          {"id", media.id},
          {"anchor", "media-" + std::to_string(media.id)},
          {"filename", media.filename},
          {"dimensions", std::to_string(media.width) + " × " + std::to_string(media.height)},
          {"original_type", media.original_mime},
          {"uploaded", base::FormatRelative(media.created_at, now)},
          {"uploaded_iso", base::FormatIso8601(media.created_at)},
      };
      if (media.uploaded_by) {
        auto uploader = uploaders.find(*media.uploaded_by);
        item["uploader"] = uploader == uploaders.end() ? "a removed account" : uploader->second;
      }
      if (thumb) {
        item["thumb_url"] = media::MediaVariantUrl(media.id, thumb->width, ImageFormat::kJpeg);
        item["thumb_width"] = thumb->width;
        item["thumb_height"] = thumb->height;
        item["jpeg_url"] = media::MediaVariantUrl(media.id, jpeg->width, ImageFormat::kJpeg);
      }
      if (webp)
        item["webp_url"] = media::MediaVariantUrl(media.id, webp->width, ImageFormat::kWebp);
      items.push_back(std::move(item));
    }
    const bool empty = items.empty();
    nlohmann::json view = {{"images", std::move(items)},
                           {"empty", empty && page == 1},
                           {"max_size", Megabytes(services_.config.image_limits.max_bytes)},
                           {"image_error", image_error}};
    if (page > 1) view["newer_url"] = "/admin/media/?page=" + std::to_string(page - 1);
    if (more) view["older_url"] = "/admin/media/?page=" + std::to_string(page + 1);
    return services_.ui.Page(request, status, "media.tpl", "Media", std::move(view));
  }

  AdminServices& services_;
};

}  // namespace

void RegisterMediaPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<MediaPages>(services);
  routes.Page(Method::kGet, "/admin/media/", content::Role::kContributor,
              [pages](const AdminRequest& request) { return pages->Library(request); });
  routes.Page(Method::kPost, "/admin/media/", content::Role::kContributor,
              [pages](const AdminRequest& request) { return pages->Upload(request); });
}

}  // namespace gazette::admin
