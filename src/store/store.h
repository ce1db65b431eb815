// The Store interface: everything Gazette keeps, behind one seam with an SQLite and (later) a
// PostgreSQL backend. Backends live in sqlite/ and postgres/; only app/ names them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "content/media.h"
#include "content/model.h"
#include "content/user.h"

namespace gazette::store {

using base::Result;
using base::Status;

// A place in a listing's order (newest first: published_at, then id): the article at it, or
// where such an article would be. Keyset pagination continues a listing from its last article
// however deep it is, where an offset would step over every article before it.
struct ListingCursor {
  base::Seconds published_at{};
  int64_t id = 0;
};

// Which published articles a listing wants. Filters combine with AND.
struct ArticleQuery {
  std::optional<int64_t> section_id;
  std::optional<int64_t> author_id;
  std::optional<int64_t> tag_id;
  std::optional<int64_t> partner_id;
  // Only articles after this place in the listing's order: older, or as old with a smaller id.
  std::optional<ListingCursor> before;
  int limit = 10;  // REQUIRES: 1..1000
  int offset = 0;  // REQUIRES: >= 0; keep it small, the skipped articles are read too
  // False leaves every tag_ids empty, for a listing that shows no tags (cards): it saves a
  // query per article.
  bool with_tag_ids = true;
};

// CountPublished counts at most this many articles when it must walk them (several filters, or
// `before`); with no filter or one, it is exact whatever the number, read from kept counts.
inline constexpr int64_t kCountedAtMost = 10'000;

// The published articles of one month (UTC) that have the same partner and either both have an
// original_url or both have none: how many there are and when the latest of them was updated.
// A sitemap index dates each month from these without reading its articles.
struct PublishedMonth {
  base::Seconds month{};              // the month's first second (UTC)
  std::optional<int64_t> partner_id;  // nullopt: the site's own articles
  bool has_original_url = false;      // their original_url is not empty
  int64_t count = 0;                  // > 0
  base::Seconds last_updated_at{};    // the greatest updated_at among them
};

// Which articles of any status a newsroom listing wants. Filters combine with AND.
struct ArticleFilter {
  std::optional<content::ArticleStatus> status;
  std::optional<int64_t> section_id;
  std::optional<int64_t> author_id;
  std::optional<int64_t> created_by;  // a user id
  // Articles whose title contains this text, ASCII letters compared without regard to case.
  // Empty: no filter. LIKE wildcards in it ('%', '_') match only themselves.
  std::string title_contains;
  int limit = 50;  // REQUIRES: 1..1000
  int offset = 0;  // REQUIRES: >= 0
};

// Reads of one article's page views on one day (days since 1970-01-01, UTC).
struct ViewCount {
  int64_t article_id = 0;
  int64_t day = 0;
  int64_t count = 0;
};

// One term of a search: a word, or a phrase (words that must appear together, in this order).
// With `prefix`, the last word also matches every longer word it begins. Words are compared as
// the backend indexes text: without regard to case or diacritics, and (on SQLite) by stem.
struct SearchTerm {
  std::vector<std::string> words;
  bool prefix = false;
};

// A full-text search of the published articles (titles, deks, bodies, author and tag names).
// Every term must match; the filters combine with AND. Build `terms` from what a reader typed
// with search::ParseQuery.
struct SearchQuery {
  std::vector<SearchTerm> terms;  // no terms, or only empty ones: no hits, not an error
  std::optional<int64_t> section_id;
  std::optional<int64_t> author_id;
  std::optional<base::Seconds> from;  // published at or after
  std::optional<base::Seconds> to;    // published before
  int limit = 10;                     // REQUIRES: 1..1000
  int offset = 0;                     // REQUIRES: >= 0
};

struct SearchHit {
  // Without bodies; author_ids and tag_ids are filled.
  content::Article article;
  // A passage of the article around the matched words, which are wrapped in <mark></mark>.
  // Safe HTML: the text is escaped; <mark> and </mark> are its only tags, and they pair up.
  std::string snippet_html;
};

// A search ranks only the kSearchRanked matching articles added last (the highest ids, which
// are the newest save for imported archives): ranking every match of a common word in a large
// archive would read all of them.
inline constexpr int kSearchRanked = 1000;

struct SearchPage {
  std::vector<SearchHit> hits;  // best first; ties newest first
  // How many articles match, limit and offset ignored; at most kSearchRanked.
  int64_t total = 0;
  bool more = false;  // more than kSearchRanked articles match; the older ones are not ranked
};

// An old address of an article that answers with a 301 to wherever the article is now.
struct Redirect {
  std::string path;  // "/?p=345", "/2019/05/01/summit/", "/east-asia/old-slug/"
  int64_t article_id = 0;
};

// How many related articles a backend keeps for each article (see Store::ListRelated).
inline constexpr int kRelatedKept = 12;

// Which table a slug must be unique in.
enum class SlugKind { kSection, kAuthor, kPartner, kTag, kArticle };

// What Store::HoldReads returns; see there. Destroy it on the thread that made it.
class ReadHold {
 public:
  virtual ~ReadHold() = default;
};

// All methods are safe for concurrent use from any thread. Reads may run in parallel; writes
// are serialized by the backend. Every write is one transaction: it happens whole or not at all.
//
// Common error codes: NotFound when a looked-up row does not exist; Conflict when a write
// would break a uniqueness rule (a slug taken); InvalidArgument when a reference (section id,
// author id, ...) names no row; Unavailable when the database cannot be reached; Internal for
// anything else (a corrupt file). Messages never contain SQL.
class Store {
 public:
  virtual ~Store() = default;

