#include "store/sqlite/rows.h"

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

namespace gazette::store::sqlite {
namespace {

base::Seconds ToSeconds(int64_t unix_seconds) {
  return base::Seconds(std::chrono::seconds(unix_seconds));
}

constexpr int kMaxLimit = 1000;

base::Error StoredValueError(const base::Error& error) {
  return base::Error(base::ErrorCode::kInternal, "stored row: " + error.message());
}

}  // namespace

Result<content::Section> ReadSection(const Statement& row) {
  auto kind = content::ParseSectionKind(row.Text(3));
  if (!kind) return base::Unexpected(StoredValueError(kind.error()));
  content::Section section;
  section.id = row.Int(0);
  section.slug = row.Text(1);
  section.name = row.Text(2);
  section.kind = *kind;
  section.position = static_cast<int>(row.Int(4));
  section.description = row.Text(5);
  return section;
}

Result<content::Author> ReadAuthor(const Statement& row) {
  content::Author author;
  author.id = row.Int(0);
  author.slug = row.Text(1);
  author.name = row.Text(2);
  author.bio = row.Text(3);
  author.user_id = row.OptionalInt(4);
  return author;
}

Result<content::Partner> ReadPartner(const Statement& row) {
  auto credit = content::ParsePartnerCredit(row.Text(5));
  if (!credit) return base::Unexpected(StoredValueError(credit.error()));
  content::Partner partner;
  partner.id = row.Int(0);
  partner.slug = row.Text(1);
  partner.name = row.Text(2);
  partner.url = row.Text(3);
  partner.feed_url = row.OptionalText(4);
  partner.credit = *credit;
  partner.description = row.Text(6);
  return partner;
}

Result<content::Tag> ReadTag(const Statement& row) {
  content::Tag tag;
  tag.id = row.Int(0);
  tag.slug = row.Text(1);
  tag.name = row.Text(2);
  return tag;
}

Result<content::User> ReadUser(const Statement& row) {
  auto role = content::ParseRole(row.Text(3));
  if (!role) return base::Unexpected(StoredValueError(role.error()));
  content::User user;
  user.id = row.Int(0);
  user.email = row.Text(1);
  user.name = row.Text(2);
  user.role = *role;
  user.password_hash = row.Text(4);
  user.totp_secret = row.OptionalText(5);
  user.disabled = row.Int(6) != 0;
  user.created_at = ToSeconds(row.Int(7));
  return user;
}

Result<content::Session> ReadSession(const Statement& row) {
  content::Session session;
  session.token_hash = row.Text(0);
  session.user_id = row.Int(1);
  session.csrf_token = row.Text(2);
  session.created_at = ToSeconds(row.Int(3));
  session.expires_at = ToSeconds(row.Int(4));
  session.last_seen_at = ToSeconds(row.Int(5));
  return session;
}

Result<content::Article> ReadArticle(const Statement& row, bool with_body) {
  auto status = content::ParseArticleStatus(row.Text(4));
  if (!status) return base::Unexpected(StoredValueError(status.error()));
  content::Article article;
  article.id = row.Int(0);
  article.slug = row.Text(1);
  article.title = row.Text(2);
  article.dek = row.Text(3);
  article.status = *status;
  article.section_id = row.Int(5);
  article.partner_id = row.OptionalInt(6);
  article.original_url = row.Text(7);
  article.published_at = ToSeconds(row.Int(8));
  article.updated_at = ToSeconds(row.Int(9));
  article.word_count = static_cast<int>(row.Int(10));
  article.lead_image_id = row.OptionalInt(11);
  article.lead_image_alt = row.Text(12);
  article.created_by = row.OptionalInt(13);
  article.version = row.Int(14);
  if (with_body) {
    article.body_md = row.Text(15);
    article.body_html = row.Text(16);
  }
  return article;
}

Result<content::ApiToken> ReadApiToken(const Statement& row) {
  content::ApiToken token;
  token.id = row.Int(0);
  token.user_id = row.Int(1);
  token.name = row.Text(2);
  token.token_hash = row.Text(3);
  token.created_at = ToSeconds(row.Int(4));
  if (auto used = row.OptionalInt(5)) token.last_used_at = ToSeconds(*used);
  return token;
}

Result<content::Revision> ReadRevision(const Statement& row) {
  auto status = content::ParseArticleStatus(row.Text(5));
  if (!status) return base::Unexpected(StoredValueError(status.error()));
  content::Revision revision;
  revision.id = row.Int(0);
  revision.article_id = row.Int(1);
  revision.title = row.Text(2);
  revision.dek = row.Text(3);
  revision.body_md = row.Text(4);
  revision.status = *status;
  revision.editor_id = row.OptionalInt(6);
  revision.created_at = ToSeconds(row.Int(7));
  return revision;
}

Result<content::Media> ReadMedia(const Statement& row) {
  content::Media media;
  media.id = row.Int(0);
  media.sha256 = row.Text(1);
  media.original_mime = row.Text(2);
  media.filename = row.Text(3);
  media.width = static_cast<int>(row.Int(4));
  media.height = static_cast<int>(row.Int(5));
  media.uploaded_by = row.OptionalInt(6);
  media.created_at = ToSeconds(row.Int(7));
  return media;
}

Result<content::MediaVariant> ReadMediaVariant(const Statement& row, bool with_bytes) {
  auto format = content::ParseImageFormat(row.Text(1));
  if (!format) return base::Unexpected(StoredValueError(format.error()));
  content::MediaVariant variant;
  variant.format = *format;
  variant.width = static_cast<int>(row.Int(2));
  variant.height = static_cast<int>(row.Int(3));
  if (with_bytes) variant.bytes = row.Blob(4);
  return variant;
}

Status CheckPage(int limit, int offset) {
  if (limit < 1 || limit > kMaxLimit) {
    return base::InvalidArgumentError("limit must be between 1 and " + std::to_string(kMaxLimit) +
                                      ", not " + std::to_string(limit));
  }
  if (offset < 0) return base::InvalidArgumentError("offset must not be negative");
  return base::Ok();
}

Status RequireRow(Db& db, std::string_view exists, int64_t id, std::string_view what) {
  auto query = db.Prepare(exists);
  if (!query) return base::Unexpected(query.error());
  query->BindAll(id);
  auto found = query->Step();
  if (!found) return base::Unexpected(found.error());
  if (!*found) {
    return base::InvalidArgumentError("no " + std::string(what) + " with id " + std::to_string(id));
  }
  return base::Ok();
}

Status FillArticleLinks(Db& db, std::vector<content::Article>& articles, bool with_tag_ids) {
  using content::Article;
  // One primary-key seek per article and link: for the few articles of a listing this costs far
  // less than one query over a json_each() list, which builds a list and sorts the rows. The
  // rows come in key order and are put in position order here, which spares SQLite a sorter.
  struct LinkQuery {
    std::string_view sql;
    std::vector<int64_t> Article::*field;
  };
  constexpr LinkQuery kLinks[] = {
      {"SELECT author_id, position FROM article_authors WHERE article_id = ?",
       &Article::author_ids},
      {"SELECT tag_id, position FROM article_tags WHERE article_id = ?", &Article::tag_ids},
  };
  const std::span<const LinkQuery> wanted(kLinks, with_tag_ids ? 2 : 1);
  std::vector<std::pair<int64_t, int64_t>> linked;  // (position, id)
  for (Article& article : articles) {
    for (const LinkQuery& link : wanted) {
      auto query = db.Prepare(link.sql);
      if (!query) return base::Unexpected(query.error());
      query->BindAll(article.id);
      linked.clear();
      while (true) {
        auto row = query->Step();
        if (!row) return base::Unexpected(row.error());
        if (!*row) break;
        linked.emplace_back(query->Int(1), query->Int(0));
      }
      std::sort(linked.begin(), linked.end());
      std::vector<int64_t>& ids = article.*link.field;
      for (const auto& [position, id] : linked) ids.push_back(id);
    }
  }
  return base::Ok();
}

Result<std::vector<content::Article>> LoadArticleListing(Db& db, Statement& query,
                                                         bool with_tag_ids) {
  auto articles = ReadAll(query, [](const Statement& row) { return ReadArticle(row, false); });
  if (!articles) return articles;
  if (auto filled = FillArticleLinks(db, *articles, with_tag_ids); !filled) {
    return base::Unexpected(filled.error());
  }
  return articles;
}

std::string Select(std::string_view columns, std::string_view rest) {
  std::string sql = "SELECT ";
  sql += columns;
  sql += ' ';
  sql += rest;
  return sql;
}

std::string JsonIds(std::span<const int64_t> ids) {
  std::string json = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) json += ',';
    json += std::to_string(ids[i]);
  }
  json += ']';
  return json;
}

}  // namespace gazette::store::sqlite
