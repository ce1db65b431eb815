#include "ingest/site_export.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/file_write.h"
#include "base/time_format.h"
#include "store/site_settings.h"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;
using base::Result;
using base::Status;
using nlohmann::json;

constexpr int kPageSize = 1000;
constexpr std::string_view kLeadArticleIdSetting = "home.lead_article_id";

// `out` must be missing or an empty folder.
Status PrepareOutput(const fs::path& out) {
  std::error_code error;
  const fs::file_status status = fs::status(out, error);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      return base::ConflictError(out.string() + " exists and is not a folder");
    }
    const bool empty = fs::is_empty(out, error);
    if (error)
      return base::UnavailableError("cannot read " + out.string() + ": " + error.message());
    if (!empty) return base::ConflictError(out.string() + " is not empty");
    return base::Ok();
  }
  return base::CreateFolders(out);
}

// A slug becomes a file or folder name: it must not climb out or be hidden.
Status CheckFileName(std::string_view what, std::string_view slug) {
  if (slug.empty() || slug.front() == '.' || slug.find('/') != std::string_view::npos ||
      slug.find('\\') != std::string_view::npos || slug.find('\0') != std::string_view::npos) {
    return base::InvalidArgumentError(std::string(what) + " slug '" + std::string(slug) +
                                      "' cannot be a file name");
  }
  return base::Ok();
}

std::string Rfc3339(base::Seconds t) { return base::FormatIso8601(t); }

// Every article of any status, by id, with bodies.
Result<std::vector<content::Article>> AllArticles(store::Store& store) {
  std::vector<int64_t> ids;
  for (int offset = 0;; offset += kPageSize) {
    auto page = store.ListArticles({.limit = kPageSize, .offset = offset});
    if (!page) return base::Unexpected(page.error());
    for (const content::Article& article : *page) ids.push_back(article.id);
    if (static_cast<int>(page->size()) < kPageSize) break;
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<content::Article> articles;
  articles.reserve(ids.size());
  for (int64_t id : ids) {
    auto article = store.GetArticle(id);
    if (!article) return base::Unexpected(article.error());
    articles.push_back(std::move(*article));
  }
  return articles;
}

// What one article's file refers to by slug and name.
struct ArticleRefs {
  std::string section_slug;
  std::vector<std::string> author_slugs;
  std::vector<std::string> tag_names;
  std::string partner_slug;
  std::vector<std::string> old_paths;
  std::string lead_image_file;
};

std::string FrontMatterFile(const content::Article& article, const ArticleRefs& refs) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  // Every string is double-quoted, so that no title reads back as a number, a date or null.
  auto text = [&](std::string_view key, const std::string& value) {
    out << YAML::Key << std::string(key) << YAML::Value << YAML::DoubleQuoted << value;
  };
  auto list = [&](std::string_view key, const std::vector<std::string>& values) {
    out << YAML::Key << std::string(key) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const std::string& value : values) out << YAML::DoubleQuoted << value;
    out << YAML::EndSeq;
  };
  out << YAML::BeginMap;
  text("title", article.title);
  text("slug", article.slug);
  text("status", std::string(content::ArticleStatusName(article.status)));
  text("section", refs.section_slug);
  list("authors", refs.author_slugs);
  list("tags", refs.tag_names);
  if (!article.dek.empty()) text("dek", article.dek);
  if (!refs.partner_slug.empty()) text("partner", refs.partner_slug);
  if (!article.original_url.empty()) text("original_url", article.original_url);
  if (article.published_at != base::Seconds{}) text("published_at", Rfc3339(article.published_at));
  if (article.updated_at != base::Seconds{}) text("updated_at", Rfc3339(article.updated_at));
  if (!refs.old_paths.empty()) list("old_paths", refs.old_paths);
  if (!refs.lead_image_file.empty()) {
    text("lead_image", refs.lead_image_file);
    text("lead_image_alt", article.lead_image_alt);
  }
  out << YAML::EndMap;
  return "---\n" + std::string(out.c_str()) + "\n---\n" + article.body_md;
}

