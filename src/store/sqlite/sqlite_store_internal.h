// The SQLite Store's class, shared by the files that implement it; private to store/sqlite/.
#pragma once

#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include "store/sqlite/read_pool.h"
#include "store/sqlite/sqlite_bulk_search.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace gazette::store::sqlite {

// Store on one SQLite file: a single writer connection serialized by a mutex, and a pool of
// read-only connections for parallel reads (WAL lets them run beside the writer).
// Safe for concurrent use.
class SqliteStore final : public Store {
 public:
  // REQUIRES: `writer` is configured and migrated; `readers` is not empty. `bulk_search`: where
  // CreateArticles indexes the articles of a bulk load, or null for the database's own index.
  SqliteStore(std::unique_ptr<Db> writer, std::vector<std::unique_ptr<Db>> readers,
              std::unique_ptr<BulkSearchIndex> bulk_search = nullptr)
      : writer_(std::move(writer)),
        readers_(std::move(readers)),
        bulk_search_(std::move(bulk_search)) {}

  Result<std::vector<content::Section>> ListSections() override;
  Result<content::Section> GetSectionBySlug(std::string_view slug) override;
  Result<content::Section> GetSection(int64_t id) override;
  Result<int64_t> CreateSection(const content::Section& section) override;
  Status UpdateSection(const content::Section& section) override;

  Result<std::vector<content::Author>> ListAuthors() override;
  Result<content::Author> GetAuthorBySlug(std::string_view slug) override;
  Result<std::vector<content::Author>> GetAuthors(std::span<const int64_t> ids) override;
  Result<content::Author> GetAuthor(int64_t id) override;
  Result<content::Author> GetAuthorByUser(int64_t user_id) override;
  Result<int64_t> CreateAuthor(const content::Author& author) override;
  Status UpdateAuthor(const content::Author& author) override;

  Result<std::vector<content::Partner>> ListPartners() override;
  Result<content::Partner> GetPartner(int64_t id) override;
  Result<content::Partner> GetPartnerBySlug(std::string_view slug) override;
  Result<int64_t> CreatePartner(const content::Partner& partner) override;
  Status UpdatePartner(const content::Partner& partner) override;

  Result<std::vector<content::Tag>> ListTags() override;
  Result<content::Tag> GetTagBySlug(std::string_view slug) override;
  Result<std::vector<content::Tag>> GetTags(std::span<const int64_t> ids) override;
  Result<int64_t> UpsertTag(const content::Tag& tag) override;

  Result<bool> IsSlugTaken(SlugKind kind, std::string_view slug) override;

  Result<int64_t> CreateArticle(const content::Article& article) override;
  Result<std::vector<int64_t>> CreateArticles(std::span<const content::Article> articles) override;
  Status UpdateArticle(const content::Article& article) override;
  Result<content::Article> GetArticle(int64_t id) override;
  Result<content::Article> GetPublishedArticle(int64_t section_id, std::string_view slug) override;
  Result<content::Article> FindMovedArticle(int64_t section_id, std::string_view slug) override;
  Result<content::Article> GetArticleBySlug(std::string_view slug) override;
  Result<std::vector<content::Article>> ListPublished(const ArticleQuery& query) override;
  Result<int64_t> CountPublished(const ArticleQuery& query) override;
  Result<std::vector<PublishedMonth>> ListPublishedMonths() override;
  Result<std::vector<content::Article>> ListArticles(const ArticleFilter& filter) override;
  Result<int64_t> CountArticles(const ArticleFilter& filter) override;
  Result<std::vector<int64_t>> PublishDueArticles(base::Seconds now) override;
  Result<SearchPage> SearchArticles(const SearchQuery& query) override;
  Result<std::vector<content::Article>> ListRelated(int64_t article_id, int limit) override;

  Result<int64_t> CreateRevision(const content::Revision& revision) override;
  Result<std::vector<content::Revision>> ListRevisions(int64_t article_id) override;
  Result<content::Revision> GetRevision(int64_t id) override;

