#include "render/internal/view_dictionaries.h"

#include <string>
#include <utility>

namespace gazette::render::internal {
namespace {

using ctemplate::TemplateDictionary;

constexpr const char* kTitleSeparator = " \u2014 ";

ctemplate::TemplateString Str(std::string_view s) { return {s.data(), s.size()}; }

// Adds an include dictionary for the {{>NAME}} marker `name`, expanding `filename`. Adding
// several under one name repeats the include once per dictionary, like a section.
TemplateDictionary& AddInclude(TemplateDictionary& parent, const char* name,
                               std::string_view filename) {
  TemplateDictionary* child = parent.AddIncludeDictionary(name);
  child->SetFilename(Str(filename));
  return *child;
}

// Sets `variable` and shows the section `section` when `value` is not empty.
void SetOptional(TemplateDictionary& dict, const char* variable, const std::string& value,
                 const char* section) {
  if (value.empty()) return;
  dict.SetValue(variable, value);
  dict.ShowSection(section);
}

void FillLinks(const std::vector<Link>& links, const char* section, const char* shown,
               TemplateDictionary& dict) {
  for (const Link& link : links) {
    TemplateDictionary* item = dict.AddSectionDictionary(section);
    item->SetValue("NAME", link.name);
    item->SetValue("URL", link.url);
  }
  if (!links.empty()) dict.ShowSection(shown);
}

void FillNavigation(const SiteView& site, TemplateDictionary& dict) {
  FillLinks(site.regions, "REGIONS", "HAS_REGIONS", dict);
  FillLinks(site.topics, "TOPICS", "HAS_TOPICS", dict);
}

// The site-wide values, visible in every included template too.
void FillSite(const SiteView& site, TemplateDictionary& layout) {
  layout.SetTemplateGlobalValue("SITE_NAME", site.name);
  layout.SetTemplateGlobalValue("SITE_TAGLINE", site.tagline);
  layout.SetTemplateGlobalValue("SITE_URL", site.url);
  layout.SetTemplateGlobalValue("SITE_LANGUAGE", site.language);
  layout.SetTemplateGlobalValue("YEAR", std::to_string(site.year));
  if (site.year > 0) layout.ShowTemplateGlobalSection("HAS_YEAR");
  if (!site.tagline.empty()) layout.ShowTemplateGlobalSection("HAS_TAGLINE");
  FillNavigation(site, AddInclude(layout, "MASTHEAD", "masthead.tpl"));
  FillNavigation(site, AddInclude(layout, "FOOTER", "footer.tpl"));
}

// "Title — Site" on inner pages; "Site — Tagline" (or "Site") on the home page.
std::string DocumentTitle(const SiteView& site, const PageMeta& meta, bool home) {
  if (home) return site.tagline.empty() ? site.name : site.name + kTitleSeparator + site.tagline;
  return meta.title.empty() ? site.name : meta.title + kTitleSeparator + site.name;
}

// `json` with '<', '>' and '&' written as JSON escapes: the same JSON (they can only occur in
// strings), but no "</script" or "<!--" can end or confuse the script element it is put in.
std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// og:image, the Twitter card, article:* properties and JSON-LD blocks.
void FillSocialMeta(const PageMeta& meta, TemplateDictionary& head) {
  if (meta.image) {
    TemplateDictionary* image = head.AddSectionDictionary("OG_IMAGE");
    image->SetValue("OG_IMAGE_URL", meta.image->url);
    if (meta.image->width > 0 && meta.image->height > 0) {
      image->SetIntValue("OG_IMAGE_WIDTH", meta.image->width);
      image->SetIntValue("OG_IMAGE_HEIGHT", meta.image->height);
      image->ShowSection("HAS_OG_IMAGE_SIZE");
    }
    SetOptional(*image, "OG_IMAGE_ALT", meta.image->alt, "HAS_OG_IMAGE_ALT");
  }
  head.SetValue("TWITTER_CARD", meta.image ? "summary_large_image" : "summary");
  if (meta.article) {
    TemplateDictionary* article = head.AddSectionDictionary("OG_ARTICLE");
    article->SetValue("PUBLISHED_TIME", meta.article->published_time);
    article->SetValue("MODIFIED_TIME", meta.article->modified_time);
    SetOptional(*article, "ARTICLE_SECTION", meta.article->section, "HAS_ARTICLE_SECTION");
    for (const std::string& tag : meta.article->tags) {
      article->AddSectionDictionary("ARTICLE_TAGS")->SetValue("ARTICLE_TAG", tag);
    }
  }
  for (const std::string& json : meta.json_ld) {
    head.AddSectionDictionary("JSON_LD")->SetValue("JSON_LD_HTML", ScriptSafeJson(json));
  }
}

void FillMeta(const SiteView& site, const PageMeta& meta, std::string_view og_type, bool home,
              TemplateDictionary& layout) {
  TemplateDictionary& head = AddInclude(layout, "HEAD", "head.tpl");
  head.SetValue("DOCUMENT_TITLE", DocumentTitle(site, meta, home));
  head.SetValue("OG_TITLE", meta.title.empty() ? site.name : meta.title);
  head.SetValue("OG_TYPE", Str(og_type));
  SetOptional(head, "DESCRIPTION", meta.description, "HAS_DESCRIPTION");
  SetOptional(head, "CANONICAL_URL", meta.canonical_url, "HAS_CANONICAL");
  if (meta.noindex) head.ShowSection("NOINDEX");
  FillSocialMeta(meta, head);
  for (const FeedLink& feed : meta.feeds) {
    TemplateDictionary* item = head.AddSectionDictionary("FEEDS");
    item->SetValue("FEED_TITLE", feed.title);
    item->SetValue("FEED_TYPE", feed.type);
    item->SetValue("FEED_URL", feed.url);
  }
  SetOptional(head, "STYLESHEET_URL", site.stylesheet_url, "HAS_STYLESHEET");
  SetOptional(head, "SCRIPT_URL", site.script_url, "HAS_SCRIPT");
  SetOptional(head, "ICON_URL", site.icon_url, "HAS_ICON");
}

// The frame of every page: site values, <head>, masthead, footer, and the page's own template
// as CONTENT, whose dictionary is returned.
TemplateDictionary& FillLayout(const SiteView& site, const PageMeta& meta, std::string_view kind,
                               std::string_view page_template, TemplateDictionary& layout) {
  FillSite(site, layout);
  const bool home = kind == "home";
  FillMeta(site, meta, kind == "article" ? "article" : "website", home, layout);
  layout.SetValue("PAGE_KIND", Str(kind));
  return AddInclude(layout, "CONTENT", page_template);
}

void FillCardFields(const ArticleCard& card, TemplateDictionary& dict) {
  dict.SetValue("TITLE", card.title);
  dict.SetValue("URL", card.url);
  SetOptional(dict, "DEK", card.dek, "HAS_DEK");
  dict.SetValue("SECTION_NAME", card.section.name);
  dict.SetValue("SECTION_URL", card.section.url);
  for (const Link& author : card.authors) {
    TemplateDictionary* item = dict.AddSectionDictionary("AUTHORS");
    item->SetValue("AUTHOR_NAME", author.name);
    item->SetValue("AUTHOR_URL", author.url);
  }
  if (!card.authors.empty()) dict.ShowSection("HAS_AUTHORS");
  dict.SetValue("DATE_ISO", card.date_iso);
  dict.SetValue("DATE_LONG", card.date_long);
  dict.SetValue("DATE_RELATIVE", card.date_relative);
  dict.SetIntValue("READING_MINUTES", card.reading_minutes);
  SetOptional(dict, "PARTNER_NAME", card.partner_name, "HAS_PARTNER");
}

enum class Kicker { kShow, kHide };

// One card.tpl per article under the include marker `name`. `variant` names the card's style
// ("grid", "row"); the kicker (the section's name) is left out where the context already says
// which section the cards belong to.
void AddCards(const std::vector<ArticleCard>& cards, const char* name, std::string_view variant,
              Kicker kicker, TemplateDictionary& parent) {
  for (const ArticleCard& card : cards) {
    TemplateDictionary& dict = AddInclude(parent, name, "card.tpl");
    FillCardFields(card, dict);
    dict.SetValue("VARIANT", Str(variant));
    if (kicker == Kicker::kShow) dict.ShowSection("HAS_KICKER");
  }
}

void FillTrending(const std::vector<ArticleCard>& cards, const std::string& heading,
                  TemplateDictionary& parent) {
  if (cards.empty()) return;
  TemplateDictionary& trending = AddInclude(parent, "TRENDING", "trending.tpl");
  trending.SetValue("HEADING", heading.empty() ? std::string("Latest") : heading);
  for (const ArticleCard& card : cards) {
    FillCardFields(card, *trending.AddSectionDictionary("ITEMS"));
  }
}

void FillPagination(const Pagination& pagination, TemplateDictionary& parent) {
  const bool numbered = pagination.page > 0;
  if (numbered && pagination.total_pages <= 1) return;
  if (!numbered && pagination.next_url.empty() && pagination.previous_url.empty()) return;
  TemplateDictionary& dict = AddInclude(parent, "PAGINATION", "pagination.tpl");
  if (numbered) {
    dict.ShowSection("NUMBERED");
    dict.SetIntValue("PAGE", pagination.page);
    dict.SetIntValue("TOTAL_PAGES", pagination.total_pages);
  }
  SetOptional(dict, "PREVIOUS_URL", pagination.previous_url, "HAS_PREVIOUS");
  SetOptional(dict, "NEXT_URL", pagination.next_url, "HAS_NEXT");
}

// A <picture> under the section marker `section`: each preferred format as a <source>, the
// JPEG candidates and the intrinsic size on the <img>.
void FillImage(const ResponsiveImage& image, const char* section, TemplateDictionary& parent) {
  TemplateDictionary* dict = parent.AddSectionDictionary(section);
  for (const ImageSource& source : image.sources) {
    TemplateDictionary* item = dict->AddSectionDictionary("IMAGE_SOURCES");
    item->SetValue("SOURCE_TYPE", source.type);
    item->SetValue("SOURCE_SRCSET", source.srcset);
  }
  dict->SetValue("IMAGE_SRC", image.src);
  dict->SetValue("IMAGE_SRCSET", image.srcset);
  dict->SetIntValue("IMAGE_WIDTH", image.width);
  dict->SetIntValue("IMAGE_HEIGHT", image.height);
  dict->SetValue("IMAGE_ALT", image.alt);
}

std::string KindLabel(const std::string& kind) {
  if (kind == "region") return "Region";
  if (kind == "topic") return "Topic";
  return kind;
}

// "https://www.lakeside.example/" -> "www.lakeside.example": how a partner's address reads on the
// page.
std::string UrlLabel(std::string url) {
  if (const auto scheme = url.find("://"); scheme != std::string::npos) url.erase(0, scheme + 3);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

void FillHome(const HomeView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "home", kHomeTemplate, layout);
  if (view.lead) {
    TemplateDictionary& lead = AddInclude(page, "LEAD", "lead.tpl");
    FillCardFields(*view.lead, lead);
    page.ShowSection("HAS_LEAD");
  }
  int index = 0;
  for (const SectionBlock& block : view.sections) {
    TemplateDictionary* dict = page.AddSectionDictionary("SECTION_BLOCKS");
    dict->SetIntValue("BLOCK_INDEX", ++index);
    dict->SetValue("SECTION_NAME", block.section.name);
    dict->SetValue("SECTION_URL", block.section.url);
    dict->SetValue("KIND", block.kind);
    dict->SetValue("KIND_LABEL", KindLabel(block.kind));
    AddCards(block.articles, "CARDS", "grid", Kicker::kHide, *dict);
  }
  FillTrending(view.trending, view.trending_heading, page);
}

void FillList(const ListView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "list", kListTemplate, layout);
  page.SetValue("KIND_LABEL", view.kind_label);
  page.SetValue("HEADING", view.heading);
  SetOptional(page, "DESCRIPTION", view.description, "HAS_DESCRIPTION");
  if (!view.external_url.empty()) {
    page.SetValue("EXTERNAL_URL", view.external_url);
    page.SetValue("EXTERNAL_LABEL", UrlLabel(view.external_url));
    page.ShowSection("HAS_EXTERNAL");
  }
  AddCards(view.articles, "ARTICLES", "row", Kicker::kShow, page);
  if (view.articles.empty()) page.ShowSection("NO_ARTICLES");
  FillPagination(view.pagination, page);
  FillTrending(view.trending, view.trending_heading, page);
}

void FillSearch(const SearchView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "search", kSearchTemplate, layout);
  page.SetValue("QUERY", view.query);
  for (const auto& [options, section] :
       {std::pair{&view.sections, "SECTION_OPTIONS"}, std::pair{&view.authors, "AUTHOR_OPTIONS"}}) {
    for (const SearchOption& option : *options) {
      TemplateDictionary* item = page.AddSectionDictionary(section);
      item->SetValue("VALUE", option.value);
      item->SetValue("LABEL", option.label);
      if (option.selected) item->ShowSection("SELECTED");
    }
  }
  page.SetValue("FROM", view.from);
  page.SetValue("TO", view.to);
  if (view.searched) {
    page.ShowSection("SEARCHED");
    page.SetValue("TOTAL", view.more ? "More than " + std::to_string(view.total)
                                     : std::to_string(view.total));
    page.SetValue("RESULTS_NOUN", view.total == 1 && !view.more ? "result" : "results");
    for (const SearchResult& result : view.results) {
      TemplateDictionary* item = page.AddSectionDictionary("RESULTS");
      FillCardFields(result.article, *item);
      item->SetValue("SNIPPET_HTML", result.snippet_html);
    }
    if (view.results.empty()) page.ShowSection("NO_RESULTS");
  } else {
    page.ShowSection("NOT_SEARCHED");
  }
  AddCards(view.suggestions, "SUGGESTIONS", "row", Kicker::kShow, page);
  if (!view.suggestions.empty()) page.ShowSection("HAS_SUGGESTIONS");
  FillPagination(view.pagination, page);
}

