// Moving a site from SQLite to PostgreSQL: everything a reader or an editor sees comes back the
// same through the PostgreSQL store, ids included; sign-ins are dropped; a database that already
// holds a site is refused untouched; every table of the schema is either copied or rebuilt.
#include "store/sqlite_to_postgres.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "base/testing/temp_dir.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"
#include "store/testing/postgres_harness.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;

// Bytes no text column would keep, NULs included.
std::string BinaryBytes() {
  std::string bytes(1, '\0');
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  return bytes;
}

// The ids of what the source site holds, to look it up again on the target.
struct SourceSite {
  int64_t editor = 0;
  int64_t media = 0;
  std::vector<int64_t> articles;
  int64_t api_token = 0;
};

class SqliteToPostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = PostgresTestServer();
    if (!server) GTEST_SKIP() << kPostgresSkipped;
    target_ = PostgresHarness::Create(*server);
    ASSERT_NE(target_, nullptr);
    sqlite_path_ = (dir_.path() / "gazette.db").string();
  }

  std::unique_ptr<Store> OpenSource() {
    auto store = OpenSqliteStore(sqlite_path_, {.create_if_missing = true});
    EXPECT_TRUE(Succeeds(store));
    return store ? std::move(*store) : nullptr;
  }

  std::unique_ptr<Store> OpenTarget() {
    auto store = OpenPostgresStore(target_->url(), {.connections = 2});
    EXPECT_TRUE(Succeeds(store));
    return store ? std::move(*store) : nullptr;
  }

  // A small magazine with one of everything the store keeps.
  SourceSite FillSource(Store& store) {
    SourceSite site;
    site.editor =
        Must(store.CreateUser({.email = "ed@example.com",
                               .name = "Ed",
                               .role = content::Role::kEditor,
                               .password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA",
                               .totp_secret = "JBSWY3DPEHPK3PXP",
                               .created_at = At(1000)}));
    EXPECT_TRUE(Succeeds(store.CreateUser({.email = "gone@example.com",
                                           .name = "Gone",
                                           .role = content::Role::kContributor,
                                           .password_hash = "x",
                                           .disabled = true,
                                           .created_at = At(1001)})));
    EXPECT_TRUE(Succeeds(store.CreateSession({.token_hash = "session-hash",
                                              .user_id = site.editor,
                                              .csrf_token = "csrf",
                                              .created_at = At(2000),
                                              .expires_at = At(4'000'000'000),
                                              .last_seen_at = At(2000)})));
    site.api_token = Must(store.CreateApiToken({.user_id = site.editor,
                                                .name = "newsletter",
                                                .token_hash = "token-hash",
                                                .created_at = At(2100)}));
    const int64_t region = Must(store.CreateSection(
        {.slug = "asia", .name = "Asia", .kind = content::SectionKind::kRegion, .position = 1}));
    const int64_t topic = Must(store.CreateSection(
        {.slug = "energy", .name = "Energy", .kind = content::SectionKind::kTopic, .position = 2}));
    const int64_t author = Must(store.CreateAuthor({.slug = "mira-osei", .name = "Mira Osei"}));
    const int64_t partner = Must(store.CreatePartner(
        {.slug = "harbour-institute", .name = "Harbour Institute", .url = "https://h.example"}));
    const int64_t tag = Must(store.UpsertTag({.slug = "shipping", .name = "Shipping"}));
    site.media = Must(store.CreateMedia({.sha256 = std::string(64, 'a'),
                                         .original_mime = "image/png",
                                         .filename = "port.png",
                                         .width = 800,
                                         .height = 450,
                                         .uploaded_by = site.editor,
                                         .created_at = At(3000),
                                         .variants = {{.width = 800,
                                                       .height = 450,
                                                       .format = content::ImageFormat::kWebp,
                                                       .bytes = BinaryBytes()}}}));

    Article lead = StoreContractTest::NewArticle("tankers-at-anchor", region, 10'000);
    lead.title = "Tankers at anchor";
    lead.body_md = "Freight rates rose as tankers waited offshore.";
    lead.author_ids = {author};
    lead.tag_ids = {tag};
    lead.lead_image_id = site.media;
    lead.lead_image_alt = "A port at dusk";
    lead.created_by = site.editor;
    site.articles.push_back(Must(store.CreateArticle(lead)));
    Article partner_piece = StoreContractTest::NewArticle("grid-diplomacy", topic, 20'000);
    partner_piece.partner_id = partner;
    partner_piece.original_url = "https://h.example/grid";
    partner_piece.tag_ids = {tag};
    site.articles.push_back(Must(store.CreateArticle(partner_piece)));
    Article draft = StoreContractTest::NewArticle("unfinished", topic, 0);
    draft.status = ArticleStatus::kDraft;
    site.articles.push_back(Must(store.CreateArticle(draft)));

    EXPECT_TRUE(Succeeds(store.CreateRevision({.article_id = site.articles[0],
                                               .title = "Tankers, first go",
                                               .body_md = "Rates rose.",
                                               .status = ArticleStatus::kPublished,
                                               .editor_id = site.editor,
                                               .created_at = At(10'500)})));
    EXPECT_TRUE(Succeeds(store.AddRedirect("/old/tankers/", site.articles[0])));
    const ViewCount views[] = {{site.articles[0], 100, 40}, {site.articles[1], 100, 7}};
    EXPECT_TRUE(Succeeds(store.AddViews(views)));
    EXPECT_TRUE(Succeeds(store.SetSetting("site.tagline", "Ports and power")));
    return site;
  }

  base::testing::TempDir dir_{"gazette-migrate-"};
  std::string sqlite_path_;
  std::unique_ptr<PostgresHarness> target_;
};

// What ExpectSameArticle leaves aside, for a copy that must keep ids and every field as well.
void ExpectSameIdsAndLeadImage(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.slug, want.slug);
  EXPECT_EQ(got.lead_image_id, want.lead_image_id);
  EXPECT_EQ(got.lead_image_alt, want.lead_image_alt);
  EXPECT_EQ(got.created_by, want.created_by);
}

std::vector<int64_t> HitIds(const SearchPage& page) {
  std::vector<int64_t> ids;
  for (const SearchHit& hit : page.hits) ids.push_back(hit.article.id);
  return ids;
}

TEST_F(SqliteToPostgresTest, EverythingComesBackTheSameThroughThePostgresStore) {
  auto source = OpenSource();
  ASSERT_NE(source, nullptr);
  const SourceSite site = FillSource(*source);
  source.reset();

  std::vector<std::string> progress;
  auto report = CopySqliteToPostgres(sqlite_path_, target_->url(),
                                     [&](const CopiedTable& t) { progress.push_back(t.name); });
  ASSERT_TRUE(Succeeds(report));
  EXPECT_EQ(report->sessions_dropped, 1);
  EXPECT_EQ(progress.size(), kCopiedTables.size());
  const auto articles_row = std::find_if(report->tables.begin(), report->tables.end(),
                                         [](const CopiedTable& t) { return t.name == "articles"; });
  ASSERT_NE(articles_row, report->tables.end());
  EXPECT_EQ(articles_row->rows, 3);

  source = OpenSource();
  auto target = OpenTarget();
  ASSERT_NE(target, nullptr);

  for (int64_t id : site.articles) {
    SCOPED_TRACE(id);
    const Article want = Must(source->GetArticle(id));
    const Article got = Must(target->GetArticle(id));
    ExpectSameArticle(got, want);
    ExpectSameIdsAndLeadImage(got, want);
  }
  EXPECT_EQ(Must(target->CountPublished({})), 2);
  const auto source_months = Must(source->ListPublishedMonths());
  const auto target_months = Must(target->ListPublishedMonths());
  ASSERT_EQ(target_months.size(), source_months.size());
  for (size_t i = 0; i < source_months.size(); ++i) {
    EXPECT_EQ(target_months[i].month, source_months[i].month);
    EXPECT_EQ(target_months[i].count, source_months[i].count);
  }
  EXPECT_EQ(Must(target->ListSections()).size(), 2u);
  EXPECT_EQ(Must(target->GetAuthorBySlug("mira-osei")).name, "Mira Osei");
  EXPECT_EQ(Must(target->GetPartnerBySlug("harbour-institute")).url, "https://h.example");
  EXPECT_EQ(Must(target->GetTagBySlug("shipping")).name, "Shipping");

  // The search index is rebuilt on the target from the copied rows.
  const SearchQuery freight{.terms = {{.words = {"freight"}}}};
  EXPECT_EQ(HitIds(Must(target->SearchArticles(freight))), std::vector<int64_t>{site.articles[0]});

  const auto revisions = Must(target->ListRevisions(site.articles[0]));
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].title, "Tankers, first go");
  EXPECT_EQ(revisions[0].editor_id, site.editor);
  EXPECT_EQ(Must(target->FindRedirect("/old/tankers/")), site.articles[0]);

  const auto variant = Must(target->GetMediaVariant(site.media, 800, content::ImageFormat::kWebp));
  EXPECT_EQ(variant.bytes, BinaryBytes());

  const auto most_viewed = Must(target->MostViewed(0, 10));
  ASSERT_EQ(most_viewed.size(), 2u);
  EXPECT_EQ(most_viewed[0].id, site.articles[0]);
  EXPECT_EQ(Must(target->GetSetting("site.tagline")), "Ports and power");

  const auto editor = Must(target->GetUserByEmail("ed@example.com"));
  EXPECT_EQ(editor.id, site.editor);
  EXPECT_EQ(editor.password_hash, "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA");
  EXPECT_EQ(editor.totp_secret, "JBSWY3DPEHPK3PXP");
  EXPECT_TRUE(Must(target->GetUserByEmail("gone@example.com")).disabled);
  EXPECT_EQ(Must(target->GetApiToken("token-hash")).id, site.api_token);
  EXPECT_TRUE(FailsWith(target->GetSession("session-hash", At(3000)), ErrorCode::kNotFound));

  // New rows get ids after the copied ones.
  Article next = StoreContractTest::NewArticle("after-the-move", 1, 30'000);
  const int64_t next_id = Must(target->CreateArticle(next));
  EXPECT_GT(next_id, *std::max_element(site.articles.begin(), site.articles.end()));
}

TEST_F(SqliteToPostgresTest, ADatabaseThatHoldsASiteIsRefusedAndLeftAsItWas) {
  auto source = OpenSource();
  ASSERT_NE(source, nullptr);
  FillSource(*source);
  source.reset();
  ASSERT_TRUE(Succeeds(CopySqliteToPostgres(sqlite_path_, target_->url())));
  {
    auto target = OpenTarget();
    ASSERT_NE(target, nullptr);
    Article extra = StoreContractTest::NewArticle("written-on-postgres", 1, 40'000);
    ASSERT_TRUE(Succeeds(target->CreateArticle(extra)));
  }

  auto again = CopySqliteToPostgres(sqlite_path_, target_->url());
  ASSERT_TRUE(FailsWith(again, ErrorCode::kConflict));
  EXPECT_NE(again.error().message().find("already holds a site"), std::string::npos)
      << again.error().message();

  auto target = OpenTarget();
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(Must(target->CountPublished({})), 3);
  EXPECT_TRUE(Succeeds(target->GetArticleBySlug("written-on-postgres")));
}

TEST_F(SqliteToPostgresTest, AMissingSqliteFileIsNamedAndNothingIsWritten) {
  auto copied = CopySqliteToPostgres((dir_.path() / "missing.db").string(), target_->url());
  ASSERT_TRUE(FailsWith(copied, ErrorCode::kNotFound));
  EXPECT_NE(copied.error().message().find("missing.db"), std::string::npos);
  auto target = OpenTarget();
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(Must(target->CountArticles({})), 0);
}

// A table added by a later migration must be either copied or known to be rebuilt: otherwise
// migrate-db would silently leave its rows behind.
TEST_F(SqliteToPostgresTest, EveryTableOfTheSchemaIsCopiedOrRebuilt) {
  ASSERT_NE(OpenSource(), nullptr);
  auto db = sqlite::Db::Open(sqlite_path_, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(Succeeds(db));
  // FTS5 keeps its index in shadow tables named after it; they go with article_search.
  auto tables = (*db)->Prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name NOT LIKE 'article_search_%'");
  ASSERT_TRUE(Succeeds(tables));
  std::set<std::string> known(kCopiedTables.begin(), kCopiedTables.end());
  known.insert(kDerivedOrDroppedTables.begin(), kDerivedOrDroppedTables.end());
  int seen = 0;
  while (Must(tables->Step())) {
    EXPECT_TRUE(known.contains(tables->Text(0))) << tables->Text(0) << " is neither copied nor "
                                                 << "listed in kDerivedOrDroppedTables";
    ++seen;
  }
  EXPECT_EQ(seen, static_cast<int>(known.size()));

  ASSERT_NE(OpenTarget(), nullptr);
  auto raw = postgres::Connection::Open(target_->url());
  ASSERT_TRUE(Succeeds(raw));
  auto pg_tables = (*raw)->Query(
      "SELECT table_name FROM information_schema.tables "
      "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
  ASSERT_TRUE(Succeeds(pg_tables));
  for (int i = 0; i < pg_tables->size(); ++i) {
    EXPECT_TRUE(known.contains(pg_tables->Text(i, 0))) << pg_tables->Text(i, 0);
  }
  EXPECT_EQ(pg_tables->size(), static_cast<int>(known.size()));
}

}  // namespace
}  // namespace gazette::store
