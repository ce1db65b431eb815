#include "render/internal/view_dictionaries.h"

#include <string>
#include <utility>

#include "render/internal/template_key.h"

namespace gazette::render::internal {
namespace {

using ctemplate::TemplateDictionary;
using ctemplate::TemplateString;

constexpr const char* kTitleSeparator = " \u2014 ";

TemplateString Str(std::string_view s) { return {s.data(), s.size()}; }

// Adds an include dictionary for the {{>NAME}} marker `name`, expanding `filename`. Adding
// several under one name repeats the include once per dictionary, like a section.
TemplateDictionary& AddInclude(TemplateDictionary& parent, TemplateString name,
                               std::string_view filename) {
  TemplateDictionary* child = parent.AddIncludeDictionary(name);
  child->SetFilename(Str(filename));
  return *child;
}

// Sets `variable` and shows the section `section` when `value` is not empty.
void SetOptional(TemplateDictionary& dict, TemplateString variable, const std::string& value,
                 TemplateString section) {
  if (value.empty()) return;
  dict.SetValue(variable, value);
  dict.ShowSection(section);
}

void FillLinks(const std::vector<Link>& links, TemplateString section, TemplateString shown,
               TemplateDictionary& dict) {
  for (const Link& link : links) {
    TemplateDictionary* item = dict.AddSectionDictionary(section);
    item->SetValue(Key<"NAME">(), link.name);
    item->SetValue(Key<"URL">(), link.url);
  }
  if (!links.empty()) dict.ShowSection(shown);
}

void FillNavigation(const SiteView& site, TemplateDictionary& dict) {
  FillLinks(site.regions, Key<"REGIONS">(), Key<"HAS_REGIONS">(), dict);
  FillLinks(site.topics, Key<"TOPICS">(), Key<"HAS_TOPICS">(), dict);
}

// The site-wide values, visible in every included template too.
void FillSite(const SiteView& site, TemplateDictionary& layout) {
  layout.SetTemplateGlobalValue(Key<"SITE_NAME">(), site.name);
  layout.SetTemplateGlobalValue(Key<"SITE_TAGLINE">(), site.tagline);
  layout.SetTemplateGlobalValue(Key<"SITE_URL">(), site.url);
  layout.SetTemplateGlobalValue(Key<"SITE_LANGUAGE">(), site.language);
  layout.SetTemplateGlobalValue(Key<"YEAR">(), std::to_string(site.year));
  if (site.year > 0) layout.ShowTemplateGlobalSection(Key<"HAS_YEAR">());
  if (!site.tagline.empty()) layout.ShowTemplateGlobalSection(Key<"HAS_TAGLINE">());
  FillNavigation(site, AddInclude(layout, Key<"MASTHEAD">(), "masthead.tpl"));
  FillNavigation(site, AddInclude(layout, Key<"FOOTER">(), "footer.tpl"));
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
    TemplateDictionary* image = head.AddSectionDictionary(Key<"OG_IMAGE">());
    image->SetValue(Key<"OG_IMAGE_URL">(), meta.image->url);
    if (meta.image->width > 0 && meta.image->height > 0) {
      image->SetIntValue(Key<"OG_IMAGE_WIDTH">(), meta.image->width);
      image->SetIntValue(Key<"OG_IMAGE_HEIGHT">(), meta.image->height);
      image->ShowSection(Key<"HAS_OG_IMAGE_SIZE">());
    }
    SetOptional(*image, Key<"OG_IMAGE_ALT">(), meta.image->alt, Key<"HAS_OG_IMAGE_ALT">());
  }
  head.SetValue(Key<"TWITTER_CARD">(), meta.image ? "summary_large_image" : "summary");
  if (meta.article) {
    TemplateDictionary* article = head.AddSectionDictionary(Key<"OG_ARTICLE">());
    article->SetValue(Key<"PUBLISHED_TIME">(), meta.article->published_time);
    article->SetValue(Key<"MODIFIED_TIME">(), meta.article->modified_time);
    SetOptional(*article, Key<"ARTICLE_SECTION">(), meta.article->section,
                Key<"HAS_ARTICLE_SECTION">());
    for (const std::string& tag : meta.article->tags) {
      article->AddSectionDictionary(Key<"ARTICLE_TAGS">())->SetValue(Key<"ARTICLE_TAG">(), tag);
    }
  }
  for (const std::string& json : meta.json_ld) {
    head.AddSectionDictionary(Key<"JSON_LD">())
        ->SetValue(Key<"JSON_LD_HTML">(), ScriptSafeJson(json));
  }
}

void FillMeta(const SiteView& site, const PageMeta& meta, std::string_view og_type, bool home,
              TemplateDictionary& layout) {
  TemplateDictionary& head = AddInclude(layout, Key<"HEAD">(), "head.tpl");
  head.SetValue(Key<"DOCUMENT_TITLE">(), DocumentTitle(site, meta, home));
  head.SetValue(Key<"OG_TITLE">(), meta.title.empty() ? site.name : meta.title);
  head.SetValue(Key<"OG_TYPE">(), Str(og_type));
  SetOptional(head, Key<"DESCRIPTION">(), meta.description, Key<"HAS_DESCRIPTION">());
  SetOptional(head, Key<"CANONICAL_URL">(), meta.canonical_url, Key<"HAS_CANONICAL">());
  if (meta.noindex) head.ShowSection(Key<"NOINDEX">());
  FillSocialMeta(meta, head);
  for (const FeedLink& feed : meta.feeds) {
    TemplateDictionary* item = head.AddSectionDictionary(Key<"FEEDS">());
    item->SetValue(Key<"FEED_TITLE">(), feed.title);
    item->SetValue(Key<"FEED_TYPE">(), feed.type);
    item->SetValue(Key<"FEED_URL">(), feed.url);
  }
  SetOptional(head, Key<"STYLESHEET_URL">(), site.stylesheet_url, Key<"HAS_STYLESHEET">());
  SetOptional(head, Key<"SCRIPT_URL">(), site.script_url, Key<"HAS_SCRIPT">());
  SetOptional(head, Key<"ICON_URL">(), site.icon_url, Key<"HAS_ICON">());
}

// The frame of every page: site values, <head>, masthead, footer, and the page's own template
// as CONTENT, whose dictionary is returned.
TemplateDictionary& FillLayout(const SiteView& site, const PageMeta& meta, std::string_view kind,
                               std::string_view page_template, TemplateDictionary& layout) {
  FillSite(site, layout);
  const bool home = kind == "home";
  FillMeta(site, meta, kind == "article" ? "article" : "website", home, layout);
  layout.SetValue(Key<"PAGE_KIND">(), Str(kind));
  return AddInclude(layout, Key<"CONTENT">(), page_template);
}

void FillCardFields(const ArticleCard& card, TemplateDictionary& dict) {
  dict.SetValue(Key<"TITLE">(), card.title);
  dict.SetValue(Key<"URL">(), card.url);
  SetOptional(dict, Key<"DEK">(), card.dek, Key<"HAS_DEK">());
  dict.SetValue(Key<"SECTION_NAME">(), card.section.name);
  dict.SetValue(Key<"SECTION_URL">(), card.section.url);
  for (const Link& author : card.authors) {
    TemplateDictionary* item = dict.AddSectionDictionary(Key<"AUTHORS">());
    item->SetValue(Key<"AUTHOR_NAME">(), author.name);
    item->SetValue(Key<"AUTHOR_URL">(), author.url);
  }
  if (!card.authors.empty()) dict.ShowSection(Key<"HAS_AUTHORS">());
  dict.SetValue(Key<"DATE_ISO">(), card.date_iso);
  dict.SetValue(Key<"DATE_LONG">(), card.date_long);
  dict.SetValue(Key<"DATE_RELATIVE">(), card.date_relative);
  dict.SetIntValue(Key<"READING_MINUTES">(), card.reading_minutes);
  SetOptional(dict, Key<"PARTNER_NAME">(), card.partner_name, Key<"HAS_PARTNER">());
}

enum class Kicker { kShow, kHide };

// One card.tpl per article under the include marker `name`. `variant` names the card's style
// ("grid", "row"); the kicker (the section's name) is left out where the context already says
// which section the cards belong to.
void AddCards(const std::vector<ArticleCard>& cards, TemplateString name, std::string_view variant,
              Kicker kicker, TemplateDictionary& parent) {
  for (const ArticleCard& card : cards) {
    TemplateDictionary& dict = AddInclude(parent, name, "card.tpl");
    FillCardFields(card, dict);
    dict.SetValue(Key<"VARIANT">(), Str(variant));
    if (kicker == Kicker::kShow) dict.ShowSection(Key<"HAS_KICKER">());
  }
}

void FillTrending(const std::vector<ArticleCard>& cards, const std::string& heading,
                  TemplateDictionary& parent) {
  if (cards.empty()) return;
  TemplateDictionary& trending = AddInclude(parent, Key<"TRENDING">(), "trending.tpl");
  trending.SetValue(Key<"HEADING">(), heading.empty() ? std::string("Latest") : heading);
  for (const ArticleCard& card : cards) {
    FillCardFields(card, *trending.AddSectionDictionary(Key<"ITEMS">()));
  }
}

void FillPagination(const Pagination& pagination, TemplateDictionary& parent) {
  const bool numbered = pagination.page > 0;
  if (numbered && pagination.total_pages <= 1) return;
  if (!numbered && pagination.next_url.empty() && pagination.previous_url.empty()) return;
  TemplateDictionary& dict = AddInclude(parent, Key<"PAGINATION">(), "pagination.tpl");
  if (numbered) {
    dict.ShowSection(Key<"NUMBERED">());
    dict.SetIntValue(Key<"PAGE">(), pagination.page);
    dict.SetIntValue(Key<"TOTAL_PAGES">(), pagination.total_pages);
  }
  SetOptional(dict, Key<"PREVIOUS_URL">(), pagination.previous_url, Key<"HAS_PREVIOUS">());
  SetOptional(dict, Key<"NEXT_URL">(), pagination.next_url, Key<"HAS_NEXT">());
}

// A <picture> under the section marker `section`: each preferred format as a <source>, the
// JPEG candidates and the intrinsic size on the <img>.
void FillImage(const ResponsiveImage& image, TemplateString section, TemplateDictionary& parent) {
  TemplateDictionary* dict = parent.AddSectionDictionary(section);
  for (const ImageSource& source : image.sources) {
    TemplateDictionary* item = dict->AddSectionDictionary(Key<"IMAGE_SOURCES">());
    item->SetValue(Key<"SOURCE_TYPE">(), source.type);
    item->SetValue(Key<"SOURCE_SRCSET">(), source.srcset);
  }
  dict->SetValue(Key<"IMAGE_SRC">(), image.src);
  dict->SetValue(Key<"IMAGE_SRCSET">(), image.srcset);
  dict->SetIntValue(Key<"IMAGE_WIDTH">(), image.width);
  dict->SetIntValue(Key<"IMAGE_HEIGHT">(), image.height);
  dict->SetValue(Key<"IMAGE_ALT">(), image.alt);
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
    TemplateDictionary& lead = AddInclude(page, Key<"LEAD">(), "lead.tpl");
    FillCardFields(*view.lead, lead);
    page.ShowSection(Key<"HAS_LEAD">());
  }
  int index = 0;
  for (const SectionBlock& block : view.sections) {
    TemplateDictionary* dict = page.AddSectionDictionary(Key<"SECTION_BLOCKS">());
    dict->SetIntValue(Key<"BLOCK_INDEX">(), ++index);
    dict->SetValue(Key<"SECTION_NAME">(), block.section.name);
    dict->SetValue(Key<"SECTION_URL">(), block.section.url);
    dict->SetValue(Key<"KIND">(), block.kind);
    dict->SetValue(Key<"KIND_LABEL">(), KindLabel(block.kind));
    AddCards(block.articles, Key<"CARDS">(), "grid", Kicker::kHide, *dict);
  }
  FillTrending(view.trending, view.trending_heading, page);
}