  // --- sections: ordered by position, then name
  virtual Result<std::vector<content::Section>> ListSections() = 0;
  virtual Result<content::Section> GetSectionBySlug(std::string_view slug) = 0;
  virtual Result<content::Section> GetSection(int64_t id) = 0;
  // Returns the new id.
  virtual Result<int64_t> CreateSection(const content::Section& section) = 0;
  // Replaces slug, name, kind, position and description of section.id. NotFound if there is
  // none; Conflict when the slug is another section's.
  virtual Status UpdateSection(const content::Section& section) = 0;

  // --- authors
  virtual Result<std::vector<content::Author>> ListAuthors() = 0;  // by name
  virtual Result<content::Author> GetAuthorBySlug(std::string_view slug) = 0;
  // The authors with these ids, in the order of `ids`; unknown ids are skipped.
  virtual Result<std::vector<content::Author>> GetAuthors(std::span<const int64_t> ids) = 0;
  virtual Result<content::Author> GetAuthor(int64_t id) = 0;
  // The author whose user_id is `user_id`. NotFound if that user has no author profile.
  virtual Result<content::Author> GetAuthorByUser(int64_t user_id) = 0;
  virtual Result<int64_t> CreateAuthor(const content::Author& author) = 0;
  // Replaces slug, name, bio and user_id of author.id. NotFound; Conflict on a taken slug.
  virtual Status UpdateAuthor(const content::Author& author) = 0;

  // --- partners
  virtual Result<std::vector<content::Partner>> ListPartners() = 0;  // by name
  virtual Result<content::Partner> GetPartner(int64_t id) = 0;
  virtual Result<content::Partner> GetPartnerBySlug(std::string_view slug) = 0;
  virtual Result<int64_t> CreatePartner(const content::Partner& partner) = 0;
  // Replaces every field of partner.id. NotFound; Conflict on a taken slug.
  virtual Status UpdatePartner(const content::Partner& partner) = 0;

