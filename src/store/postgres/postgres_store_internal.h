// The PostgreSQL Store's class, shared by the files that implement it; private to
// store/postgres/.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "store/postgres/connection_pool.h"
#include "store/store.h"

namespace gazette::store::postgres {

// Store on one PostgreSQL database through a pool of connections. Reads run in REPEATABLE READ
// READ ONLY transactions (one snapshot for all their queries); writes in READ COMMITTED ones, the
// uniqueness rules and row locks of the database keeping concurrent writers apart.
// Safe for concurrent use.
class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::vector<std::unique_ptr<Connection>> connections)
      : pool_(std::move(connections)) {}

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
  Result<std::vector<content::Article>> ListArticles(const ArticleFilter& filter) override;
  Result<int64_t> CountArticles(const ArticleFilter& filter) override;
  Result<std::vector<PublishedMonth>> ListPublishedMonths() override;
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
  static constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

  // The connection and read transaction a thread holds (HoldReads), and whose they are.
  struct HeldReads {
    const PostgresStore* store;
    ConnectionPool::Lease lease;
  };
  class Hold;
  // This thread's, if it holds reads of any PostgresStore.
  static thread_local HeldReads* held_;

  // Runs body(Connection&) -> Result<T> on a borrowed connection inside one read-only
  // transaction, so that all its queries see the same snapshot: the transaction this thread
  // holds, if it holds one of this store.
  template <class Body>
  std::invoke_result_t<Body, Connection&> Read(Body&& body) {
    if (held_ == nullptr || held_->store != this) {
      return InTransaction(kBeginRead, std::forward<Body>(body));
    }
    Connection& connection = held_->lease.connection();
    auto result = body(connection);
    // A failed statement fails every later one of its transaction: the reads after it take
    // their own, and the hold's end rolls this one back.
    if (!result && connection.InFailedTransaction()) held_ = nullptr;
    return result;
  }

  // Runs body(Connection&) -> Result<T> inside one write transaction, committed only when body
  // succeeds: a failed write leaves nothing behind. Concurrent writers can deadlock on the rows
  // that triggers keep (counts, index entries) when they lock them in different orders;
  // PostgreSQL then aborts one of them, and that one runs again, whole, a few times at most.
  template <class Body>
  std::invoke_result_t<Body, Connection&> Write(Body&& body) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
      bool lost_a_race = false;
      auto result = InTransaction("BEGIN", body, &lost_a_race);
      if (result || !lost_a_race || attempt == kAttempts) return result;
    }
  }

  // `lost_a_race`, when given, tells whether a failure came from a concurrent transaction.
  template <class Body>
  std::invoke_result_t<Body, Connection&> InTransaction(std::string_view begin, Body&& body,
                                                        bool* lost_a_race = nullptr) {
    ConnectionPool::Lease lease = pool_.Acquire();
    Connection& connection = lease.connection();
    connection.ClearLostRace();
    auto result = RunInTransaction(connection, begin, body);
    if (lost_a_race != nullptr) *lost_a_race = !result && connection.LostARace();
    return result;
  }

  template <class Body>
  static std::invoke_result_t<Body, Connection&> RunInTransaction(Connection& connection,
                                                                  std::string_view begin,
                                                                  Body& body) {
    if (auto began = connection.Exec(begin); !began) return base::Unexpected(began.error());
    auto result = body(connection);
    if (!result) {
      (void)connection.Exec("ROLLBACK");
      return result;
    }
    if (auto committed = connection.Exec("COMMIT"); !committed) {
      return base::Unexpected(committed.error());
    }
    return result;
  }

  ConnectionPool pool_;
};

}  // namespace gazette::store::postgres
