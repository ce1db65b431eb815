// PostgresStore: sections, authors, partners, tags, slugs and settings.
#include <string>

#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

std::string Quoted(std::string_view kind, std::string_view slug) {
  return std::string(kind) + " '" + std::string(slug) + "'";
}

// The id an INSERT ... RETURNING id gave, or its error naming the row.
Result<int64_t> InsertedId(const Result<Rows>& inserted, std::string_view kind,
                           std::string_view slug) {
  if (!inserted) return base::Unexpected(WithContext(inserted.error(), Quoted(kind, slug)));
  return inserted->Int(0, 0);
}

// The outcome of an UPDATE of row `id`: NotFound when there is no such row.
Status UpdatedRow(const Result<Rows>& updated, std::string_view kind, std::string_view slug,
                  int64_t id) {
  if (!updated) return base::Unexpected(WithContext(updated.error(), Quoted(kind, slug)));
  if (updated->affected() == 0) {
    return base::NotFoundError("no " + std::string(kind) + " with id " + std::to_string(id));
  }
  return base::Ok();
}

// InvalidArgument naming the author when user_id names no user. The foreign key would refuse it
// too; checking first gives the message SQLite's backend gives.
Status CheckAuthorUser(Connection& connection, const content::Author& author) {
  if (!author.user_id) return base::Ok();
  auto found = connection.Query("SELECT 1 FROM users WHERE id = $1", *author.user_id);
  if (!found) return base::Unexpected(found.error());
  if (found->empty()) {
    return base::InvalidArgumentError(Quoted("author", author.slug) + ": no user with id " +
                                      std::to_string(*author.user_id));
  }
  return base::Ok();
}

// The rows of `table_query` (which takes a bigint[] of ids as $1) in the order of `ids`.
template <class Reader>
auto ByIds(Connection& connection, std::string_view table_query, std::span<const int64_t> ids,
           Reader read) -> decltype(ReadAll(std::declval<const Rows&>(), read)) {
  auto query = connection.Query(table_query, IdArray(ids));
  if (!query) return base::Unexpected(query.error());
  auto rows = ReadAll(*query, read);
  if (!rows) return rows;
  return InOrderOf(ids, *rows);
}

// Every row of a query without parameters.
template <class Reader>
auto All(Connection& connection, std::string_view sql, Reader read)
    -> decltype(ReadAll(std::declval<const Rows&>(), read)) {
  auto query = connection.Query(sql);
  if (!query) return base::Unexpected(query.error());
  return ReadAll(*query, read);
}

// The one row a query for `key` finds; NotFound `missing` when there is none.
template <class Key, class Reader>
auto One(Connection& connection, std::string_view sql, const Key& key, Reader read,
         std::string_view missing) -> std::invoke_result_t<Reader, const Rows&, int> {
  auto query = connection.Query(sql, key);
  if (!query) return base::Unexpected(query.error());
  return ReadOne(*query, read, missing);
}

}  // namespace

Result<std::vector<content::Section>> PostgresStore::ListSections() {
  static const std::string kSql = Select(kSectionColumns, "FROM sections ORDER BY position, name");
  return Read([](Connection& c) { return All(c, kSql, ReadSection); });
}

Result<content::Section> PostgresStore::GetSectionBySlug(std::string_view slug) {
  static const std::string kSql = Select(kSectionColumns, "FROM sections WHERE slug = $1");
  return Read([slug](Connection& c) {
    return One(c, kSql, slug, ReadSection, "no " + Quoted("section", slug));
  });
}

Result<content::Section> PostgresStore::GetSection(int64_t id) {
  static const std::string kSql = Select(kSectionColumns, "FROM sections WHERE id = $1");
  return Read([id](Connection& c) {
    return One(c, kSql, id, ReadSection, "no section with id " + std::to_string(id));
  });
}

Result<int64_t> PostgresStore::CreateSection(const content::Section& section) {
  return Write([&section](Connection& c) {
    return InsertedId(c.Query("INSERT INTO sections (slug, name, kind, position, description) "
                              "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                              section.slug, section.name, content::SectionKindName(section.kind),
                              section.position, section.description),
                      "section", section.slug);
  });
}

