#include "store/postgres/pg_rows.h"

#include <chrono>

namespace gazette::store::postgres {
namespace {

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
