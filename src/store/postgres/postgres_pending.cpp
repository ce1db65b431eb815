// PostgresStore: the methods not yet carried over from the SQLite backend. Each fails with
// Internal "not implemented on PostgreSQL yet: NAME". This file exists only on the postgres
// branch, while the backend is being written (issue 6), and goes once it is empty.
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

base::Error NotYet(std::string_view method) {
  return base::Error(base::ErrorCode::kInternal,
                     "not implemented on PostgreSQL yet: " + std::string(method));
}

}  // namespace

Result<int64_t> PostgresStore::CreateArticle(const content::Article& /*article*/) {
  return base::Unexpected(NotYet("CreateArticle"));
}

Result<std::vector<int64_t>> PostgresStore::CreateArticles(
    std::span<const content::Article> /*articles*/) {
  return base::Unexpected(NotYet("CreateArticles"));
}

Status PostgresStore::UpdateArticle(const content::Article& /*article*/) {
  return base::Unexpected(NotYet("UpdateArticle"));
}

Result<content::Article> PostgresStore::GetArticle(int64_t /*id*/) {
  return base::Unexpected(NotYet("GetArticle"));
}

Result<content::Article> PostgresStore::GetPublishedArticle(int64_t /*section_id*/,
                                                            std::string_view /*slug*/) {
  return base::Unexpected(NotYet("GetPublishedArticle"));
}

Result<content::Article> PostgresStore::FindMovedArticle(int64_t /*section_id*/,
                                                         std::string_view /*slug*/) {
  return base::Unexpected(NotYet("FindMovedArticle"));
}

Result<content::Article> PostgresStore::GetArticleBySlug(std::string_view /*slug*/) {
  return base::Unexpected(NotYet("GetArticleBySlug"));
}

Result<std::vector<content::Article>> PostgresStore::ListPublished(const ArticleQuery& /*query*/) {
  return base::Unexpected(NotYet("ListPublished"));
}

Result<int64_t> PostgresStore::CountPublished(const ArticleQuery& /*query*/) {
  return base::Unexpected(NotYet("CountPublished"));
}

Result<std::vector<content::Article>> PostgresStore::ListArticles(const ArticleFilter& /*filter*/) {
  return base::Unexpected(NotYet("ListArticles"));
}

Result<int64_t> PostgresStore::CountArticles(const ArticleFilter& /*filter*/) {
  return base::Unexpected(NotYet("CountArticles"));
}

Result<std::vector<int64_t>> PostgresStore::PublishDueArticles(base::Seconds /*now*/) {
  return base::Unexpected(NotYet("PublishDueArticles"));
}

Result<SearchPage> PostgresStore::SearchArticles(const SearchQuery& /*query*/) {
  return base::Unexpected(NotYet("SearchArticles"));
}

Result<std::vector<content::Article>> PostgresStore::ListRelated(int64_t /*article_id*/,
                                                                 int /*limit*/) {
  return base::Unexpected(NotYet("ListRelated"));
}

Result<int64_t> PostgresStore::CreateRevision(const content::Revision& /*revision*/) {
  return base::Unexpected(NotYet("CreateRevision"));
}

Result<std::vector<content::Revision>> PostgresStore::ListRevisions(int64_t /*article_id*/) {
  return base::Unexpected(NotYet("ListRevisions"));
}

Result<content::Revision> PostgresStore::GetRevision(int64_t /*id*/) {
  return base::Unexpected(NotYet("GetRevision"));
}

Status PostgresStore::AddRedirect(std::string_view /*path*/, int64_t /*article_id*/) {
  return base::Unexpected(NotYet("AddRedirect"));
}

Result<int64_t> PostgresStore::FindRedirect(std::string_view /*path*/) {
  return base::Unexpected(NotYet("FindRedirect"));
}

Result<std::vector<Redirect>> PostgresStore::ListRedirects() {
  return base::Unexpected(NotYet("ListRedirects"));
}

Result<int64_t> PostgresStore::CreateMedia(const content::Media& /*media*/) {
  return base::Unexpected(NotYet("CreateMedia"));
}

Result<content::Media> PostgresStore::GetMedia(int64_t /*id*/) {
  return base::Unexpected(NotYet("GetMedia"));
}

Result<content::MediaVariant> PostgresStore::GetMediaVariant(int64_t /*media_id*/, int /*width*/,
                                                             content::ImageFormat /*format*/) {
  return base::Unexpected(NotYet("GetMediaVariant"));
}

Result<std::vector<content::Media>> PostgresStore::ListMedia(int /*limit*/, int /*offset*/) {
  return base::Unexpected(NotYet("ListMedia"));
}

Status PostgresStore::AddViews(std::span<const ViewCount> /*views*/) {
  return base::Unexpected(NotYet("AddViews"));
}

Result<std::vector<content::Article>> PostgresStore::MostViewed(int64_t /*since_day*/,
                                                                int /*limit*/) {
  return base::Unexpected(NotYet("MostViewed"));
}

}  // namespace gazette::store::postgres
