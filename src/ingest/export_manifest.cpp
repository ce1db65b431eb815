#include "ingest/export_manifest.h"

#include <nlohmann/json.hpp>

#include "ingest/site_export.h"

namespace gazette::ingest {
namespace {

using base::Result;
using base::Status;
using nlohmann::json;

constexpr std::string_view kLeadArticleIdSetting = "home.lead_article_id";

// Reads the fields of one JSON object, remembering the first problem.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) Fail("must be an object");
  }

  std::string Text(std::string_view key, bool required = false) {
    const auto it = object_.is_object() ? object_.find(key) : object_.end();
    if (it == object_.end() || it->is_null()) {
      if (required) Fail("has no '" + std::string(key) + "'");
      return "";
    }
    if (!it->is_string()) {
      Fail("'" + std::string(key) + "' must be a string");
      return "";
    }
    std::string value = it->get<std::string>();
    if (required && value.empty()) Fail("'" + std::string(key) + "' is empty");
    return value;
  }

  int Integer(std::string_view key) {
    const auto it = object_.is_object() ? object_.find(key) : object_.end();
    if (it == object_.end()) return 0;
    if (!it->is_number_integer()) {
      Fail("'" + std::string(key) + "' must be an integer");
      return 0;
    }
    return it->get<int>();
  }

  void Fail(const std::string& problem) {
    if (error_.empty()) error_ = where_ + " " + problem;
  }
  Status status() const {
    if (error_.empty()) return base::Ok();
    return base::InvalidArgumentError(std::string(kExportManifestFile) + ": " + error_);
  }

 private:
  const json& object_;
  std::string where_;
  std::string error_;
};

// The array `key` of the manifest (missing: empty), each element passed to `each`.
template <class Each>
Status ForEach(const json& root, std::string_view key, Each&& each) {
  const auto it = root.find(key);
  if (it == root.end()) return base::Ok();
  if (!it->is_array()) {
    return base::InvalidArgumentError(std::string(kExportManifestFile) + ": '" + std::string(key) +
                                      "' must be a list");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    ObjectReader reader((*it)[i], std::string(key) + "[" + std::to_string(i) + "]");
    each(reader);
    if (auto status = reader.status(); !status) return status;
  }
  return base::Ok();
}

bool IsInsideExport(std::string_view file) {
  if (file.empty() || file.front() == '/' || file.find('\\') != std::string_view::npos) {
    return false;
  }
  size_t begin = 0;
  while (begin <= file.size()) {
    size_t end = file.find('/', begin);
    if (end == std::string_view::npos) end = file.size();
    if (file.substr(begin, end - begin) == "..") return false;
    begin = end + 1;
  }
  return true;
}

}  // namespace