// The widest stored variant of an image (JPEG when both formats have that width), written to
// media/<id>.<jpg|webp>; returns that path relative to the export.
Result<std::string> WriteLeadImage(store::Store& store, int64_t media_id, const fs::path& out) {
  auto media = store.GetMedia(media_id);
  if (!media) return base::Unexpected(media.error());
  if (media->variants.empty()) {
    return base::InternalError("image " + std::to_string(media_id) + " has no stored variant");
  }
  const content::MediaVariant* widest = &media->variants.front();
  for (const content::MediaVariant& variant : media->variants) {
    if (variant.width > widest->width ||
        (variant.width == widest->width && variant.format == content::ImageFormat::kJpeg)) {
      widest = &variant;
    }
  }
  auto variant = store.GetMediaVariant(media_id, widest->width, widest->format);
  if (!variant) return base::Unexpected(variant.error());
  const std::string file = "media/" + std::to_string(media_id) +
                           (variant->format == content::ImageFormat::kJpeg ? ".jpg" : ".webp");
  if (auto written = base::WriteWholeFile(out / file, variant->bytes); !written) {
    return base::Unexpected(written.error());
  }
  return file;
}

Result<json> Settings(store::Store& store, const std::map<int64_t, std::string>& slugs_by_id) {
  json settings = json::object();
  for (std::string_view key :
       {store::kSiteNameSetting, store::kSiteTaglineSetting, store::kSiteDescriptionSetting,
        store::kSiteUrlSetting, store::kArticlesPerPageSetting, store::kFeedContentSetting}) {
    auto value = store.GetSetting(key);
    if (value) {
      settings[std::string(key)] = *value;
    } else if (!value.error().IsNotFound()) {
      return base::Unexpected(value.error());
    }
  }
  auto lead = store.GetSetting(kLeadArticleIdSetting);
  if (!lead && !lead.error().IsNotFound()) return base::Unexpected(lead.error());
  if (lead) {
    for (const auto& [id, slug] : slugs_by_id) {
      if (std::to_string(id) == *lead) settings[std::string(kExportLeadArticleSetting)] = slug;
    }
  }
  return settings;
}

}  // namespace

