#include "site/old_addresses.h"

#include <algorithm>
#include <string>

#include "site/page_builder.h"

namespace gazette::site {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && text.size() <= 19 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsNumericPostLink(const http::Request& request) {
  if (request.path != "/") return false;
  auto post = request.QueryParam("p");
  return post && AllDigits(*post);
}

base::Result<http::Response> RedirectFromOldAddress(store::Store& store,
                                                    const http::Request& request) {
  const std::string key =
      IsNumericPostLink(request) ? "/?p=" + *request.QueryParam("p") : request.path;
  auto article_id = store.FindRedirect(key);
  if (!article_id) return base::Unexpected(article_id.error());
  auto article = store.GetArticle(*article_id);
  if (!article) return base::Unexpected(article.error());
  if (article->status != content::ArticleStatus::kPublished) {
    return base::NotFoundError("the article once at " + key + " is not published");
  }
  auto section = store.GetSection(article->section_id);
  if (!section) return base::Unexpected(section.error());
  std::string url = ArticleUrl(*section, *article);
  if (url == request.path) return base::NotFoundError("a redirect to itself");
  return http::Response::Redirect(301, url);
}

}  // namespace gazette::site
