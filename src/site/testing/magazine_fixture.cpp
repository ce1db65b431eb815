#include "site/testing/magazine_fixture.h"

#include "content/markdown.h"
#include "content/text_stats.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::site::testing {
namespace {

using content::ArticleStatus;
using content::ImageFormat;

content::MediaVariant Variant(ImageFormat format, int width) {
  return {.width = width,
          .height = width * 9 / 16,
          .format = format,
          .bytes = std::string(content::ImageFormatName(format)) + "-" + std::to_string(width)};
}

}  // namespace

void MagazineTest::SetUp() {
  store_ = store::OpenSqliteStore((dir_.path() / "site.db").string(), {.create_if_missing = true})
               .value();
  store::Store& s = *store_;
  ids_.east_asia = s.CreateSection({.slug = "east-asia",
                                    .name = "East Asia",
                                    .kind = content::SectionKind::kRegion,
                                    .position = 1,
                                    .description = "China, Japan, the Koreas"})
                       .value();
  ids_.defense = s.CreateSection({.slug = "defense",
                                  .name = "Defense",
                                  .kind = content::SectionKind::kTopic,
                                  .position = 2})
                     .value();
  ids_.middle_east = s.CreateSection({.slug = "middle-east",
                                      .name = "Middle East",
                                      .kind = content::SectionKind::kRegion,
                                      .position = 3})
                         .value();
  ids_.ada = s.CreateAuthor({.slug = "ada", .name = "Ada Quill", .bio = "Covers ports."}).value();
  ids_.ben = s.CreateAuthor({.slug = "ben", .name = "Ben Ortiz"}).value();
  ids_.cy = s.CreateAuthor({.slug = "cy", .name = "Cy Lin"}).value();
  ids_.lakeside = s.CreatePartner({.slug = "lakeside",
                                   .name = "Lakeside Institute",
                                   .url = "https://lakeside.example/",
                                   .credit = content::PartnerCredit::kCanonical,
                                   .description = "A think tank by a lake."})
                      .value();
  ids_.trade = s.UpsertTag({.slug = "trade", .name = "Trade"}).value();
  ids_.security = s.UpsertTag({.slug = "security", .name = "Security"}).value();
  ids_.merger_rumours = s.UpsertTag({.slug = "merger-rumours", .name = "Merger rumours"}).value();

  content::Media image{.sha256 = std::string(64, 'a'),
                       .original_mime = "image/jpeg",
                       .filename = "harbour.jpg",
                       .width = 960,
                       .height = 540,
                       .created_at = clock_.Now()};
  for (ImageFormat format : {ImageFormat::kWebp, ImageFormat::kJpeg}) {
    for (int width : {480, 960}) image.variants.push_back(Variant(format, width));
  }
  ids_.image = s.CreateMedia(image).value();

  content::Article border =
      NewArticle("border-talks", "Border Talks", ids_.east_asia, std::chrono::hours(3));
  border.dek = "Both sides blink.";
  border.author_ids = {ids_.ada, ids_.ben};
  border.tag_ids = {ids_.trade, ids_.security};
  border.partner_id = ids_.lakeside;
  border.original_url = "https://lakeside.example/analysis/border-talks/";
  border.lead_image_id = ids_.image;
  border.lead_image_alt = kImageAlt;
  ids_.border = s.CreateArticle(border).value();

  content::Article harbour = NewArticle("harbour-talks-resume", "Harbour Talks Resume",
                                        ids_.east_asia, std::chrono::hours(30));
  harbour.author_ids = {ids_.ada};
  harbour.tag_ids = {ids_.trade};
  ids_.harbour = s.CreateArticle(harbour).value();

  content::Article drones = NewArticle("cheap-drones", "Cheap Drones, Costly Lessons", ids_.defense,
                                       std::chrono::hours(50));
  drones.author_ids = {ids_.ben};
  drones.tag_ids = {ids_.security};
  ids_.drones = s.CreateArticle(drones).value();

  content::Article draft =
      NewArticle("secret-merger", "Secret Merger Plans", ids_.east_asia, std::chrono::hours(1));
  draft.status = ArticleStatus::kDraft;
  draft.author_ids = {ids_.ada};
  draft.tag_ids = {ids_.merger_rumours};
  ids_.draft = s.CreateArticle(draft).value();

  content::Article scheduled =
      NewArticle("tomorrows-summit", "Tomorrow's Summit", ids_.defense, std::chrono::hours(-24));
  scheduled.status = ArticleStatus::kScheduled;
  scheduled.author_ids = {ids_.cy};
  ids_.scheduled = s.CreateArticle(scheduled).value();

  auto theme = render::Theme::Load(GAZETTE_DEFAULT_THEME_DIR);
  ASSERT_TRUE(theme.has_value()) << theme.error().ToString();
  auto assets = http::StaticAssets::Load(GAZETTE_DEFAULT_THEME_DIR "/assets", "/assets/");
  ASSERT_TRUE(assets.has_value()) << assets.error().ToString();
  site_ = std::make_unique<Site>(*store_, clock_, *theme, *assets, SiteConfig{.url = kSiteUrl});
  site_->Register(router_);
}

http::Response MagazineTest::Get(const std::string& target, http::Method method) const {
  http::Request request;
  request.method = method;
  request.target = target;
  const size_t question = target.find('?');
  request.path = http::PercentDecode(target.substr(0, question), false);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  return router_.Dispatch(request);
}

content::Article MagazineTest::NewArticle(const std::string& slug, const std::string& title,
                                          int64_t section_id, std::chrono::hours age) const {
  content::Article article;
  article.slug = slug;
  article.title = title;
  article.body_md = "The first paragraph of " + title + ".\n";
  article.body_html = content::RenderMarkdown(article.body_md);
  article.word_count = content::CountWords(article.body_md);
  article.status = ArticleStatus::kPublished;
  article.section_id = section_id;
  article.published_at = clock_.Now() - age;
  article.updated_at = article.published_at;
  return article;
}

}  // namespace gazette::site::testing