Status PostgresStore::UpdateSection(const content::Section& section) {
  return Write([&section](Connection& c) {
    return UpdatedRow(c.Query("UPDATE sections SET slug = $1, name = $2, kind = $3, "
                              "position = $4, description = $5 WHERE id = $6",
                              section.slug, section.name, content::SectionKindName(section.kind),
                              section.position, section.description, section.id),
                      "section", section.slug, section.id);
  });
}

Result<std::vector<content::Author>> PostgresStore::ListAuthors() {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors ORDER BY name, id");
  return Read([](Connection& c) { return All(c, kSql, ReadAuthor); });
}

Result<content::Author> PostgresStore::GetAuthorBySlug(std::string_view slug) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE slug = $1");
  return Read([slug](Connection& c) {
    return One(c, kSql, slug, ReadAuthor, "no " + Quoted("author", slug));
  });
}

Result<std::vector<content::Author>> PostgresStore::GetAuthors(std::span<const int64_t> ids) {
  static const std::string kSql =
      Select(kAuthorColumns, "FROM authors WHERE id = ANY ($1::bigint[])");
  return Read([ids](Connection& c) { return ByIds(c, kSql, ids, ReadAuthor); });
}

Result<content::Author> PostgresStore::GetAuthor(int64_t id) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE id = $1");
  return Read([id](Connection& c) {
    return One(c, kSql, id, ReadAuthor, "no author with id " + std::to_string(id));
  });
}

Result<content::Author> PostgresStore::GetAuthorByUser(int64_t user_id) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE user_id = $1");
  return Read([user_id](Connection& c) {
    return One(c, kSql, user_id, ReadAuthor,
               "user " + std::to_string(user_id) + " has no author profile");
  });
}

Result<int64_t> PostgresStore::CreateAuthor(const content::Author& author) {
  return Write([&author](Connection& c) -> Result<int64_t> {
    if (auto checked = CheckAuthorUser(c, author); !checked) {
      return base::Unexpected(checked.error());
    }
    return InsertedId(c.Query("INSERT INTO authors (slug, name, bio, user_id) "
                              "VALUES ($1, $2, $3, $4) RETURNING id",
                              author.slug, author.name, author.bio, author.user_id),
                      "author", author.slug);
  });
}

Status PostgresStore::UpdateAuthor(const content::Author& author) {
  return Write([&author](Connection& c) -> Status {
    if (auto checked = CheckAuthorUser(c, author); !checked) return checked;
    return UpdatedRow(
        c.Query("UPDATE authors SET slug = $1, name = $2, bio = $3, user_id = $4 WHERE id = $5",
                author.slug, author.name, author.bio, author.user_id, author.id),
        "author", author.slug, author.id);
  });
}

Result<std::vector<content::Partner>> PostgresStore::ListPartners() {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners ORDER BY name, id");
  return Read([](Connection& c) { return All(c, kSql, ReadPartner); });
}

Result<content::Partner> PostgresStore::GetPartner(int64_t id) {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners WHERE id = $1");
  return Read([id](Connection& c) {
    return One(c, kSql, id, ReadPartner, "no partner with id " + std::to_string(id));
  });
}

Result<content::Partner> PostgresStore::GetPartnerBySlug(std::string_view slug) {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners WHERE slug = $1");
  return Read([slug](Connection& c) {
    return One(c, kSql, slug, ReadPartner, "no " + Quoted("partner", slug));
  });
}

Result<int64_t> PostgresStore::CreatePartner(const content::Partner& partner) {
  return Write([&partner](Connection& c) {
    return InsertedId(
        c.Query("INSERT INTO partners (slug, name, url, feed_url, credit, description) "
                "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                partner.slug, partner.name, partner.url, partner.feed_url,
                content::PartnerCreditName(partner.credit), partner.description),
        "partner", partner.slug);
  });
}