void FillList(const ListView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "list", kListTemplate, layout);
  page.SetValue(Key<"KIND_LABEL">(), view.kind_label);
  page.SetValue(Key<"HEADING">(), view.heading);
  SetOptional(page, Key<"DESCRIPTION">(), view.description, Key<"HAS_DESCRIPTION">());
  if (!view.external_url.empty()) {
    page.SetValue(Key<"EXTERNAL_URL">(), view.external_url);
    page.SetValue(Key<"EXTERNAL_LABEL">(), UrlLabel(view.external_url));
    page.ShowSection(Key<"HAS_EXTERNAL">());
  }
  AddCards(view.articles, Key<"ARTICLES">(), "row", Kicker::kShow, page);
  if (view.articles.empty()) page.ShowSection(Key<"NO_ARTICLES">());
  FillPagination(view.pagination, page);
  FillTrending(view.trending, view.trending_heading, page);
}

void FillSearch(const SearchView& view, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "search", kSearchTemplate, layout);
  page.SetValue(Key<"QUERY">(), view.query);
  for (const auto& [options, section] : {std::pair{&view.sections, Key<"SECTION_OPTIONS">()},
                                         std::pair{&view.authors, Key<"AUTHOR_OPTIONS">()}}) {
    for (const SearchOption& option : *options) {
      TemplateDictionary* item = page.AddSectionDictionary(section);
      item->SetValue(Key<"VALUE">(), option.value);
      item->SetValue(Key<"LABEL">(), option.label);
      if (option.selected) item->ShowSection(Key<"SELECTED">());
    }
  }
  page.SetValue(Key<"FROM">(), view.from);
  page.SetValue(Key<"TO">(), view.to);
  if (view.searched) {
    page.ShowSection(Key<"SEARCHED">());
    page.SetValue(Key<"TOTAL">(), view.more ? "More than " + std::to_string(view.total)
                                            : std::to_string(view.total));
    page.SetValue(Key<"RESULTS_NOUN">(), view.total == 1 && !view.more ? "result" : "results");
    for (const SearchResult& result : view.results) {
      TemplateDictionary* item = page.AddSectionDictionary(Key<"RESULTS">());
      FillCardFields(result.article, *item);
      item->SetValue(Key<"SNIPPET_HTML">(), result.snippet_html);
    }
    if (view.results.empty()) page.ShowSection(Key<"NO_RESULTS">());
  } else {
    page.ShowSection(Key<"NOT_SEARCHED">());
  }
  AddCards(view.suggestions, Key<"SUGGESTIONS">(), "row", Kicker::kShow, page);
  if (!view.suggestions.empty()) page.ShowSection(Key<"HAS_SUGGESTIONS">());
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
  if (view.lead_image) FillImage(*view.lead_image, Key<"LEAD_IMAGE">(), page);
  page.SetValue(Key<"BODY_HTML">(), view.body_html);
  if (view.credit) {
    TemplateDictionary* credit = page.AddSectionDictionary(Key<"CREDIT">());
    credit->SetValue(Key<"CREDIT_NAME">(), view.credit->name);
    credit->SetValue(Key<"CREDIT_ORIGINAL_URL">(), view.credit->original_url);
    SetOptional(*credit, Key<"CREDIT_PARTNER_URL">(), view.credit->partner_url,
                Key<"HAS_PARTNER_PAGE">());
  }
  for (const Link& tag : view.tags) {
    TemplateDictionary* item = page.AddSectionDictionary(Key<"TAGS">());
    item->SetValue(Key<"TAG_NAME">(), tag.name);
    item->SetValue(Key<"TAG_URL">(), tag.url);
  }
  if (!view.tags.empty()) page.ShowSection(Key<"HAS_TAGS">());
  AddCards(view.related, Key<"RELATED_CARDS">(), "grid", Kicker::kShow, page);
  if (!view.related.empty()) page.ShowSection(Key<"HAS_RELATED">());
  AddCards(view.more_in_section, Key<"MORE_CARDS">(), "grid", Kicker::kHide, page);
  if (!view.more_in_section.empty()) page.ShowSection(Key<"HAS_MORE">());
  FillTrending(view.trending, view.trending_heading, page);
}

void FillError(const ErrorView& view, std::string_view page_template, TemplateDictionary& layout) {
  TemplateDictionary& page = FillLayout(view.site, view.meta, "error", page_template, layout);
  page.SetIntValue(Key<"STATUS">(), view.status);
  page.SetValue(Key<"HEADING">(), view.heading);
  page.SetValue(Key<"MESSAGE">(), view.message);
  AddCards(view.latest, Key<"LATEST">(), "grid", Kicker::kShow, page);
  if (!view.latest.empty()) page.ShowSection(Key<"HAS_LATEST">());
}

}  // namespace gazette::render::internal
