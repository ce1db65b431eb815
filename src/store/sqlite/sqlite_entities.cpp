// SqliteStore: sections, authors, partners, tags, slugs and settings.
#include <algorithm>
#include <iterator>
#include <string>

#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

std::string Quoted(std::string_view kind, std::string_view slug) {
  return std::string(kind) + " '" + std::string(slug) + "'";
}

// Runs an INSERT whose values are already bound; the new row's id.
Result<int64_t> Insert(Db& db, Statement& insert, std::string_view kind, std::string_view slug) {
  if (auto ran = insert.Run(); !ran) {
    return base::Unexpected(WithContext(ran.error(), Quoted(kind, slug)));
  }
  return db.LastInsertId();
}

// Runs an UPDATE of row `id` whose values are already bound; NotFound when there is no such row.
Status UpdateRow(Db& db, Statement& update, std::string_view kind, std::string_view slug,
                 int64_t id) {
  if (auto ran = update.Run(); !ran) {
    return base::Unexpected(WithContext(ran.error(), Quoted(kind, slug)));
  }
  if (db.Changes() == 0) {
    return base::NotFoundError("no " + std::string(kind) + " with id " + std::to_string(id));
  }
  return base::Ok();
}

// InvalidArgument naming the author when user_id names no user. authors.user_id has no foreign
// key (0001 made it before the users existed), so the store checks it.
Status CheckAuthorUser(Db& db, const content::Author& author) {
  if (!author.user_id) return base::Ok();
  Status found = RequireRow(db, "SELECT 1 FROM users WHERE id = ?", *author.user_id, "user");
  if (!found) return base::Unexpected(WithContext(found.error(), Quoted("author", author.slug)));
  return base::Ok();
}

// The rows `by_id` (which takes one id as ?1) finds for `ids`, in their order (an id listed twice
// gives its row twice); ids without a row are skipped. A primary-key seek per id costs less than
// one query over a json_each() list for the few ids a page asks for.
template <class Reader>
auto ByIds(Db& db, std::string_view by_id, std::span<const int64_t> ids, Reader read)
    -> decltype(ReadAll(std::declval<Statement&>(), read)) {
  typename decltype(ReadAll(std::declval<Statement&>(), read))::value_type rows;
  rows.reserve(ids.size());
  for (int64_t id : ids) {
    auto query = db.Prepare(by_id);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    auto found = ReadAll(*query, read);
    if (!found) return found;
    std::move(found->begin(), found->end(), std::back_inserter(rows));
  }
  return rows;
}

}  // namespace

Result<std::vector<content::Section>> SqliteStore::ListSections() {
  static const std::string kSql = Select(kSectionColumns, "FROM sections ORDER BY position, name");
  return Read([](Db& db) -> Result<std::vector<content::Section>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadSection);
  });
}

Result<content::Section> SqliteStore::GetSectionBySlug(std::string_view slug) {
  static const std::string kSql = Select(kSectionColumns, "FROM sections WHERE slug = ?");
  return Read([slug](Db& db) -> Result<content::Section> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return ReadOne(*query, ReadSection, "no " + Quoted("section", slug));
  });
}

Result<content::Section> SqliteStore::GetSection(int64_t id) {
  static const std::string kSql = Select(kSectionColumns, "FROM sections WHERE id = ?");
  return Read([id](Db& db) -> Result<content::Section> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return ReadOne(*query, ReadSection, "no section with id " + std::to_string(id));
  });
}

Status SqliteStore::UpdateSection(const content::Section& section) {
  return Write([&section](Db& db) -> Status {
    auto update = db.Prepare(
        "UPDATE sections SET slug = ?, name = ?, kind = ?, position = ?, description = ? "
        "WHERE id = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(section.slug, section.name, content::SectionKindName(section.kind),
                    int64_t{section.position}, section.description, section.id);
    return UpdateRow(db, *update, "section", section.slug, section.id);
  });
}