Status PostgresStore::UpdatePartner(const content::Partner& partner) {
  return Write([&partner](Connection& c) {
    return UpdatedRow(
        c.Query("UPDATE partners SET slug = $1, name = $2, url = $3, feed_url = $4, "
                "credit = $5, description = $6 WHERE id = $7",
                partner.slug, partner.name, partner.url, partner.feed_url,
                content::PartnerCreditName(partner.credit), partner.description, partner.id),
        "partner", partner.slug, partner.id);
  });
}

Result<std::vector<content::Tag>> PostgresStore::ListTags() {
  static const std::string kSql = Select(kTagColumns, "FROM tags ORDER BY name, id");
  return Read([](Connection& c) { return All(c, kSql, ReadTag); });
}

Result<content::Tag> PostgresStore::GetTagBySlug(std::string_view slug) {
  static const std::string kSql = Select(kTagColumns, "FROM tags WHERE slug = $1");
  return Read(
      [slug](Connection& c) { return One(c, kSql, slug, ReadTag, "no " + Quoted("tag", slug)); });
}

Result<std::vector<content::Tag>> PostgresStore::GetTags(std::span<const int64_t> ids) {
  static const std::string kSql = Select(kTagColumns, "FROM tags WHERE id = ANY ($1::bigint[])");
  return Read([ids](Connection& c) { return ByIds(c, kSql, ids, ReadTag); });
}

Result<int64_t> PostgresStore::UpsertTag(const content::Tag& tag) {
  return Write([&tag](Connection& c) -> Result<int64_t> {
    // Under READ COMMITTED, a tag that a concurrent writer just added is seen by the SELECT
    // once ON CONFLICT has waited for that writer's commit.
    auto inserted = c.Query(
        "INSERT INTO tags (slug, name) VALUES ($1, $2) "
        "ON CONFLICT (slug) DO NOTHING RETURNING id",
        tag.slug, tag.name);
    if (!inserted) return base::Unexpected(WithContext(inserted.error(), Quoted("tag", tag.slug)));
    if (!inserted->empty()) return inserted->Int(0, 0);
    return One(
        c, "SELECT id FROM tags WHERE slug = $1", tag.slug,
        [](const Rows& rows, int row) -> Result<int64_t> { return rows.Int(row, 0); },
        "no " + Quoted("tag", tag.slug));
  });
}

Result<bool> PostgresStore::IsSlugTaken(SlugKind kind, std::string_view slug) {
  std::string_view sql;
  switch (kind) {
    case SlugKind::kSection:
      sql = "SELECT 1 FROM sections WHERE slug = $1";
      break;
    case SlugKind::kAuthor:
      sql = "SELECT 1 FROM authors WHERE slug = $1";
      break;
    case SlugKind::kPartner:
      sql = "SELECT 1 FROM partners WHERE slug = $1";
      break;
    case SlugKind::kTag:
      sql = "SELECT 1 FROM tags WHERE slug = $1";
      break;
    case SlugKind::kArticle:
      sql = "SELECT 1 FROM articles WHERE slug = $1";
      break;
  }
  return Read([sql, slug](Connection& c) -> Result<bool> {
    auto query = c.Query(sql, slug);
    if (!query) return base::Unexpected(query.error());
    return !query->empty();
  });
}

Result<std::string> PostgresStore::GetSetting(std::string_view key) {
  return Read([key](Connection& c) {
    return One(
        c, "SELECT value FROM settings WHERE key = $1", key,
        [](const Rows& rows, int row) -> Result<std::string> { return rows.Text(row, 0); },
        "setting '" + std::string(key) + "' is not set");
  });
}

Status PostgresStore::SetSetting(std::string_view key, std::string_view value) {
  return Write([key, value](Connection& c) -> Status {
    auto upserted = c.Query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key, value);
    if (!upserted) {
      return base::Unexpected(WithContext(upserted.error(), "setting '" + std::string(key) + "'"));
    }
    return base::Ok();
  });
}

}  // namespace gazette::store::postgres