  // --- tags
  virtual Result<std::vector<content::Tag>> ListTags() = 0;  // by name
  virtual Result<content::Tag> GetTagBySlug(std::string_view slug) = 0;
  // The tags with these ids, in the order of `ids`; unknown ids are skipped.
  virtual Result<std::vector<content::Tag>> GetTags(std::span<const int64_t> ids) = 0;
  // The id of the tag with tag.slug, creating it (with tag.name) if there is none.
  virtual Result<int64_t> UpsertTag(const content::Tag& tag) = 0;

  // --- slugs
  virtual Result<bool> IsSlugTaken(SlugKind kind, std::string_view slug) = 0;

  // --- articles
  // Stores a new article with its author and tag links; returns its id. article.id is ignored.
  virtual Result<int64_t> CreateArticle(const content::Article& article) = 0;
  // Stores many new articles as CreateArticle would, in one transaction: all or none. Returns
  // their ids in the order of `articles`. For filling a large archive (gazette bench-data,
  // imports); errors as CreateArticle's, naming the article at fault, and then nothing is
  // written. Related reading is the one difference: a published article's list is worked out
  // from the tags it shares with the other published articles of the same call (a rarer tag
  // counts more), not from words, and it is not offered to the lists of articles stored
  // before. No articles: no ids, and nothing is written.
  virtual Result<std::vector<int64_t>> CreateArticles(
      std::span<const content::Article> articles) = 0;
  // Replaces the stored article article.id (fields, authors, tags; created_by stays). When the
  // slug or section changes, the old (section, slug) keeps resolving through FindMovedArticle.
  // article.version must be the stored version; the stored version then becomes version + 1.
  // NotFound if there is no such article; Conflict (message: the article was changed by
  // someone else) when the stored version is not article.version, and nothing is written.
  virtual Status UpdateArticle(const content::Article& article) = 0;
  // Any article by id, whatever its status, with body, authors and tags.
  virtual Result<content::Article> GetArticle(int64_t id) = 0;
  // The published article at /<section>/<slug>/, with body, authors and tags.
  virtual Result<content::Article> GetPublishedArticle(int64_t section_id,
                                                       std::string_view slug) = 0;
  // The published article that was once at /<section>/<slug>/ and has moved since.
  virtual Result<content::Article> FindMovedArticle(int64_t section_id, std::string_view slug) = 0;
  // Any article by slug, whatever its status, with body, authors and tags. NotFound if no
  // article has the slug.
  virtual Result<content::Article> GetArticleBySlug(std::string_view slug) = 0;
  // Published articles, newest first (published_at, then id). body_md and body_html are left
  // empty; author_ids and tag_ids are filled. Reads only the page and what `offset` skips.
  virtual Result<std::vector<content::Article>> ListPublished(const ArticleQuery& query) = 0;
  // How many published articles match the query's filters and `before` (limit and offset
  // ignored), up to kCountedAtMost when more than one of them is given (see there).
  virtual Result<int64_t> CountPublished(const ArticleQuery& query) = 0;
  // Every month, partner and original_url kind with published articles (see PublishedMonth),
  // newest month first, then by partner (own articles first) and without an original_url first.
  // Read from kept counts: as quick on a million articles as on ten, and right after every
  // publish, edit, unpublish and change of date in the same transaction.
  virtual Result<std::vector<PublishedMonth>> ListPublishedMonths() = 0;

  // The published articles matching `query`, best match first: a match in the title counts
  // most, then the dek, the author and tag names, and the body. The body is searched, and its
  // snippets taken, as the text readers see (content::MarkdownToPlainText of body_md): Markdown
  // marks and link targets neither match nor show. The index follows every publish, edit and
  // unpublish in the same transaction. InvalidArgument on a bad page.
  virtual Result<SearchPage> SearchArticles(const SearchQuery& query) = 0;

