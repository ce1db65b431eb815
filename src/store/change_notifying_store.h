// A Store that tells a listener what each write changed for readers, as page-cache tags
// (change_tags.h), so that the page cache drops only the pages that show it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/change_tags.h"
#include "store/store.h"

namespace gazette::store {

// Called after a write with the tags of the pages it may have changed; never with an empty list.
using ChangeListener = std::function<void(const std::vector<std::string>& tags)>;

// Implements Store by forwarding every call to an inner store; after each successful write that
// readers can see it calls the listener, on the writer's thread, once the write is committed:
//   articles (create, update, PublishDueArticles): TagsOfArticleChange of the states before and
//     after, and the related blocks of the articles it lists before and after (publishing offers
//     it to their lists); a draft that stays unpublished changes nothing;
//   a batch of CreateArticles: each new article's TagsOfArticleChange, once each (a batch is not
//     offered to the related blocks of earlier articles);
//   sections, authors, partners, settings: "site" (they show on every page);
//   tags, slugs, users, sessions, API tokens, revisions, media, redirects, views: nothing (a new
//     tag shows nowhere until an article write names its list; trending ages with the cache's
//     max age).
// When what an article write changed cannot be read back, it names "site". The listener must
// not write to this store. As safe for concurrent use as the inner store.
class ChangeNotifyingStore final : public Store {
 public:
  ChangeNotifyingStore(std::unique_ptr<Store> inner, ChangeListener listener);

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
  Result<SearchPage> SearchArticles(const SearchQuery& query) override;
  Result<std::vector<content::Article>> ListRelated(int64_t article_id, int limit) override;
  Result<std::vector<content::Article>> ListArticles(const ArticleFilter& filter) override;
  Result<int64_t> CountArticles(const ArticleFilter& filter) override;
  Result<std::vector<int64_t>> PublishDueArticles(base::Seconds now) override;
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
  // The article's state with the related blocks it is in, read around a write.
  struct ArticleState;
  ArticleState ReadArticle(int64_t id);
  void NotifyArticleChange(const ArticleState& before, const ArticleState& after);
  void Notify(const std::vector<std::string>& tags);
  // Passes `result` on, naming "site" first when the write succeeded.
  template <class R>
  R SiteChanged(R result) {
    if (result) Notify({SiteTag()});
    return result;
  }

  const std::unique_ptr<Store> inner_;
  const ChangeListener listener_;
};

}  // namespace gazette::store
