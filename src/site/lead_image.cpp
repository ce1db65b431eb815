#include "site/lead_image.h"

#include <string>

#include "base/log.h"
#include "media/srcset.h"

namespace gazette::site {

base::Result<std::optional<render::ResponsiveImage>> LoadLeadImage(store::Store& store,
                                                                   const content::Article& article,
                                                                   std::string_view url_base) {
  if (!article.lead_image_id) return std::nullopt;
  const std::string where = "article " + std::to_string(article.id) + ": lead image " +
                            std::to_string(*article.lead_image_id);
  auto media = store.GetMedia(*article.lead_image_id);
  if (!media && media.error().IsNotFound()) {
    base::LogWarning(where + " is not stored; the article is shown without it");
    return std::nullopt;
  }
  if (!media) return base::Unexpected(media.error());

  auto picture = media::BuildPicture(
      *media, [url_base](int64_t media_id, int width, content::ImageFormat format) {
        return std::string(url_base) + media::MediaVariantUrl(media_id, width, format);
      });
  if (!picture) {
    base::LogWarning(where + ": " + picture.error().message());
    return std::nullopt;
  }
  render::ResponsiveImage image{.sources = {},
                                .src = std::move(picture->src),
                                .srcset = std::move(picture->srcset),
                                .width = picture->width,
                                .height = picture->height,
                                .alt = article.lead_image_alt};
  for (media::PictureSource& source : picture->sources) {
    image.sources.push_back({.type = std::move(source.type), .srcset = std::move(source.srcset)});
  }
  return image;
}

}  // namespace gazette::site