  // --- related reading: computed when an article is published or a published one is edited
  // The published articles related to published article `article_id`, best first, at most
  // `limit` and never more than kRelatedKept; without bodies, author_ids and tag_ids filled.
  // Related means sharing tags (a rarer tag counts more) and words: the article's
  // DistinctiveWords (related_words.h) matched against the others' indexed text, bm25-ranked.
  // The list is worked out in the transaction that publishes the article (CreateArticle,
  // UpdateArticle, PublishDueArticles) or edits it while published, which also offers the
  // article to the lists of those it lists, so older pieces point to newer ones. An article
  // that stops being published leaves every list at once. An article that is not published or
  // does not exist has an empty list. InvalidArgument unless limit is 1..1000.
  virtual Result<std::vector<content::Article>> ListRelated(int64_t article_id, int limit) = 0;

  // Articles of any status for the newsroom, most recently updated first (updated_at, then id
  // descending). body_md and body_html are left empty; author_ids and tag_ids are filled.
  virtual Result<std::vector<content::Article>> ListArticles(const ArticleFilter& filter) = 0;
  // How many articles match the filter (limit and offset ignored).
  virtual Result<int64_t> CountArticles(const ArticleFilter& filter) = 0;
  // Publishes every scheduled article whose published_at is at or before `now`, keeping its
  // published_at, in one transaction (bumping each one's version); returns their ids.
  virtual Result<std::vector<int64_t>> PublishDueArticles(base::Seconds now) = 0;

  // --- revisions: earlier states of an article, kept on save
  // Stores a revision of revision.article_id; returns its id. InvalidArgument when the article
  // does not exist.
  virtual Result<int64_t> CreateRevision(const content::Revision& revision) = 0;
  // The revisions of one article, newest first (created_at, then id), with their bodies.
  virtual Result<std::vector<content::Revision>> ListRevisions(int64_t article_id) = 0;
  virtual Result<content::Revision> GetRevision(int64_t id) = 0;  // NotFound if there is none

  // --- redirects: addresses articles had before they were imported
  // Makes `path` answer with a redirect to the article, replacing where it pointed before.
  // InvalidArgument when the path does not begin with '/', is longer than 2048 bytes, or the
  // article does not exist.
  virtual Status AddRedirect(std::string_view path, int64_t article_id) = 0;
  // The article that `path` redirects to, from AddRedirect; NotFound when it names none.
  virtual Result<int64_t> FindRedirect(std::string_view path) = 0;
  // Every old address of every article, by path: those from AddRedirect and the places that
  // articles moved away from (as "/<section>/<slug>/"), for an export.
  virtual Result<std::vector<Redirect>> ListRedirects() = 0;

  // --- media: uploaded images, stored as their re-encoded variants
  // Stores the image and its variants in one transaction; returns its id. When an image with
  // the same sha256 is already stored, returns that one's id and stores nothing.
  // InvalidArgument when it has no variants or no sha256.
  virtual Result<int64_t> CreateMedia(const content::Media& media) = 0;
  // The image with its variants listed, their bytes left empty. NotFound if there is none.
  virtual Result<content::Media> GetMedia(int64_t id) = 0;
  // One variant with its bytes. NotFound if the image or that width and format is not stored.
  virtual Result<content::MediaVariant> GetMediaVariant(int64_t media_id, int width,
                                                        content::ImageFormat format) = 0;
  // Images newest first, variants listed without bytes.
  virtual Result<std::vector<content::Media>> ListMedia(int limit, int offset) = 0;

  // --- page views, for "trending"
  // Adds the counts to what is stored, in one transaction.
  virtual Status AddViews(std::span<const ViewCount> views) = 0;
  // The published articles most read on days >= since_day, most read first (ties: newest first),
  // at most `limit`, without bodies. Articles with no views are not included.
  virtual Result<std::vector<content::Article>> MostViewed(int64_t since_day, int limit) = 0;

  // --- site settings: free-form key/value pairs
  virtual Result<std::string> GetSetting(std::string_view key) = 0;  // NotFound if unset
  virtual Status SetSetting(std::string_view key, std::string_view value) = 0;

