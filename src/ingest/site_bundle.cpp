#include "ingest/site_bundle.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "content/markdown.h"
#include "content/slug.h"
#include "content/text_stats.h"
#include "ingest/front_matter.h"
#include "ingest/toml_fields.h"

namespace gazette::ingest {
namespace {

using base::Result;
using base::Status;

constexpr int64_t kSecondsPerDay = 24 * 3600;
// Demo views are spread over the days that the "trending" window covers.
constexpr int kViewDays = 7;

base::Result<toml::table> ParseToml(std::string_view text, const std::string& where,
                                    int line_offset) {
  try {
    return toml::parse(text, where);
  } catch (const toml::parse_error& e) {
    return base::InvalidArgumentError(where + ":" +
                                      std::to_string(e.source().begin.line + line_offset) + ": " +
                                      std::string(e.description()));
  }
}

std::string Prefixed(const std::string& where, const base::Error& error) {
  return where + ": " + error.message();
}

// Reads the array of tables `key` of site.toml, calling `each` with a field reader per entry.
template <class Each>
Status ForEachTable(const toml::table& root, std::string_view key, const std::string& where,
                    Each&& each) {
  const toml::node* node = root.get(key);
  if (!node) return base::Ok();
  const toml::array* array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    return base::InvalidArgumentError(where + ":" + std::to_string(node->source().begin.line) +
                                      ": '" + std::string(key) + "' must be [[" + std::string(key) +
                                      "]] tables");
  }
  for (const toml::node& item : *array) {
    TomlFields fields(*item.as_table(), where);
    if (auto status = each(fields); !status) return status;
    if (auto status = fields.RejectUnknownKeys(); !status) return status;
  }
  return base::Ok();
}

Status LoadSiteSettings(store::Store& store, const toml::table& root, const std::string& where) {
  const toml::node* node = root.get("site");
  if (!node) return base::Ok();
  if (!node->is_table()) return base::InvalidArgumentError(where + ": [site] must be a table");
  TomlFields fields(*node->as_table(), where);
  for (std::string_view key : {"name", "tagline", "description"}) {
    auto value = fields.OptionalString(key);
    if (!value) return base::Unexpected(value.error());
    if (value->empty()) continue;
    if (auto status = store.SetSetting("site." + std::string(key), *value); !status) return status;
  }
  return fields.RejectUnknownKeys();
}

Status LoadSiteToml(store::Store& store, const std::string& text, BundleSummary& summary) {
  const std::string where = "site.toml";
  auto root = ParseToml(text, where, 0);
  if (!root) return base::Unexpected(root.error());
  for (const auto& [key, node] : *root) {
    std::string_view name = key.str();
    if (name != "site" && name != "sections" && name != "authors" && name != "partners") {
      return base::InvalidArgumentError(where + ":" + std::to_string(node.source().begin.line) +
                                        ": unknown key '" + std::string(name) + "'");
    }
  }
  if (auto status = LoadSiteSettings(store, *root, where); !status) return status;

  int position = 0;
  auto status = ForEachTable(*root, "sections", where, [&](TomlFields& f) -> Status {
    content::Section section;
    auto slug = f.RequiredString("slug");
    auto name = f.RequiredString("name");
    auto kind = f.RequiredString("kind");
    auto description = f.OptionalString("description");
    for (auto* r : {&slug, &name, &kind, &description}) {
      if (!*r) return base::Unexpected(r->error());
    }
    auto parsed_kind = content::ParseSectionKind(*kind);
    if (!parsed_kind)
      return base::InvalidArgumentError(f.LocateKey("kind", parsed_kind.error().message()));
    section.slug = *slug;
    section.name = *name;
    section.kind = *parsed_kind;
    section.description = *description;
    section.position = ++position;
    if (auto free = content::CheckSectionSlugIsFree(section.slug); !free) {
      return base::InvalidArgumentError(f.LocateKey("slug", free.error().message()));
    }
    auto id = store.CreateSection(section);
    if (!id) return base::InvalidArgumentError(Prefixed(where, id.error()));
    ++summary.sections;
    return base::Ok();
  });
  if (!status) return status;

  status = ForEachTable(*root, "authors", where, [&](TomlFields& f) -> Status {
    auto slug = f.RequiredString("slug");
    auto name = f.RequiredString("name");
    auto bio = f.OptionalString("bio");
    for (auto* r : {&slug, &name, &bio}) {
      if (!*r) return base::Unexpected(r->error());
    }
    auto id = store.CreateAuthor({.id = 0, .slug = *slug, .name = *name, .bio = *bio});
    if (!id) return base::InvalidArgumentError(Prefixed(where, id.error()));
    ++summary.authors;
    return base::Ok();
  });
  if (!status) return status;

  return ForEachTable(*root, "partners", where, [&](TomlFields& f) -> Status {
    auto slug = f.RequiredString("slug");
    auto name = f.RequiredString("name");
    auto url = f.RequiredString("url");
    auto credit = f.OptionalString("credit", "canonical");
    auto description = f.OptionalString("description");
    auto feed_url = f.OptionalString("feed_url");
    for (auto* r : {&slug, &name, &url, &credit, &description, &feed_url}) {
      if (!*r) return base::Unexpected(r->error());
    }
    auto parsed_credit = content::ParsePartnerCredit(*credit);
    if (!parsed_credit) {
      return base::InvalidArgumentError(f.LocateKey("credit", parsed_credit.error().message()));
    }
    content::Partner partner;
    partner.slug = *slug;
    partner.name = *name;
    partner.url = *url;
    partner.credit = *parsed_credit;
    partner.description = *description;
    if (!feed_url->empty()) partner.feed_url = *feed_url;
    auto id = store.CreatePartner(partner);
    if (!id) return base::InvalidArgumentError(Prefixed(where, id.error()));
    ++summary.partners;
    return base::Ok();
  });
}

// Page views given to a demo article, spread over the trending window so that "most read"
// differs from "newest".
Status AddDemoViews(store::Store& store, int64_t article_id, int64_t total, base::Seconds now) {
  int64_t today = now.time_since_epoch().count() / kSecondsPerDay;
  std::vector<store::ViewCount> views;
  for (int d = 0; d < kViewDays && total > 0; ++d) {
    int64_t share = (d == kViewDays - 1) ? total : std::max<int64_t>(1, total / (kViewDays - d));
    views.push_back({.article_id = article_id, .day = today - d, .count = share});
    total -= share;
  }
  return store.AddViews(views);
}

Status LoadArticle(store::Store& store, const std::string& where, const std::string& text,
                   base::Seconds now) {
  auto doc = SplitFrontMatter(text);
  if (!doc) return base::InvalidArgumentError(where + ":" + doc.error().message());
  if (doc->format != FrontMatterFormat::kToml) {
    return base::InvalidArgumentError(where + ":1: a site bundle's front matter is TOML ('+++')");
  }
  auto table = ParseToml(doc->front_matter, where, doc->front_matter_first_line - 1);
  if (!table) return base::Unexpected(table.error());
  TomlFields f(*table, where, doc->front_matter_first_line - 1);

  auto title = f.RequiredString("title");
  auto dek = f.OptionalString("dek");
  auto section_slug = f.RequiredString("section");
  auto author_slugs = f.StringArray("authors");
  auto tag_names = f.StringArray("tags");
  auto age_hours = f.OptionalNumber("age_hours");
  auto views = f.OptionalNumber("views");
  auto partner_slug = f.OptionalString("partner");
  auto original_url = f.OptionalString("original_url");
  auto lead = f.OptionalBool("lead", false);
  auto old_slugs = f.StringArray("old_slugs");
  for (auto* r : {&title, &dek, &section_slug, &partner_slug, &original_url}) {
    if (!*r) return base::Unexpected(r->error());
  }
  for (auto* r : {&author_slugs, &tag_names, &old_slugs}) {
    if (!*r) return base::Unexpected(r->error());
  }
  if (!age_hours) return base::Unexpected(age_hours.error());
  if (!views) return base::Unexpected(views.error());
  if (!lead) return base::Unexpected(lead.error());
  if (auto status = f.RejectUnknownKeys(); !status) return status;
  if (author_slugs->empty())
    return base::InvalidArgumentError(f.LocateKey("authors", "'authors' is empty"));

  content::Article article;
  article.title = *title;
  article.dek = *dek;
  article.body_md = std::string(doc->body);
  article.body_html = content::RenderMarkdown(article.body_md);
  article.word_count = content::CountWords(article.body_md);
  article.status = content::ArticleStatus::kPublished;
  article.published_at =
      now - std::chrono::seconds(static_cast<int64_t>(std::llround(age_hours->value_or(0) * 3600)));
  article.updated_at = article.published_at;
  article.original_url = *original_url;

  auto section = store.GetSectionBySlug(*section_slug);
  if (!section)
    return base::InvalidArgumentError(where + ": unknown section '" + *section_slug + "'");
  article.section_id = section->id;
  for (const std::string& slug : *author_slugs) {
    auto author = store.GetAuthorBySlug(slug);
    if (!author) return base::InvalidArgumentError(where + ": unknown author '" + slug + "'");
    article.author_ids.push_back(author->id);
  }
  if (!partner_slug->empty()) {
    auto partner = store.GetPartnerBySlug(*partner_slug);
    if (!partner)
      return base::InvalidArgumentError(where + ": unknown partner '" + *partner_slug + "'");
    article.partner_id = partner->id;
  }
  for (const std::string& name : *tag_names) {
    auto id = store.UpsertTag({.id = 0, .slug = content::Slugify(name), .name = name});
    if (!id) return base::Unexpected(id.error());
    article.tag_ids.push_back(*id);
  }

  auto taken = [&](const std::string& slug) {
    auto result = store.IsSlugTaken(store::SlugKind::kArticle, slug);
    return !result || *result;
  };
  std::string slug = content::UniqueSlug(content::Slugify(article.title), taken);

  // An article that moved is stored where it was first, then moved, as an edit would do it,
  // so that its old addresses redirect.
  std::vector<std::string> history = *old_slugs;
  article.slug = history.empty() ? slug : history.front();
  auto id = store.CreateArticle(article);
  if (!id) return base::InvalidArgumentError(Prefixed(where, id.error()));
  article.id = *id;
  for (size_t i = 1; i <= history.size(); ++i) {
    article.slug = i < history.size() ? history[i] : slug;
    if (auto status = store.UpdateArticle(article); !status) return status;
    ++article.version;  // what the store now holds, so that the next move starts from it
  }

  if (views->value_or(0) > 0) {
    auto status = AddDemoViews(store, article.id, static_cast<int64_t>(**views), now);
    if (!status) return status;
  }
  if (*lead) return store.SetSetting("home.lead_article_id", std::to_string(article.id));
  return base::Ok();
}

}  // namespace

Result<BundleSummary> LoadSiteBundle(store::Store& store, const BundleFiles& files,
                                     base::Seconds now) {
  BundleSummary summary;
  auto site = files.find("site.toml");
  if (site == files.end()) return base::InvalidArgumentError("site bundle has no site.toml");
  if (auto status = LoadSiteToml(store, site->second, summary); !status) {
    return base::Unexpected(status.error());
  }
  // std::map keeps paths sorted, so articles load in their file order.
  for (const auto& [path, text] : files) {
    if (!path.starts_with("articles/") || !path.ends_with(".md")) continue;
    if (auto status = LoadArticle(store, path, text, now); !status) {
      return base::Unexpected(status.error());
    }
    ++summary.articles;
  }
  return summary;
}

}  // namespace gazette::ingest
