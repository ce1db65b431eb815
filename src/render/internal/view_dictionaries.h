// Fills ctemplate dictionaries from view models: one function per page, built from shared ones
// for the site chrome, page metadata, article cards and pagination. Private to render/.
#pragma once

#include <array>
#include <string_view>

#include "render/internal/ctemplate.h"
#include "render/views.h"

namespace gazette::render::internal {

// Every page is expanded from the layout, which includes the page's own template as CONTENT.
inline constexpr std::string_view kLayoutTemplate = "layout.tpl";
inline constexpr std::string_view kHomeTemplate = "home.tpl";
inline constexpr std::string_view kListTemplate = "list.tpl";
inline constexpr std::string_view kArticleTemplate = "article.tpl";
inline constexpr std::string_view kErrorTemplate = "error.tpl";
// Optional: themes made before search have none (see SearchAsList).
inline constexpr std::string_view kSearchTemplate = "search.tpl";

// The templates the dictionaries below refer to; a theme must have them all.
inline constexpr std::array<std::string_view, 12> kRequiredTemplates = {
    kLayoutTemplate, kHomeTemplate, kListTemplate,  kArticleTemplate,
    kErrorTemplate,  "head.tpl",    "masthead.tpl", "footer.tpl",
    "lead.tpl",      "card.tpl",    "trending.tpl", "pagination.tpl"};

// Each fills `layout`, the dictionary of kLayoutTemplate, for one page whose own template is
// `page_template` (one of the names above, or an error template for FillError). The strings in
// `view` are copied: the view may go away before the dictionary is expanded.
void FillHome(const HomeView& view, ctemplate::TemplateDictionary& layout);
void FillList(const ListView& view, ctemplate::TemplateDictionary& layout);
void FillArticle(const ArticleView& view, ctemplate::TemplateDictionary& layout);
void FillSearch(const SearchView& view, ctemplate::TemplateDictionary& layout);
// The search page as a list page, for a theme without kSearchTemplate: the results (or the
// suggestions) as cards, under a heading that says what was asked.
ListView SearchAsList(const SearchView& view);
void FillError(const ErrorView& view, std::string_view page_template,
               ctemplate::TemplateDictionary& layout);

}  // namespace gazette::render::internal
