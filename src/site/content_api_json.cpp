#include "site/content_api_json.h"

#include "base/time_format.h"
#include "content/text_stats.h"

namespace gazette::site::api_json {
namespace {

std::string Url(std::string_view base_url, std::string_view path) {
  std::string url(base_url);
  url += path;
  return url;
}

Json LeadImage(const render::ResponsiveImage& image) {
  Json sources = Json::array();
  for (const render::ImageSource& source : image.sources) {
    sources.push_back({{"type", source.type}, {"srcset", source.srcset}});
  }
  return {{"alt", image.alt}, {"width", image.width},   {"height", image.height},
          {"src", image.src}, {"srcset", image.srcset}, {"sources", std::move(sources)}};
}

Json ArticlePartner(const content::Partner& partner, const content::Article& article,
                    std::string_view base_url) {
  Json result = Partner(partner, base_url);
  result.erase("description");
  result["original_url"] = article.original_url;
  result["credit"] = content::PartnerCreditName(partner.credit);
  return result;
}

}  // namespace

Json Section(const content::Section& section, std::string_view base_url) {
  return {{"id", section.id},
          {"slug", section.slug},
          {"name", section.name},
          {"kind", content::SectionKindName(section.kind)},
          {"description", section.description},
          {"url", Url(base_url, "/" + section.slug + "/")}};
}

Json Author(const content::Author& author, std::string_view base_url) {
  return {{"id", author.id},
          {"slug", author.slug},
          {"name", author.name},
          {"bio", author.bio},
          {"url", Url(base_url, "/author/" + author.slug + "/")}};
}

Json Tag(const content::Tag& tag, std::string_view base_url) {
  return {{"id", tag.id},
          {"slug", tag.slug},
          {"name", tag.name},
          {"url", Url(base_url, "/tag/" + tag.slug + "/")}};
}

Json Partner(const content::Partner& partner, std::string_view base_url) {
  return {{"id", partner.id},       {"slug", partner.slug},
          {"name", partner.name},   {"description", partner.description},
          {"website", partner.url}, {"url", Url(base_url, "/partner/" + partner.slug + "/")}};
}

Json Article(const content::Article& article, const ArticleLinks& links, std::string_view base_url,
             bool with_body) {
  const content::Section& section = *links.section;
  Json authors = Json::array();
  for (const content::Author* author : links.authors) {
    authors.push_back({{"slug", author->slug},
                       {"name", author->name},
                       {"url", Url(base_url, "/author/" + author->slug + "/")}});
  }
  Json tags = Json::array();
  for (const content::Tag* tag : links.tags) {
    tags.push_back({{"slug", tag->slug},
                    {"name", tag->name},
                    {"url", Url(base_url, "/tag/" + tag->slug + "/")}});
  }
  Json result = {
      {"id", article.id},
      {"slug", article.slug},
      {"url", Url(base_url, "/" + section.slug + "/" + article.slug + "/")},
      {"title", article.title},
      {"dek", article.dek},
      {"section",
       {{"slug", section.slug},
        {"name", section.name},
        {"url", Url(base_url, "/" + section.slug + "/")}}},
      {"authors", std::move(authors)},
      {"tags", std::move(tags)},
      {"partner", links.partner ? ArticlePartner(*links.partner, article, base_url) : Json()},
      {"published_at", base::FormatIso8601(article.published_at)},
      {"updated_at", base::FormatIso8601(article.updated_at)},
      {"reading_minutes", content::ReadingMinutes(article.word_count)},
      {"word_count", article.word_count},
      {"lead_image", links.lead_image ? LeadImage(*links.lead_image) : Json()},
  };
  if (with_body) result["body_html"] = article.body_html;
  return result;
}

Json Errors(std::string_view message, int status) {
  return {{"errors", Json::array({{{"message", message}, {"status", status}}})}};
}

std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gazette::site::api_json