Result<ExportManifest> ParseExportManifest(std::string_view text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string message = e.what();
    if (const size_t end = message.find("] "); end != std::string::npos) {
      message = message.substr(end + 2);
    }
    return base::InvalidArgumentError(std::string(kExportManifestFile) + ": " + message);
  }
  ObjectReader top(root, "the manifest");
  if (top.Text("format") != kExportFormat) top.Fail("is not a Gazette export manifest");
  if (auto status = top.status(); !status) return base::Unexpected(status.error());
  const int version = top.Integer("version");
  if (auto status = top.status(); !status) return base::Unexpected(status.error());
  if (version < 1 || version > kExportVersion) {
    return base::InvalidArgumentError(std::string(kExportManifestFile) + ": version " +
                                      std::to_string(version) + " is not one this Gazette reads (" +
                                      std::to_string(kExportVersion) + ")");
  }

  ExportManifest manifest;
  if (const auto settings = root.find("settings"); settings != root.end()) {
    if (!settings->is_object()) {
      return base::InvalidArgumentError(std::string(kExportManifestFile) +
                                        ": 'settings' must be an object");
    }
    ObjectReader reader(*settings, "settings");
    for (const auto& [key, value] : settings->items()) {
      std::string text_value = reader.Text(key);
      if (key == kExportLeadArticleSetting) {
        manifest.lead_article_slug = std::move(text_value);
      } else if (key != kLeadArticleIdSetting) {  // an id means nothing in another store
        manifest.settings[key] = std::move(text_value);
      }
    }
    if (auto status = reader.status(); !status) return base::Unexpected(status.error());
  }

  auto status = ForEach(root, "sections", [&](ObjectReader& r) {
    content::Section section;
    section.slug = r.Text("slug", true);
    section.name = r.Text("name", true);
    auto kind = content::ParseSectionKind(r.Text("kind", true));
    if (kind) {
      section.kind = *kind;
    } else {
      r.Fail(kind.error().message());
    }
    section.position = r.Integer("position");
    section.description = r.Text("description");
    manifest.sections.push_back(std::move(section));
  });
  if (!status) return base::Unexpected(status.error());

  status = ForEach(root, "authors", [&](ObjectReader& r) {
    manifest.authors.push_back(
        {.slug = r.Text("slug", true), .name = r.Text("name", true), .bio = r.Text("bio")});
  });
  if (!status) return base::Unexpected(status.error());

  status = ForEach(root, "partners", [&](ObjectReader& r) {
    content::Partner partner;
    partner.slug = r.Text("slug", true);
    partner.name = r.Text("name", true);
    partner.url = r.Text("url");
    partner.description = r.Text("description");
    if (std::string feed = r.Text("feed_url"); !feed.empty()) partner.feed_url = feed;
    std::string credit = r.Text("credit");
    auto parsed = content::ParsePartnerCredit(credit.empty() ? "canonical" : credit);
    if (parsed) {
      partner.credit = *parsed;
    } else {
      r.Fail(parsed.error().message());
    }
    manifest.partners.push_back(std::move(partner));
  });
  if (!status) return base::Unexpected(status.error());

  status = ForEach(root, "tags", [&](ObjectReader& r) {
    manifest.tags.push_back({.slug = r.Text("slug", true), .name = r.Text("name", true)});
  });
  if (!status) return base::Unexpected(status.error());

  status = ForEach(root, "articles", [&](ObjectReader& r) {
    std::string file = r.Text("file", true);
    if (!file.empty() && !IsInsideExport(file)) r.Fail("'file' must be a path inside the export");
    manifest.article_files.push_back(std::move(file));
  });
  if (!status) return base::Unexpected(status.error());
  return manifest;
}

Result<ManifestSummary> ApplyExportManifest(store::Store& store, const ExportManifest& manifest) {
  ManifestSummary summary;
  for (const auto& [key, value] : manifest.settings) {
    if (auto set = store.SetSetting(key, value); !set) return base::Unexpected(set.error());
  }
  for (const content::Section& section : manifest.sections) {
    auto found = store.GetSectionBySlug(section.slug);
    if (found) continue;
    if (!found.error().IsNotFound()) return base::Unexpected(found.error());
    if (auto free = content::CheckSectionSlugIsFree(section.slug); !free) {
      return base::Unexpected(free.error());
    }
    if (auto id = store.CreateSection(section); !id) return base::Unexpected(id.error());
    ++summary.sections;
  }
  for (const content::Author& author : manifest.authors) {
    auto found = store.GetAuthorBySlug(author.slug);
    if (found) continue;
    if (!found.error().IsNotFound()) return base::Unexpected(found.error());
    if (auto id = store.CreateAuthor(author); !id) return base::Unexpected(id.error());
    ++summary.authors;
  }
  for (const content::Partner& partner : manifest.partners) {
    auto found = store.GetPartnerBySlug(partner.slug);
    if (found) continue;
    if (!found.error().IsNotFound()) return base::Unexpected(found.error());
    if (auto id = store.CreatePartner(partner); !id) return base::Unexpected(id.error());
    ++summary.partners;
  }
  for (const content::Tag& tag : manifest.tags) {
    auto found = store.GetTagBySlug(tag.slug);
    if (found) continue;
    if (!found.error().IsNotFound()) return base::Unexpected(found.error());
    if (auto id = store.UpsertTag(tag); !id) return base::Unexpected(id.error());
    ++summary.tags;
  }
  return summary;
}

base::Status ApplyLeadArticle(store::Store& store, const ExportManifest& manifest) {
  if (manifest.lead_article_slug.empty()) return base::Ok();
  auto article = store.GetArticleBySlug(manifest.lead_article_slug);
  if (!article) return base::Unexpected(article.error());
  return store.SetSetting(kLeadArticleIdSetting, std::to_string(article->id));
}

MarkdownReadOptions ManifestReadOptions(const ExportManifest& manifest) {
  MarkdownReadOptions options;
  for (const content::Section& section : manifest.sections) {
    options.sections[section.slug] = {.slug = section.slug,
                                      .name = section.name,
                                      .kind = section.kind,
                                      .description = section.description};
  }
  for (const content::Author& author : manifest.authors) {
    options.authors[author.slug] = {.slug = author.slug, .name = author.name, .bio = author.bio};
  }
  return options;
}

}  // namespace gazette::ingest
