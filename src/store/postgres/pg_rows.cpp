#include "store/postgres/pg_rows.h"

#include <chrono>

namespace gazette::store::postgres {
namespace {

constexpr int kMaxLimit = 1000;

base::Error StoredValueError(const base::Error& error) {
  return base::Error(base::ErrorCode::kInternal, "stored row: " + error.message());
}

}  // namespace

base::Seconds FromUnixSeconds(int64_t unix_seconds) {
  return base::Seconds(std::chrono::seconds(unix_seconds));
}

Result<content::Section> ReadSection(const Rows& rows, int row) {
  auto kind = content::ParseSectionKind(rows.Text(row, 3));
  if (!kind) return base::Unexpected(StoredValueError(kind.error()));
  content::Section section;
  section.id = rows.Int(row, 0);
  section.slug = rows.Text(row, 1);
  section.name = rows.Text(row, 2);
  section.kind = *kind;
  section.position = static_cast<int>(rows.Int(row, 4));
  section.description = rows.Text(row, 5);
  return section;
}

Result<content::Author> ReadAuthor(const Rows& rows, int row) {
  content::Author author;
  author.id = rows.Int(row, 0);
  author.slug = rows.Text(row, 1);
  author.name = rows.Text(row, 2);
  author.bio = rows.Text(row, 3);
  author.user_id = rows.OptionalInt(row, 4);
  return author;
}

Result<content::Partner> ReadPartner(const Rows& rows, int row) {
  auto credit = content::ParsePartnerCredit(rows.Text(row, 5));
  if (!credit) return base::Unexpected(StoredValueError(credit.error()));
  content::Partner partner;
  partner.id = rows.Int(row, 0);
  partner.slug = rows.Text(row, 1);
  partner.name = rows.Text(row, 2);
  partner.url = rows.Text(row, 3);
  partner.feed_url = rows.OptionalText(row, 4);
  partner.credit = *credit;
  partner.description = rows.Text(row, 6);
  return partner;
}

Result<content::Tag> ReadTag(const Rows& rows, int row) {
  content::Tag tag;
  tag.id = rows.Int(row, 0);
  tag.slug = rows.Text(row, 1);
  tag.name = rows.Text(row, 2);
  return tag;
}

Result<content::User> ReadUser(const Rows& rows, int row) {
  auto role = content::ParseRole(rows.Text(row, 3));
  if (!role) return base::Unexpected(StoredValueError(role.error()));
  content::User user;
  user.id = rows.Int(row, 0);
  user.email = rows.Text(row, 1);
  user.name = rows.Text(row, 2);
  user.role = *role;
  user.password_hash = rows.Text(row, 4);
  user.totp_secret = rows.OptionalText(row, 5);
  user.disabled = rows.Bool(row, 6);
  user.created_at = FromUnixSeconds(rows.Int(row, 7));
  return user;
}

Result<content::Session> ReadSession(const Rows& rows, int row) {
  content::Session session;
  session.token_hash = rows.Text(row, 0);
  session.user_id = rows.Int(row, 1);
  session.csrf_token = rows.Text(row, 2);
  session.created_at = FromUnixSeconds(rows.Int(row, 3));
  session.expires_at = FromUnixSeconds(rows.Int(row, 4));
  session.last_seen_at = FromUnixSeconds(rows.Int(row, 5));
  return session;
}

Result<content::ApiToken> ReadApiToken(const Rows& rows, int row) {
  content::ApiToken token;
  token.id = rows.Int(row, 0);
  token.user_id = rows.Int(row, 1);
  token.name = rows.Text(row, 2);
  token.token_hash = rows.Text(row, 3);
  token.created_at = FromUnixSeconds(rows.Int(row, 4));
  if (auto used = rows.OptionalInt(row, 5)) token.last_used_at = FromUnixSeconds(*used);
  return token;
}

Result<content::Article> ReadArticle(const Rows& rows, int row, bool with_body) {
  auto status = content::ParseArticleStatus(rows.Text(row, 4));
  if (!status) return base::Unexpected(StoredValueError(status.error()));
  content::Article article;
  article.id = rows.Int(row, 0);
  article.slug = rows.Text(row, 1);
  article.title = rows.Text(row, 2);
  article.dek = rows.Text(row, 3);
  article.status = *status;
  article.section_id = rows.Int(row, 5);
  article.partner_id = rows.OptionalInt(row, 6);
  article.original_url = rows.Text(row, 7);
  article.published_at = FromUnixSeconds(rows.Int(row, 8));
  article.updated_at = FromUnixSeconds(rows.Int(row, 9));
  article.word_count = static_cast<int>(rows.Int(row, 10));
  article.lead_image_id = rows.OptionalInt(row, 11);
  article.lead_image_alt = rows.Text(row, 12);
  article.created_by = rows.OptionalInt(row, 13);
  article.version = rows.Int(row, 14);
  if (with_body) {
    article.body_md = rows.Text(row, 15);
    article.body_html = rows.Text(row, 16);
  }
  return article;
}

Result<content::Revision> ReadRevision(const Rows& rows, int row) {
  auto status = content::ParseArticleStatus(rows.Text(row, 5));
  if (!status) return base::Unexpected(StoredValueError(status.error()));
  content::Revision revision;
  revision.id = rows.Int(row, 0);
  revision.article_id = rows.Int(row, 1);
  revision.title = rows.Text(row, 2);
  revision.dek = rows.Text(row, 3);
  revision.body_md = rows.Text(row, 4);
  revision.status = *status;
  revision.editor_id = rows.OptionalInt(row, 6);
  revision.created_at = FromUnixSeconds(rows.Int(row, 7));
  return revision;
}

Result<content::Media> ReadMedia(const Rows& rows, int row) {
  content::Media media;
  media.id = rows.Int(row, 0);
  media.sha256 = rows.Text(row, 1);
  media.original_mime = rows.Text(row, 2);
  media.filename = rows.Text(row, 3);
  media.width = static_cast<int>(rows.Int(row, 4));
  media.height = static_cast<int>(rows.Int(row, 5));
  media.uploaded_by = rows.OptionalInt(row, 6);
  media.created_at = FromUnixSeconds(rows.Int(row, 7));
  return media;
}

Result<content::MediaVariant> ReadMediaVariant(const Rows& rows, int row, bool with_bytes) {
  auto format = content::ParseImageFormat(rows.Text(row, 1));
  if (!format) return base::Unexpected(StoredValueError(format.error()));
  content::MediaVariant variant;
  variant.format = *format;
  variant.width = static_cast<int>(rows.Int(row, 2));
  variant.height = static_cast<int>(rows.Int(row, 3));
  if (with_bytes) variant.bytes = rows.Bytea(row, 4);
  return variant;
}

Status RequireRow(Connection& connection, std::string_view exists, int64_t id,
                  std::string_view what) {
  auto found = connection.Query(exists, id);
  if (!found) return base::Unexpected(found.error());
  if (found->empty()) {
    return base::InvalidArgumentError("no " + std::string(what) + " with id " + std::to_string(id));
  }
  return base::Ok();
}

Status CheckPage(int limit, int offset) {
  if (limit < 1 || limit > kMaxLimit) {
    return base::InvalidArgumentError("limit must be between 1 and " + std::to_string(kMaxLimit) +
                                      ", not " + std::to_string(limit));
  }
  if (offset < 0) return base::InvalidArgumentError("offset must not be negative");
  return base::Ok();
}

Status FillArticleLinks(Connection& connection, std::vector<content::Article>& articles,
                        bool with_tag_ids) {
  using content::Article;
  if (articles.empty()) return base::Ok();
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Article*> by_id;
  for (Article& article : articles) {
    ids.push_back(article.id);
    by_id.emplace(article.id, &article);
  }
  const std::string id_array = IdArray(ids);
  struct LinkQuery {
    std::string_view sql;
    std::vector<int64_t> Article::*field;
  };
  constexpr LinkQuery kLinks[] = {
      {"SELECT article_id, author_id FROM article_authors "
       "WHERE article_id = ANY ($1::bigint[]) ORDER BY article_id, position",
       &Article::author_ids},
      {"SELECT article_id, tag_id FROM article_tags "
       "WHERE article_id = ANY ($1::bigint[]) ORDER BY article_id, position",
       &Article::tag_ids},
  };
  for (const LinkQuery& link : std::span<const LinkQuery>(kLinks, with_tag_ids ? 2 : 1)) {
    auto rows = connection.Query(link.sql, id_array);
    if (!rows) return base::Unexpected(rows.error());
    for (int row = 0; row < rows->size(); ++row) {
      (by_id.at(rows->Int(row, 0))->*link.field).push_back(rows->Int(row, 1));
    }
  }
  return base::Ok();
}

Result<std::vector<content::Article>> LoadArticleListing(Connection& connection, const Rows& rows,
                                                         bool with_tag_ids) {
  auto articles = ReadAll(
      rows, [](const Rows& r, int row) { return ReadArticle(r, row, /*with_body=*/false); });
  if (!articles) return articles;
  if (auto filled = FillArticleLinks(connection, *articles, with_tag_ids); !filled) {
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

std::string IdArray(std::span<const int64_t> ids) {
  std::string array = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) array += ',';
    array += std::to_string(ids[i]);
  }
  array += '}';
  return array;
}

}  // namespace gazette::store::postgres
