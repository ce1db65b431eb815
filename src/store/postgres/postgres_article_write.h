// The pieces of an article write that CreateArticle (postgres_articles.cpp) and the batch write
// CreateArticles share, so that both store an article the same way. Private to store/postgres/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "content/model.h"
#include "store/postgres/pg_connection.h"

namespace gazette::store::postgres {

// "article 'SLUG'", the context of an article write's errors.
std::string ArticleName(const content::Article& article);

// InvalidArgument naming the article and the missing row unless its section, partner, authors,
// tags, lead image and (when `with_creator`) created_by exist, and no author or tag is listed
// twice.
base::Status CheckArticleReferences(Connection& connection, const content::Article& article,
                                    bool with_creator);

// Inserts the article's row at version 1 and its body row (WriteBody); returns its id.
base::Result<int64_t> InsertArticle(Connection& connection, const content::Article& article,
                                    std::string_view body_text);

// Inserts or replaces the body row (0009) of article `id`: its Markdown, its HTML and
// `body_text`, the plain text of its body, which the search index holds.
base::Status WriteBody(Connection& connection, int64_t id, const content::Article& article,
                       std::string_view body_text);

// Replaces the article's author and tag links with those of `article`.
base::Status WriteLinks(Connection& connection, int64_t article_id,
                        const content::Article& article);

// Forgets that some article used to live at (section, slug): an article lives there now.
base::Status ClearHistoryAt(Connection& connection, int64_t section_id, std::string_view slug);

}  // namespace gazette::store::postgres
