#include "store/sqlite/rows.h"

#include <chrono>

namespace gazette::store::sqlite {
namespace {

base::Seconds ToSeconds(int64_t unix_seconds) {
  return base::Seconds(std::chrono::seconds(unix_seconds));
}

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
  if (with_body) {
    article.body_md = row.Text(11);
    article.body_html = row.Text(12);
  }
  return article;
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