Result<int64_t> SqliteStore::CreateSection(const content::Section& section) {
  return Write([&section](Db& db) -> Result<int64_t> {
    auto insert = db.Prepare(
        "INSERT INTO sections (slug, name, kind, position, description) VALUES (?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(section.slug, section.name, content::SectionKindName(section.kind),
                    int64_t{section.position}, section.description);
    return Insert(db, *insert, "section", section.slug);
  });
}

Result<std::vector<content::Author>> SqliteStore::ListAuthors() {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors ORDER BY name, id");
  return Read([](Db& db) -> Result<std::vector<content::Author>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadAuthor);
  });
}

Result<content::Author> SqliteStore::GetAuthorBySlug(std::string_view slug) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE slug = ?");
  return Read([slug](Db& db) -> Result<content::Author> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return ReadOne(*query, ReadAuthor, "no " + Quoted("author", slug));
  });
}

Result<std::vector<content::Author>> SqliteStore::GetAuthors(std::span<const int64_t> ids) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE id = ?");
  return Read([ids](Db& db) { return ByIds(db, kSql, ids, ReadAuthor); });
}

Result<content::Author> SqliteStore::GetAuthor(int64_t id) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE id = ?");
  return Read([id](Db& db) -> Result<content::Author> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return ReadOne(*query, ReadAuthor, "no author with id " + std::to_string(id));
  });
}

Result<content::Author> SqliteStore::GetAuthorByUser(int64_t user_id) {
  static const std::string kSql = Select(kAuthorColumns, "FROM authors WHERE user_id = ?");
  return Read([user_id](Db& db) -> Result<content::Author> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(user_id);
    return ReadOne(*query, ReadAuthor,
                   "user " + std::to_string(user_id) + " has no author profile");
  });
}

Result<int64_t> SqliteStore::CreateAuthor(const content::Author& author) {
  return Write([&author](Db& db) -> Result<int64_t> {
    if (auto checked = CheckAuthorUser(db, author); !checked) {
      return base::Unexpected(checked.error());
    }
    auto insert = db.Prepare("INSERT INTO authors (slug, name, bio, user_id) VALUES (?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(author.slug, author.name, author.bio, author.user_id);
    return Insert(db, *insert, "author", author.slug);
  });
}

Status SqliteStore::UpdateAuthor(const content::Author& author) {
  return Write([&author](Db& db) -> Status {
    if (auto checked = CheckAuthorUser(db, author); !checked) return checked;
    auto update =
        db.Prepare("UPDATE authors SET slug = ?, name = ?, bio = ?, user_id = ? WHERE id = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(author.slug, author.name, author.bio, author.user_id, author.id);
    return UpdateRow(db, *update, "author", author.slug, author.id);
  });
}

Result<std::vector<content::Partner>> SqliteStore::ListPartners() {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners ORDER BY name, id");
  return Read([](Db& db) -> Result<std::vector<content::Partner>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadPartner);
  });
}

Result<content::Partner> SqliteStore::GetPartner(int64_t id) {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners WHERE id = ?");
  return Read([id](Db& db) -> Result<content::Partner> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(id);
    return ReadOne(*query, ReadPartner, "no partner with id " + std::to_string(id));
  });
}

Result<content::Partner> SqliteStore::GetPartnerBySlug(std::string_view slug) {
  static const std::string kSql = Select(kPartnerColumns, "FROM partners WHERE slug = ?");
  return Read([slug](Db& db) -> Result<content::Partner> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return ReadOne(*query, ReadPartner, "no " + Quoted("partner", slug));
  });
}

Result<int64_t> SqliteStore::CreatePartner(const content::Partner& partner) {
  return Write([&partner](Db& db) -> Result<int64_t> {
    auto insert = db.Prepare(
        "INSERT INTO partners (slug, name, url, feed_url, credit, description) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(partner.slug, partner.name, partner.url, partner.feed_url,
                    content::PartnerCreditName(partner.credit), partner.description);
    return Insert(db, *insert, "partner", partner.slug);
  });
}