Result<ExportSummary> ExportSite(store::Store& store, const fs::path& out) {
  if (auto prepared = PrepareOutput(out); !prepared) return base::Unexpected(prepared.error());
  ExportSummary summary;
  json manifest = json::object();
  manifest["format"] = kExportFormat;
  manifest["version"] = kExportVersion;

  auto sections = store.ListSections();
  if (!sections) return base::Unexpected(sections.error());
  std::map<int64_t, std::string> section_slugs;
  json section_list = json::array();
  for (const content::Section& section : *sections) {
    if (auto named = CheckFileName("section", section.slug); !named) {
      return base::Unexpected(named.error());
    }
    section_slugs[section.id] = section.slug;
    section_list.push_back({{"slug", section.slug},
                            {"name", section.name},
                            {"kind", content::SectionKindName(section.kind)},
                            {"position", section.position},
                            {"description", section.description}});
  }
  manifest["sections"] = std::move(section_list);
  summary.sections = static_cast<int>(sections->size());

  auto authors = store.ListAuthors();
  if (!authors) return base::Unexpected(authors.error());
  std::sort(authors->begin(), authors->end(),
            [](const content::Author& a, const content::Author& b) { return a.slug < b.slug; });
  std::map<int64_t, std::string> author_slugs;
  json author_list = json::array();
  for (const content::Author& author : *authors) {
    author_slugs[author.id] = author.slug;
    author_list.push_back({{"slug", author.slug}, {"name", author.name}, {"bio", author.bio}});
  }
  manifest["authors"] = std::move(author_list);
  summary.authors = static_cast<int>(authors->size());

  auto partners = store.ListPartners();
  if (!partners) return base::Unexpected(partners.error());
  std::sort(partners->begin(), partners->end(),
            [](const content::Partner& a, const content::Partner& b) { return a.slug < b.slug; });
  std::map<int64_t, std::string> partner_slugs;
  json partner_list = json::array();
  for (const content::Partner& partner : *partners) {
    partner_slugs[partner.id] = partner.slug;
    json entry = {{"slug", partner.slug},
                  {"name", partner.name},
                  {"url", partner.url},
                  {"credit", content::PartnerCreditName(partner.credit)},
                  {"description", partner.description}};
    if (partner.feed_url) entry["feed_url"] = *partner.feed_url;
    partner_list.push_back(std::move(entry));
  }
  manifest["partners"] = std::move(partner_list);
  summary.partners = static_cast<int>(partners->size());

  auto tags = store.ListTags();
  if (!tags) return base::Unexpected(tags.error());
  std::sort(tags->begin(), tags->end(),
            [](const content::Tag& a, const content::Tag& b) { return a.slug < b.slug; });
  std::map<int64_t, std::string> tag_names;
  json tag_list = json::array();
  for (const content::Tag& tag : *tags) {
    tag_names[tag.id] = tag.name;
    tag_list.push_back({{"slug", tag.slug}, {"name", tag.name}});
  }
  manifest["tags"] = std::move(tag_list);
  summary.tags = static_cast<int>(tags->size());

  auto articles = AllArticles(store);
  if (!articles) return base::Unexpected(articles.error());
  auto redirects = store.ListRedirects();
  if (!redirects) return base::Unexpected(redirects.error());
  std::map<int64_t, std::vector<std::string>> old_paths;  // sorted by path, as listed
  for (const store::Redirect& redirect : *redirects) {
    old_paths[redirect.article_id].push_back(redirect.path);
  }

  std::map<int64_t, std::string> article_slugs;
  std::map<int64_t, std::string> media_files;
  json article_list = json::array();
  for (const content::Article& article : *articles) {
    if (auto named = CheckFileName("article", article.slug); !named) {
      return base::Unexpected(named.error());
    }
    article_slugs[article.id] = article.slug;
    ArticleRefs refs;
    refs.section_slug = section_slugs[article.section_id];
    for (int64_t id : article.author_ids) refs.author_slugs.push_back(author_slugs[id]);
    for (int64_t id : article.tag_ids) refs.tag_names.push_back(tag_names[id]);
    if (article.partner_id) refs.partner_slug = partner_slugs[*article.partner_id];
    const std::string here = "/" + refs.section_slug + "/" + article.slug + "/";
    for (const std::string& path : old_paths[article.id]) {
      if (path != here) refs.old_paths.push_back(path);
    }
    if (article.lead_image_id) {
      auto& file = media_files[*article.lead_image_id];
      if (file.empty()) {
        auto written = WriteLeadImage(store, *article.lead_image_id, out);
        if (!written) return base::Unexpected(written.error());
        file = *written;
      }
      refs.lead_image_file = file;
    }
    const std::string file = "articles/" + refs.section_slug + "/" + article.slug + ".md";
    if (auto written = base::WriteWholeFile(out / file, FrontMatterFile(article, refs)); !written) {
      return base::Unexpected(written.error());
    }
    article_list.push_back({{"slug", article.slug},
                            {"file", file},
                            {"status", content::ArticleStatusName(article.status)}});
  }
  manifest["articles"] = std::move(article_list);
  summary.articles = static_cast<int>(articles->size());
  summary.media = static_cast<int>(media_files.size());

  auto settings = Settings(store, article_slugs);
  if (!settings) return base::Unexpected(settings.error());
  manifest["settings"] = std::move(*settings);

  const std::string text = manifest.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  if (auto written = base::WriteWholeFile(out / kExportManifestFile, text); !written) {
    return base::Unexpected(written.error());
  }
  return summary;
}

}  // namespace gazette::ingest
