// The pieces of an article write that CreateArticle (sqlite_articles.cpp) and the batch write
// CreateArticles (sqlite_bulk_articles.cpp) share, so that both store an article the same way.
// Private to store/sqlite/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "content/model.h"
#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

// "article 'SLUG'", the context of an article write's errors.
std::string ArticleName(const content::Article& article);

// InvalidArgument naming the article and the missing row unless its section, partner, authors,
// tags and lead image exist, and no author or tag is listed twice. created_by is not checked:
// an update keeps the stored one.
base::Status CheckArticleReferences(Db& db, const content::Article& article);

// The columns a new article is inserted with, as named parameters for BindArticleFields
// (":status" included) and ":created_by"; the article starts at version 1.
inline constexpr std::string_view kInsertArticleSql =
    "INSERT INTO articles (slug, title, dek, status, section_id, partner_id, original_url, "
    "published_at, updated_at, word_count, lead_image_id, lead_image_alt, created_by, version) "
    "VALUES (:slug, :title, :dek, :status, :section_id, :partner_id, :original_url, "
    ":published_at, :updated_at, :word_count, :lead_image_id, :lead_image_alt, :created_by, 1)";

// Binds the article's own fields, but its bodies, to the named parameters shared by INSERT and
// UPDATE.
void BindArticleFields(Statement& stmt, const content::Article& article);

// Inserts or replaces the body row (0009) of article `id`: its Markdown, its HTML and
// `body_text`, the plain text of its body, which the search index holds.
base::Status WriteBody(Db& db, int64_t id, const content::Article& article,
                       std::string_view body_text);

// Forgets that some article used to live at (section, slug): an article lives there now.
base::Status ClearHistoryAt(Db& db, int64_t section_id, std::string_view slug);

}  // namespace gazette::store::sqlite