  // --- users: the newsroom's accounts
  // Stores a new user; returns its id. user.id is ignored; the other fields are stored as given.
  // Conflict when the email is taken, compared without regard to ASCII case; InvalidArgument
  // when the email or password_hash is empty.
  virtual Result<int64_t> CreateUser(const content::User& user) = 0;
  virtual Result<content::User> GetUser(int64_t id) = 0;  // NotFound if there is none
  // The user with this email, compared without regard to ASCII case. NotFound if there is none.
  virtual Result<content::User> GetUserByEmail(std::string_view email) = 0;
  // Every user, disabled ones included, by email (ASCII case ignored).
  virtual Result<std::vector<content::User>> ListUsers() = 0;
  // Replaces the name, role, password_hash, totp_secret and disabled flag of user user.id; its
  // email and created_at stay. It ends no session (see DeleteUserSessions).
  // NotFound if there is no such user; InvalidArgument when password_hash is empty.
  virtual Status UpdateUser(const content::User& user) = 0;

  // --- sessions: signed-in browsers, looked up by the hash of their token
  // Stores a new session. Conflict when its token_hash is taken; InvalidArgument when user_id
  // names no user or token_hash is empty.
  virtual Status CreateSession(const content::Session& session) = 0;
  // The session with this token hash if it is still valid at `now`: it has not expired
  // (now < expires_at) and its user is not disabled. NotFound otherwise, whichever the reason.
  virtual Result<content::Session> GetSession(std::string_view token_hash, base::Seconds now) = 0;
  // Records that the session was used at `last_seen_at` and moves its end to `expires_at`.
  // NotFound if there is no such session (expired ones are still there until deleted).
  virtual Status TouchSession(std::string_view token_hash, base::Seconds last_seen_at,
                              base::Seconds expires_at) = 0;
  // Ends one session. Ending a session that does not exist (or no longer does) is not an error.
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  // Ends every session of one user (after a password change, when the account is disabled);
  // returns how many there were. A user without sessions, or no such user, gives 0.
  virtual Result<int64_t> DeleteUserSessions(int64_t user_id) = 0;
  // Removes the sessions that have expired at `now` (expires_at <= now); returns how many.
  virtual Result<int64_t> DeleteExpiredSessions(base::Seconds now) = 0;

  // --- API tokens: what scripts present to the Admin API
  // Stores a new token; returns its id. Conflict when token_hash is taken; InvalidArgument when
  // user_id names no user, or name or token_hash is empty.
  virtual Result<int64_t> CreateApiToken(const content::ApiToken& token) = 0;
  // A user's tokens, newest first.
  virtual Result<std::vector<content::ApiToken>> ListApiTokens(int64_t user_id) = 0;
  // Revokes token `token_id` of user `user_id`. NotFound when that user has no such token.
  virtual Status DeleteApiToken(int64_t user_id, int64_t token_id) = 0;
  // The token with this hash, if its user exists and is not disabled; NotFound otherwise.
  virtual Result<content::ApiToken> GetApiToken(std::string_view token_hash) = 0;
  // Records the token's use at `at`. NotFound if there is no such token.
  virtual Status TouchApiToken(int64_t token_id, base::Seconds at) = 0;

  // --- operations
  // Checks the database's own integrity and its schema version; InvalidArgument or Internal
  // naming the problem if either is wrong.
  virtual Status CheckIntegrity() = 0;

  // --- reading a page
  // While the hold lives, the reads this thread makes share one read transaction, on one
  // connection: they see one snapshot, taken at the first of them, and a page's forty queries
  // pay for one transaction instead of forty. They do not see writes made meanwhile, this
  // thread's included: hold only around a run of reads. A hold asked for while this thread
  // holds one already does nothing. Should a read fail in a way that ends the transaction
  // (PostgreSQL), the reads after it take their own again.
  virtual std::unique_ptr<ReadHold> HoldReads() = 0;
};

}  // namespace gazette::store