Status SqliteStore::UpdatePartner(const content::Partner& partner) {
  return Write([&partner](Db& db) -> Status {
    auto update = db.Prepare(
        "UPDATE partners SET slug = ?, name = ?, url = ?, feed_url = ?, credit = ?, "
        "description = ? WHERE id = ?");
    if (!update) return base::Unexpected(update.error());
    update->BindAll(partner.slug, partner.name, partner.url, partner.feed_url,
                    content::PartnerCreditName(partner.credit), partner.description, partner.id);
    return UpdateRow(db, *update, "partner", partner.slug, partner.id);
  });
}

Result<std::vector<content::Tag>> SqliteStore::ListTags() {
  static const std::string kSql = Select(kTagColumns, "FROM tags ORDER BY name, id");
  return Read([](Db& db) -> Result<std::vector<content::Tag>> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    return ReadAll(*query, ReadTag);
  });
}

Result<content::Tag> SqliteStore::GetTagBySlug(std::string_view slug) {
  static const std::string kSql = Select(kTagColumns, "FROM tags WHERE slug = ?");
  return Read([slug](Db& db) -> Result<content::Tag> {
    auto query = db.Prepare(kSql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return ReadOne(*query, ReadTag, "no " + Quoted("tag", slug));
  });
}

Result<std::vector<content::Tag>> SqliteStore::GetTags(std::span<const int64_t> ids) {
  static const std::string kSql = Select(kTagColumns, "FROM tags WHERE id = ?");
  return Read([ids](Db& db) { return ByIds(db, kSql, ids, ReadTag); });
}

Result<int64_t> SqliteStore::UpsertTag(const content::Tag& tag) {
  return Write([&tag](Db& db) -> Result<int64_t> {
    auto insert =
        db.Prepare("INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING");
    if (!insert) return base::Unexpected(insert.error());
    insert->BindAll(tag.slug, tag.name);
    if (auto ran = insert->Run(); !ran) {
      return base::Unexpected(WithContext(ran.error(), Quoted("tag", tag.slug)));
    }
    auto query = db.Prepare("SELECT id FROM tags WHERE slug = ?");
    if (!query) return base::Unexpected(query.error());
    query->BindAll(tag.slug);
    return ReadOne(
        *query, [](const Statement& row) -> Result<int64_t> { return row.Int(0); },
        "no " + Quoted("tag", tag.slug));
  });
}

Result<bool> SqliteStore::IsSlugTaken(SlugKind kind, std::string_view slug) {
  std::string_view sql;
  switch (kind) {
    case SlugKind::kSection:
      sql = "SELECT 1 FROM sections WHERE slug = ?";
      break;
    case SlugKind::kAuthor:
      sql = "SELECT 1 FROM authors WHERE slug = ?";
      break;
    case SlugKind::kPartner:
      sql = "SELECT 1 FROM partners WHERE slug = ?";
      break;
    case SlugKind::kTag:
      sql = "SELECT 1 FROM tags WHERE slug = ?";
      break;
    case SlugKind::kArticle:
      sql = "SELECT 1 FROM articles WHERE slug = ?";
      break;
  }
  return Read([sql, slug](Db& db) -> Result<bool> {
    auto query = db.Prepare(sql);
    if (!query) return base::Unexpected(query.error());
    query->BindAll(slug);
    return query->Step();
  });
}

Result<std::string> SqliteStore::GetSetting(std::string_view key) {
  return Read([key](Db& db) -> Result<std::string> {
    auto query = db.Prepare("SELECT value FROM settings WHERE key = ?");
    if (!query) return base::Unexpected(query.error());
    query->BindAll(key);
    return ReadOne(
        *query, [](const Statement& row) -> Result<std::string> { return row.Text(0); },
        "setting '" + std::string(key) + "' is not set");
  });
}

Status SqliteStore::SetSetting(std::string_view key, std::string_view value) {
  return Write([key, value](Db& db) -> Status {
    auto upsert = db.Prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert) return base::Unexpected(upsert.error());
    upsert->BindAll(key, value);
    if (auto ran = upsert->Run(); !ran) {
      return base::Unexpected(WithContext(ran.error(), "setting '" + std::string(key) + "'"));
    }
    return base::Ok();
  });
}

}  // namespace gazette::store::sqlite