ListView SearchAsList(const SearchView& view) {
  ListView list;
  list.site = view.site;
  list.meta = view.meta;
  list.kind_label = "Search";
  if (!view.searched) {
    list.heading = "Search";
  } else {
    list.heading = std::to_string(view.total) + (view.total == 1 ? " result" : " results") +
                   " for \u201c" + view.query + "\u201d";
  }
  for (const SearchResult& result : view.results) list.articles.push_back(result.article);
  if (list.articles.empty()) list.articles = view.suggestions;
  list.pagination = view.pagination;
  return list;
}

void FillArticle(const ArticleView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "article", kArticleTemplate, layout);
  FillCardFields(view.article, page);
  if (view.lead_image) FillImage(*view.lead_image, "LEAD_IMAGE", page);
  page.SetValue("BODY_HTML", view.body_html);
  if (view.credit) {
    TemplateDictionary* credit = page.AddSectionDictionary("CREDIT");
    credit->SetValue("CREDIT_NAME", view.credit->name);
    credit->SetValue("CREDIT_ORIGINAL_URL", view.credit->original_url);
    SetOptional(*credit, "CREDIT_PARTNER_URL", view.credit->partner_url, "HAS_PARTNER_PAGE");
  }
  for (const Link& tag : view.tags) {
    TemplateDictionary* item = page.AddSectionDictionary("TAGS");
    item->SetValue("TAG_NAME", tag.name);
    item->SetValue("TAG_URL", tag.url);
  }
  if (!view.tags.empty()) page.ShowSection("HAS_TAGS");
  AddCards(view.related, "RELATED_CARDS", "grid", Kicker::kShow, page);
  if (!view.related.empty()) page.ShowSection("HAS_RELATED");
  AddCards(view.more_in_section, "MORE_CARDS", "grid", Kicker::kHide, page);
  if (!view.more_in_section.empty()) page.ShowSection("HAS_MORE");
  FillTrending(view.trending, view.trending_heading, page);
}

void FillError(const ErrorView& view, std::string_view page_template, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "error", page_template, layout);
  page.SetIntValue("STATUS", view.status);
  page.SetValue("HEADING", view.heading);
  page.SetValue("MESSAGE", view.message);
  AddCards(view.latest, "LATEST", "grid", Kicker::kShow, page);
  if (!view.latest.empty()) page.ShowSection("HAS_LATEST");
}

}  // namespace gazette::render::internal
