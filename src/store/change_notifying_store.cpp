#include "store/change_notifying_store.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/change_tags.h"

namespace gazette::store {

struct ChangeNotifyingStore::ArticleState {
  std::optional<content::Article> article;  // nullopt: none, or it could not be read
  std::vector<int64_t> related_ids;         // what it lists in its related reading
  bool unreadable = false;                  // a read failed for another reason than NotFound
};

ChangeNotifyingStore::ChangeNotifyingStore(std::unique_ptr<Store> inner, ChangeListener listener)
    : inner_(std::move(inner)), listener_(std::move(listener)) {}

ChangeNotifyingStore::ArticleState ChangeNotifyingStore::ReadArticle(int64_t id) {
  ArticleState state;
  auto article = inner_->GetArticle(id);
  if (!article) {
    state.unreadable = !article.error().IsNotFound();
    return state;
  }
  state.article = std::move(*article);
  // Only a published article has related reading.
  if (state.article->status != content::ArticleStatus::kPublished) return state;
  auto related = inner_->ListRelated(id, kRelatedKept);
  if (!related) {
    state.unreadable = true;
    return state;
  }
  for (const content::Article& other : *related) state.related_ids.push_back(other.id);
  return state;
}

void ChangeNotifyingStore::NotifyArticleChange(const ArticleState& before,
                                               const ArticleState& after) {
  if (before.unreadable || after.unreadable) {
    Notify({SiteTag()});
    return;
  }
  std::vector<std::string> tags = TagsOfArticleChange(before.article ? &*before.article : nullptr,
                                                      after.article ? &*after.article : nullptr);
  if (tags.empty()) return;
  for (const ArticleState* state : {&before, &after}) {
    for (int64_t id : state->related_ids) tags.push_back(RelatedTag(id));
  }
  Notify(tags);
}

void ChangeNotifyingStore::Notify(const std::vector<std::string>& tags) {
  if (!tags.empty()) listener_(tags);
}

Result<std::vector<content::Section>> ChangeNotifyingStore::ListSections() {
  return inner_->ListSections();
}

Result<content::Section> ChangeNotifyingStore::GetSectionBySlug(std::string_view slug) {
  return inner_->GetSectionBySlug(slug);
}

Result<content::Section> ChangeNotifyingStore::GetSection(int64_t id) {
  return inner_->GetSection(id);
}

Result<int64_t> ChangeNotifyingStore::CreateSection(const content::Section& section) {
  return SiteChanged(inner_->CreateSection(section));
}

Status ChangeNotifyingStore::UpdateSection(const content::Section& section) {
  return SiteChanged(inner_->UpdateSection(section));
}

Result<std::vector<content::Author>> ChangeNotifyingStore::ListAuthors() {
  return inner_->ListAuthors();
}

Result<content::Author> ChangeNotifyingStore::GetAuthorBySlug(std::string_view slug) {
  return inner_->GetAuthorBySlug(slug);
}

Result<std::vector<content::Author>> ChangeNotifyingStore::GetAuthors(
    std::span<const int64_t> ids) {
  return inner_->GetAuthors(ids);
}

Result<content::Author> ChangeNotifyingStore::GetAuthor(int64_t id) {
  return inner_->GetAuthor(id);
}

Result<content::Author> ChangeNotifyingStore::GetAuthorByUser(int64_t user_id) {
  return inner_->GetAuthorByUser(user_id);
}

Result<int64_t> ChangeNotifyingStore::CreateAuthor(const content::Author& author) {
  return SiteChanged(inner_->CreateAuthor(author));
}

Status ChangeNotifyingStore::UpdateAuthor(const content::Author& author) {
  return SiteChanged(inner_->UpdateAuthor(author));
}

Result<std::vector<content::Partner>> ChangeNotifyingStore::ListPartners() {
  return inner_->ListPartners();
}

Result<content::Partner> ChangeNotifyingStore::GetPartner(int64_t id) {
  return inner_->GetPartner(id);
}

Result<content::Partner> ChangeNotifyingStore::GetPartnerBySlug(std::string_view slug) {
  return inner_->GetPartnerBySlug(slug);
}

Result<int64_t> ChangeNotifyingStore::CreatePartner(const content::Partner& partner) {
  return SiteChanged(inner_->CreatePartner(partner));
}

Status ChangeNotifyingStore::UpdatePartner(const content::Partner& partner) {
  return SiteChanged(inner_->UpdatePartner(partner));
}

Result<std::vector<content::Tag>> ChangeNotifyingStore::ListTags() { return inner_->ListTags(); }

Result<content::Tag> ChangeNotifyingStore::GetTagBySlug(std::string_view slug) {
  return inner_->GetTagBySlug(slug);
}

Result<std::vector<content::Tag>> ChangeNotifyingStore::GetTags(std::span<const int64_t> ids) {
  return inner_->GetTags(ids);
}

Result<int64_t> ChangeNotifyingStore::UpsertTag(const content::Tag& tag) {
  return inner_->UpsertTag(tag);
}

Result<bool> ChangeNotifyingStore::IsSlugTaken(SlugKind kind, std::string_view slug) {
  return inner_->IsSlugTaken(kind, slug);
}

Result<int64_t> ChangeNotifyingStore::CreateArticle(const content::Article& article) {
  auto id = inner_->CreateArticle(article);
  if (id) NotifyArticleChange(ArticleState{}, ReadArticle(*id));
  return id;
}

Result<std::vector<int64_t>> ChangeNotifyingStore::CreateArticles(
    std::span<const content::Article> articles) {
  auto ids = inner_->CreateArticles(articles);
  if (!ids) return ids;
  // A batch is not offered to the related lists of articles stored before it, so the new
  // articles' own tags are all it changes.
  std::vector<std::string> tags;
  for (size_t i = 0; i < articles.size(); ++i) {
    content::Article created = articles[i];
    created.id = (*ids)[i];
    const auto changed = TagsOfArticleChange(nullptr, &created);
    tags.insert(tags.end(), changed.begin(), changed.end());
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  Notify(tags);
  return ids;
}

Status ChangeNotifyingStore::UpdateArticle(const content::Article& article) {
  const ArticleState before = ReadArticle(article.id);
  auto updated = inner_->UpdateArticle(article);
  if (updated) NotifyArticleChange(before, ReadArticle(article.id));
  return updated;
}

Result<content::Article> ChangeNotifyingStore::GetArticle(int64_t id) {
  return inner_->GetArticle(id);
}

Result<content::Article> ChangeNotifyingStore::GetPublishedArticle(int64_t section_id,
                                                                   std::string_view slug) {
  return inner_->GetPublishedArticle(section_id, slug);
}

Result<content::Article> ChangeNotifyingStore::FindMovedArticle(int64_t section_id,
                                                                std::string_view slug) {
  return inner_->FindMovedArticle(section_id, slug);
}

Result<content::Article> ChangeNotifyingStore::GetArticleBySlug(std::string_view slug) {
  return inner_->GetArticleBySlug(slug);
}

Result<std::vector<content::Article>> ChangeNotifyingStore::ListPublished(
    const ArticleQuery& query) {
  return inner_->ListPublished(query);
}

Result<int64_t> ChangeNotifyingStore::CountPublished(const ArticleQuery& query) {
  return inner_->CountPublished(query);
}

Result<std::vector<PublishedMonth>> ChangeNotifyingStore::ListPublishedMonths() {
  return inner_->ListPublishedMonths();
}

Result<SearchPage> ChangeNotifyingStore::SearchArticles(const SearchQuery& query) {
  return inner_->SearchArticles(query);
}

Result<std::vector<content::Article>> ChangeNotifyingStore::ListRelated(int64_t article_id,
                                                                        int limit) {
  return inner_->ListRelated(article_id, limit);
}

Result<std::vector<content::Article>> ChangeNotifyingStore::ListArticles(
    const ArticleFilter& filter) {
  return inner_->ListArticles(filter);
}

Result<int64_t> ChangeNotifyingStore::CountArticles(const ArticleFilter& filter) {
  return inner_->CountArticles(filter);
}

Result<std::vector<int64_t>> ChangeNotifyingStore::PublishDueArticles(base::Seconds now) {
  auto published = inner_->PublishDueArticles(now);
  // They were scheduled before, which no reader sees: only their published state counts.
  if (published) {
    for (int64_t id : *published) NotifyArticleChange(ArticleState{}, ReadArticle(id));
  }
  return published;
}

Result<int64_t> ChangeNotifyingStore::CreateRevision(const content::Revision& revision) {
  return inner_->CreateRevision(revision);
}

Result<std::vector<content::Revision>> ChangeNotifyingStore::ListRevisions(int64_t article_id) {
  return inner_->ListRevisions(article_id);
}

Result<content::Revision> ChangeNotifyingStore::GetRevision(int64_t id) {
  return inner_->GetRevision(id);
}

Status ChangeNotifyingStore::AddRedirect(std::string_view path, int64_t article_id) {
  return inner_->AddRedirect(path, article_id);
}

Result<int64_t> ChangeNotifyingStore::FindRedirect(std::string_view path) {
  return inner_->FindRedirect(path);
}

Result<std::vector<Redirect>> ChangeNotifyingStore::ListRedirects() {
  return inner_->ListRedirects();
}

Result<int64_t> ChangeNotifyingStore::CreateMedia(const content::Media& media) {
  return inner_->CreateMedia(media);
}

Result<content::Media> ChangeNotifyingStore::GetMedia(int64_t id) { return inner_->GetMedia(id); }

Result<content::MediaVariant> ChangeNotifyingStore::GetMediaVariant(int64_t media_id, int width,
                                                                    content::ImageFormat format) {
  return inner_->GetMediaVariant(media_id, width, format);
}

Result<std::vector<content::Media>> ChangeNotifyingStore::ListMedia(int limit, int offset) {
  return inner_->ListMedia(limit, offset);
}

Status ChangeNotifyingStore::AddViews(std::span<const ViewCount> views) {
  return inner_->AddViews(views);
}

Result<std::vector<content::Article>> ChangeNotifyingStore::MostViewed(int64_t since_day,
                                                                       int limit) {
  return inner_->MostViewed(since_day, limit);
}

Result<std::string> ChangeNotifyingStore::GetSetting(std::string_view key) {
  return inner_->GetSetting(key);
}

Status ChangeNotifyingStore::SetSetting(std::string_view key, std::string_view value) {
  return SiteChanged(inner_->SetSetting(key, value));
}

Result<int64_t> ChangeNotifyingStore::CreateUser(const content::User& user) {
  return inner_->CreateUser(user);
}

Result<content::User> ChangeNotifyingStore::GetUser(int64_t id) { return inner_->GetUser(id); }

Result<content::User> ChangeNotifyingStore::GetUserByEmail(std::string_view email) {
  return inner_->GetUserByEmail(email);
}

Result<std::vector<content::User>> ChangeNotifyingStore::ListUsers() { return inner_->ListUsers(); }

Status ChangeNotifyingStore::UpdateUser(const content::User& user) {
  return inner_->UpdateUser(user);
}

Status ChangeNotifyingStore::CreateSession(const content::Session& session) {
  return inner_->CreateSession(session);
}

Result<content::Session> ChangeNotifyingStore::GetSession(std::string_view token_hash,
                                                          base::Seconds now) {
  return inner_->GetSession(token_hash, now);
}

Status ChangeNotifyingStore::TouchSession(std::string_view token_hash, base::Seconds last_seen_at,
                                          base::Seconds expires_at) {
  return inner_->TouchSession(token_hash, last_seen_at, expires_at);
}

Status ChangeNotifyingStore::DeleteSession(std::string_view token_hash) {
  return inner_->DeleteSession(token_hash);
}

Result<int64_t> ChangeNotifyingStore::DeleteUserSessions(int64_t user_id) {
  return inner_->DeleteUserSessions(user_id);
}

Result<int64_t> ChangeNotifyingStore::DeleteExpiredSessions(base::Seconds now) {
  return inner_->DeleteExpiredSessions(now);
}

Result<int64_t> ChangeNotifyingStore::CreateApiToken(const content::ApiToken& token) {
  return inner_->CreateApiToken(token);
}

Result<std::vector<content::ApiToken>> ChangeNotifyingStore::ListApiTokens(int64_t user_id) {
  return inner_->ListApiTokens(user_id);
}

Status ChangeNotifyingStore::DeleteApiToken(int64_t user_id, int64_t token_id) {
  return inner_->DeleteApiToken(user_id, token_id);
}

Result<content::ApiToken> ChangeNotifyingStore::GetApiToken(std::string_view token_hash) {
  return inner_->GetApiToken(token_hash);
}

Status ChangeNotifyingStore::TouchApiToken(int64_t token_id, base::Seconds at) {
  return inner_->TouchApiToken(token_id, at);
}

Status ChangeNotifyingStore::CheckIntegrity() { return inner_->CheckIntegrity(); }

std::unique_ptr<ReadHold> ChangeNotifyingStore::HoldReads() { return inner_->HoldReads(); }

}  // namespace gazette::store