  Status AddRedirect(std::string_view path, int64_t article_id) override;
  Result<int64_t> FindRedirect(std::string_view path) override;
  Result<std::vector<Redirect>> ListRedirects() override;

  Result<int64_t> CreateMedia(const content::Media& media) override;
  Result<content::Media> GetMedia(int64_t id) override;
  Result<content::MediaVariant> GetMediaVariant(int64_t media_id, int width,
                                                content::ImageFormat format) override;
  Result<std::vector<content::Media>> ListMedia(int limit, int offset) override;

  Status AddViews(std::span<const ViewCount> views) override;
  Result<std::vector<content::Article>> MostViewed(int64_t since_day, int limit) override;

  Result<std::string> GetSetting(std::string_view key) override;
  Status SetSetting(std::string_view key, std::string_view value) override;

  Result<int64_t> CreateUser(const content::User& user) override;
  Result<content::User> GetUser(int64_t id) override;
  Result<content::User> GetUserByEmail(std::string_view email) override;
  Result<std::vector<content::User>> ListUsers() override;
  Status UpdateUser(const content::User& user) override;

  Status CreateSession(const content::Session& session) override;
  Result<content::Session> GetSession(std::string_view token_hash, base::Seconds now) override;
  Status TouchSession(std::string_view token_hash, base::Seconds last_seen_at,
                      base::Seconds expires_at) override;
  Status DeleteSession(std::string_view token_hash) override;
  Result<int64_t> DeleteUserSessions(int64_t user_id) override;
  Result<int64_t> DeleteExpiredSessions(base::Seconds now) override;

  Result<int64_t> CreateApiToken(const content::ApiToken& token) override;
  Result<std::vector<content::ApiToken>> ListApiTokens(int64_t user_id) override;
  Status DeleteApiToken(int64_t user_id, int64_t token_id) override;
  Result<content::ApiToken> GetApiToken(std::string_view token_hash) override;
  Status TouchApiToken(int64_t token_id, base::Seconds at) override;

  Status CheckIntegrity() override;

  std::unique_ptr<ReadHold> HoldReads() override;

 private:
  // The read connection and transaction a thread holds (HoldReads), and whose they are.
  struct HeldReads {
    const SqliteStore* store;
    ReadPool::Lease lease;
    Transaction transaction;
  };
  class Hold;
  // This thread's, if it holds reads of any SqliteStore.
  static thread_local HeldReads* held_;

  // Runs body(Db&) -> Result<T> on a borrowed read connection inside one read transaction, so
  // that all its queries see the same snapshot: the transaction this thread holds, if it holds
  // one of this store.
  template <class Body>
  std::invoke_result_t<Body, Db&> Read(Body&& body) {
    if (held_ != nullptr && held_->store == this) return body(held_->lease.db());
    ReadPool::Lease lease = readers_.Acquire();
    return InTransaction(lease.db(), Transaction::Mode::kRead, std::forward<Body>(body));
  }

  // Runs body(Db&) -> Result<T> on the writer inside one write transaction, committed only when
  // body succeeds: a failed write leaves nothing behind.
  template <class Body>
  std::invoke_result_t<Body, Db&> Write(Body&& body) {
    std::lock_guard lock(writer_mutex_);
    return InTransaction(*writer_, Transaction::Mode::kWrite, std::forward<Body>(body));
  }

  template <class Body>
  static std::invoke_result_t<Body, Db&> InTransaction(Db& db, Transaction::Mode mode,
                                                       Body&& body) {
    auto tx = Transaction::Begin(db, mode);
    if (!tx) return base::Unexpected(tx.error());
    auto result = body(db);
    if (!result) return result;
    if (auto committed = tx->Commit(); !committed) return base::Unexpected(committed.error());
    return result;
  }

  std::mutex writer_mutex_;
  std::unique_ptr<Db> writer_;  // GUARDED_BY(writer_mutex_)
  ReadPool readers_;
  const std::unique_ptr<BulkSearchIndex> bulk_search_;
};

}  // namespace gazette::store::sqlite
