// Sample view models with realistic magazine content, for the render tests and for looking at a
// theme by eye. Test support only: nothing in the product links it.
#pragma once

#include "render/views.h"

namespace gazette::render::testing {

// "The Meridian Review": five regions and three topics in the navigation, asset URLs under
// /assets/, the year 2026.
SiteView SampleSite();

// One of twelve different articles, by `index` modulo twelve: varied sections, one to three
// authors, a partner piece among them. Dated 24 November 2026, "4 days ago".
ArticleCard SampleCard(int index);

// A home page: a lead story, three section blocks of three or four cards, eight trending lines.
HomeView SampleHome();

// Page 2 of 7 of the "East Asia" region, with a description and six articles.
ListView SampleList();

// A partner piece with a lead image, footnotes, a pull quote and a table, two authors, tags and
// "more in".
ArticleView SampleArticle();

// "Page not found" for 404, "Something went wrong" otherwise; noindex, with latest articles.
ErrorView SampleError(int status);

}  // namespace gazette::render::testing
