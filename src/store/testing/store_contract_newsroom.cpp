// The Store contract for the newsroom's edits: updating sections, authors (and their accounts) and
// partners; article versions that refuse a stale save; listing articles of any status; publishing
// scheduled articles when they come due; and revisions.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;
using content::Revision;

std::vector<std::string> SlugsOf(const std::vector<Article>& articles) {
  std::vector<std::string> slugs;
  for (const Article& article : articles) slugs.push_back(article.slug);
  return slugs;
}

// --- sections, authors, partners, tags

TEST_P(StoreContractTest, UpdateSectionReplacesItsFields) {
  const int64_t id = AddSection("east-asia", 1);
  AddSection("south-asia", 2);
  ASSERT_TRUE(Succeeds(store().UpdateSection({.id = id,
                                              .slug = "asia-pacific",
                                              .name = "Asia Pacific",
                                              .kind = content::SectionKind::kTopic,
                                              .position = 3,
                                              .description = "Wider now"})));
  auto section = Must(store().GetSection(id));
  EXPECT_EQ(section.slug, "asia-pacific");
  EXPECT_EQ(section.name, "Asia Pacific");
  EXPECT_EQ(section.kind, content::SectionKind::kTopic);
  EXPECT_EQ(section.position, 3);
  EXPECT_EQ(section.description, "Wider now");
  EXPECT_EQ(Must(store().GetSectionBySlug("asia-pacific")).id, id);
  EXPECT_TRUE(FailsWith(store().GetSectionBySlug("east-asia"), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().ListSections()).back().id, id);  // position 3 now sorts last
  EXPECT_TRUE(FailsWith(store().GetSection(id + 100), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, UpdateSectionRefusesATakenSlugOrAMissingSection) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  EXPECT_TRUE(FailsWith(store().UpdateSection({.id = east, .slug = "south-asia", .name = "X"}),
                        ErrorCode::kConflict));
  EXPECT_EQ(Must(store().GetSection(east)).slug, "east-asia");
  EXPECT_EQ(Must(store().GetSection(east)).name, "Section east-asia");
  EXPECT_TRUE(FailsWith(
      store().UpdateSection({.id = east + south + 1, .slug = "nowhere", .name = "Nowhere"}),
      ErrorCode::kNotFound));
  EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kSection, "nowhere")));
}

TEST_P(StoreContractTest, AuthorsCarryTheirUserEverywhereTheyAreRead) {
  const int64_t user = AddUser("ann@example.com");
  const int64_t ann = Must(
      store().CreateAuthor({.slug = "ann-lee", .name = "Ann Lee", .bio = "", .user_id = user}));
  const int64_t guest = AddAuthor("guest", "Guest Writer");

  EXPECT_EQ(Must(store().GetAuthor(ann)).user_id, user);
  EXPECT_EQ(Must(store().GetAuthorBySlug("ann-lee")).user_id, user);
  EXPECT_EQ(Must(store().ListAuthors()).front().user_id, user);
  const std::vector<int64_t> ids = {guest, ann};
  auto byline = Must(store().GetAuthors(ids));
  ASSERT_EQ(byline.size(), 2u);
  EXPECT_EQ(byline[0].user_id, std::nullopt);
  EXPECT_EQ(byline[1].user_id, user);

  auto by_user = Must(store().GetAuthorByUser(user));
  EXPECT_EQ(by_user.id, ann);
  EXPECT_EQ(by_user.name, "Ann Lee");
  EXPECT_TRUE(FailsWith(store().GetAuthor(ann + guest + 1), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, UserWithoutAuthorProfileHasNoAuthor) {
  const int64_t user = AddUser("ann@example.com");
  AddAuthor("ann-lee", "Ann Lee");  // a guest profile, not linked to the account
  EXPECT_TRUE(FailsWith(store().GetAuthorByUser(user), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetAuthorByUser(user + 100), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, UpdateAuthorReplacesFieldsAndLinksOrUnlinksTheUser) {
  const int64_t user = AddUser("ann@example.com");
  const int64_t id = AddAuthor("ann-lee", "Ann Lee");
  ASSERT_TRUE(Succeeds(store().UpdateAuthor({.id = id,
                                             .slug = "ann-lee-park",
                                             .name = "Ann Lee-Park",
                                             .bio = "Seoul",
                                             .user_id = user})));
  auto author = Must(store().GetAuthorByUser(user));
  EXPECT_EQ(author.id, id);
  EXPECT_EQ(author.slug, "ann-lee-park");
  EXPECT_EQ(author.name, "Ann Lee-Park");
  EXPECT_EQ(author.bio, "Seoul");
  EXPECT_TRUE(FailsWith(store().GetAuthorBySlug("ann-lee"), ErrorCode::kNotFound));

  ASSERT_TRUE(
      Succeeds(store().UpdateAuthor({.id = id, .slug = "ann-lee-park", .name = "Ann Lee-Park"})));
  EXPECT_EQ(Must(store().GetAuthor(id)).user_id, std::nullopt);
  EXPECT_TRUE(FailsWith(store().GetAuthorByUser(user), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, UpdateAuthorRefusesBadValuesAndChangesNothing) {
  const int64_t user = AddUser("ann@example.com");
  const int64_t ann =
      Must(store().CreateAuthor({.slug = "ann-lee", .name = "Ann Lee", .user_id = user}));
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");

  EXPECT_TRUE(FailsWith(store().UpdateAuthor({.id = bob, .slug = "ann-lee", .name = "Bob"}),
                        ErrorCode::kConflict));
  // One account, one author profile.
  EXPECT_TRUE(FailsWith(
      store().UpdateAuthor({.id = bob, .slug = "bob-ray", .name = "Bob", .user_id = user}),
      ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(
      store().UpdateAuthor({.id = bob, .slug = "bob-ray", .name = "Bob", .user_id = user + 50}),
      ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().UpdateAuthor({.id = ann + bob, .slug = "x", .name = "X"}),
                        ErrorCode::kNotFound));
  auto unchanged = Must(store().GetAuthor(bob));
  EXPECT_EQ(unchanged.slug, "bob-ray");
  EXPECT_EQ(unchanged.name, "Bob Ray");
  EXPECT_EQ(unchanged.user_id, std::nullopt);
  EXPECT_EQ(Must(store().GetAuthorByUser(user)).id, ann);
  EXPECT_TRUE(FailsWith(store().CreateAuthor({.slug = "eve", .name = "Eve", .user_id = user + 50}),
                        ErrorCode::kInvalidArgument));
  EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kAuthor, "eve")));
}

TEST_P(StoreContractTest, UpdatePartnerReplacesEveryField) {
  const int64_t id = Must(store().CreatePartner({.slug = "riac",
                                                 .name = "RIAC",
                                                 .url = "https://riac.example/",
                                                 .feed_url = "https://riac.example/feed",
                                                 .credit = content::PartnerCredit::kNoindex,
                                                 .description = "An institute"}));
  const int64_t other = AddPartner("ecfr");
  ASSERT_TRUE(Succeeds(store().UpdatePartner({.id = id,
                                              .slug = "riac-org",
                                              .name = "Russian Council",
                                              .url = "https://riac.example/en/",
                                              .feed_url = std::nullopt,
                                              .credit = content::PartnerCredit::kCanonical,
                                              .description = ""})));
  auto partner = Must(store().GetPartner(id));
  EXPECT_EQ(partner.slug, "riac-org");
  EXPECT_EQ(partner.name, "Russian Council");
  EXPECT_EQ(partner.url, "https://riac.example/en/");
  EXPECT_EQ(partner.feed_url, std::nullopt);
  EXPECT_EQ(partner.credit, content::PartnerCredit::kCanonical);
  EXPECT_EQ(partner.description, "");

  EXPECT_TRUE(FailsWith(store().UpdatePartner({.id = id, .slug = "ecfr", .name = "Clash"}),
                        ErrorCode::kConflict));
  EXPECT_EQ(Must(store().GetPartner(id)).name, "Russian Council");
  EXPECT_TRUE(FailsWith(store().UpdatePartner({.id = id + other, .slug = "new", .name = "New"}),
                        ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, TagsAreListedByName) {
  EXPECT_TRUE(Must(store().ListTags()).empty());
  Must(store().UpsertTag({.slug = "trade", .name = "Trade"}));
  Must(store().UpsertTag({.slug = "energy", .name = "Energy"}));
  Must(store().UpsertTag({.slug = "ai", .name = "Artificial intelligence"}));
  auto tags = Must(store().ListTags());
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_EQ(tags[0].slug, "ai");
  EXPECT_EQ(tags[1].slug, "energy");
  EXPECT_EQ(tags[2].slug, "trade");
  EXPECT_EQ(tags[2].name, "Trade");
}

// --- article versions

TEST_P(StoreContractTest, NewArticlesStartAtVersionOneWithTheirNewsroomFields) {
  const int64_t section = AddSection("east-asia");
  const int64_t user = AddUser("ann@example.com");
  Article article = NewArticle("korea-talks", section, 1000);
  article.created_by = user;
  article.version = 7;  // ignored: a new article is at version 1
  const int64_t id = AddArticle(article);

  auto stored = Must(store().GetArticle(id));
  EXPECT_EQ(stored.created_by, user);
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.lead_image_id, std::nullopt);
  EXPECT_EQ(stored.lead_image_alt, "");
  auto listed = Must(store().ListPublished({}));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].created_by, user);
  EXPECT_EQ(listed[0].version, 1);
  EXPECT_EQ(Must(store().GetArticle(AddArticle(NewArticle("guest", section, 2000)))).created_by,
            std::nullopt);
}

TEST_P(StoreContractTest, EachUpdateBumpsTheVersionAndKeepsTheCreator) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddUser("ann@example.com");
  const int64_t bob = AddUser("bob@example.com");
  Article article = NewArticle("korea-talks", section, 1000);
  article.created_by = ann;
  article.id = AddArticle(article);

  article.title = "Second";
  article.created_by = bob;  // an update does not change who started the article
  ASSERT_TRUE(Succeeds(store().UpdateArticle(article)));
  auto stored = Must(store().GetArticle(article.id));
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.title, "Second");
  EXPECT_EQ(stored.created_by, ann);

  stored.title = "Third";
  ASSERT_TRUE(Succeeds(store().UpdateArticle(stored)));
  EXPECT_EQ(Must(store().GetArticle(article.id)).version, 3);
  EXPECT_EQ(Must(store().GetArticle(article.id)).title, "Third");
}

TEST_P(StoreContractTest, AStaleSaveIsAConflictAndChangesNothing) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t energy = AddTag("energy");
  const int64_t trade = AddTag("trade");
  Article article = NewArticle("korea-talks", section, 1000);
  article.author_ids = {ann};
  article.tag_ids = {energy};
  article.id = AddArticle(article);

  // Two editors open version 1; the first saves, the second's save is refused.
  Article first = article;
  Article second = article;
  first.title = "First editor's title";
  ASSERT_TRUE(Succeeds(store().UpdateArticle(first)));
  second.title = "Second editor's title";
  second.slug = "moved-by-second";
  second.status = ArticleStatus::kArchived;
  second.author_ids = {};
  second.tag_ids = {trade};
  auto refused = store().UpdateArticle(second);
  ASSERT_TRUE(FailsWith(refused, ErrorCode::kConflict));
  EXPECT_EQ(refused.error().message(),
            "the article was changed by someone else since you opened it");

  auto stored = Must(store().GetArticle(article.id));
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.title, "First editor's title");
  EXPECT_EQ(stored.slug, "korea-talks");
  EXPECT_EQ(stored.status, ArticleStatus::kPublished);
  EXPECT_EQ(stored.author_ids, (std::vector<int64_t>{ann}));
  EXPECT_EQ(stored.tag_ids, (std::vector<int64_t>{energy}));
  EXPECT_TRUE(FailsWith(store().FindMovedArticle(section, "korea-talks"), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().CountPublished({.tag_id = trade})), 0);

  // A version from the future is just as wrong.
  second.version = 5;
  EXPECT_TRUE(FailsWith(store().UpdateArticle(second), ErrorCode::kConflict));
  EXPECT_EQ(Must(store().GetArticle(article.id)).version, 2);
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

TEST_P(StoreContractTest, LeadImageAndCreatorMustExist) {
  const int64_t section = AddSection("east-asia");
  Article no_image = NewArticle("no-image", section, 1000);
  no_image.lead_image_id = 4242;
  no_image.lead_image_alt = "A harbour";
  EXPECT_TRUE(FailsWith(store().CreateArticle(no_image), ErrorCode::kInvalidArgument));
  Article no_user = NewArticle("no-user", section, 1000);
  no_user.created_by = 4242;
  EXPECT_TRUE(FailsWith(store().CreateArticle(no_user), ErrorCode::kInvalidArgument));
  EXPECT_EQ(Must(store().CountArticles({})), 0);

  Article article = NewArticle("piece", section, 1000);
  article.id = AddArticle(article);
  article.lead_image_id = 4242;
  EXPECT_TRUE(FailsWith(store().UpdateArticle(article), ErrorCode::kInvalidArgument));
  auto stored = Must(store().GetArticle(article.id));
  EXPECT_EQ(stored.lead_image_id, std::nullopt);
  EXPECT_EQ(stored.version, 1);
}

// --- the newsroom's listing

TEST_P(StoreContractTest, ArticlesOfEveryStatusAreListedMostRecentlyUpdatedFirst) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t energy = AddTag("energy");
  auto add = [&](const std::string& slug, ArticleStatus status, int64_t updated_at) {
    Article article = NewArticle(slug, section, 1000);
    article.status = status;
    article.updated_at = At(updated_at);
    article.author_ids = {ann};
    article.tag_ids = {energy};
    return AddArticle(article);
  };
  add("draft", ArticleStatus::kDraft, 500);
  add("review", ArticleStatus::kReview, 900);
  add("scheduled", ArticleStatus::kScheduled, 300);
  add("published", ArticleStatus::kPublished, 700);
  add("archived", ArticleStatus::kArchived, 700);  // same time, higher id: listed first

  auto listed = Must(store().ListArticles({}));
  EXPECT_EQ(SlugsOf(listed),
            (std::vector<std::string>{"review", "archived", "published", "draft", "scheduled"}));
  for (const Article& article : listed) {
    EXPECT_TRUE(article.body_md.empty());
    EXPECT_TRUE(article.body_html.empty());
    EXPECT_EQ(article.author_ids, std::vector<int64_t>{ann});
    EXPECT_EQ(article.tag_ids, std::vector<int64_t>{energy});
  }
  EXPECT_EQ(Must(store().CountArticles({})), 5);
  EXPECT_EQ(Must(store().CountArticles({.status = ArticleStatus::kPublished})), 1);
}

TEST_P(StoreContractTest, NewsroomFiltersCombineAndCountAgrees) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");
  const int64_t amy = AddUser("amy@example.com");
  const int64_t ben = AddUser("ben@example.com");
  int64_t when = 0;
  auto add = [&](const std::string& slug, const std::string& title, int64_t section,
                 ArticleStatus status, std::vector<int64_t> authors,
                 std::optional<int64_t> creator) {
    Article article = NewArticle(slug, section, 1000);
    article.title = title;
    article.status = status;
    article.author_ids = std::move(authors);
    article.created_by = creator;
    article.updated_at = At(++when);
    AddArticle(article);
  };
  add("d1", "Korea talks", east, ArticleStatus::kDraft, {ann}, amy);
  add("d2", "Trade in Asia", south, ArticleStatus::kDraft, {bob}, ben);
  add("r1", "KOREAN elections", east, ArticleStatus::kReview, {ann, bob}, amy);
  add("p1", "Energy and Korea", south, ArticleStatus::kPublished, {ann}, std::nullopt);
  add("p2", "Trade talks", east, ArticleStatus::kPublished, {bob}, ben);

  struct Case {
    ArticleFilter filter;
    std::vector<std::string> slugs;
  };
  const std::vector<Case> cases = {
      {{.status = ArticleStatus::kDraft}, {"d2", "d1"}},
      {{.section_id = east}, {"p2", "r1", "d1"}},
      {{.author_id = ann}, {"p1", "r1", "d1"}},
      {{.created_by = amy}, {"r1", "d1"}},
      {{.title_contains = "korea"}, {"p1", "r1", "d1"}},
      {{.status = ArticleStatus::kDraft, .section_id = east}, {"d1"}},
      {{.section_id = east, .author_id = bob}, {"p2", "r1"}},
      {{.author_id = bob, .created_by = ben}, {"p2", "d2"}},
      {{.section_id = east, .title_contains = "talks"}, {"p2", "d1"}},
      {{.status = ArticleStatus::kPublished, .author_id = ann, .title_contains = "korea"}, {"p1"}},
      {{.status = ArticleStatus::kReview,
        .section_id = east,
        .author_id = bob,
        .created_by = amy,
        .title_contains = "elections"},
       {"r1"}},
      {{.status = ArticleStatus::kArchived}, {}},
      {{.section_id = south, .created_by = amy}, {}},
      {{.author_id = ann, .title_contains = "trade"}, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SlugsOf(Must(store().ListArticles(c.filter))), c.slugs);
    EXPECT_EQ(Must(store().CountArticles(c.filter)), static_cast<int64_t>(c.slugs.size()));
  }
}

TEST_P(StoreContractTest, TitleSearchIgnoresTheCaseOfLetters) {
  const int64_t section = AddSection("east-asia");
  Article article = NewArticle("piece", section, 1000);
  article.title = "Seoul Summit Ends";
  AddArticle(article);
  for (const char* text : {"seoul", "SUMMIT", "sUmMiT eNdS", "Seoul Summit Ends"}) {
    EXPECT_EQ(Must(store().CountArticles({.title_contains = text})), 1) << text;
  }
  for (const char* text : {"seoulsummit", "Summit  Ends", "Tokyo"}) {
    EXPECT_EQ(Must(store().CountArticles({.title_contains = text})), 0) << text;
  }
}

TEST_P(StoreContractTest, TitleSearchTakesWildcardsLiterally) {
  const int64_t section = AddSection("east-asia");
  auto add = [&](const std::string& slug, const std::string& title) {
    Article article = NewArticle(slug, section, 1000);
    article.title = title;
    AddArticle(article);
  };
  add("percent", "Growth of 5% in Asia");
  add("plain", "Growth of 50 in Asia");
  add("underscore", "The file_name question");
  add("no-underscore", "The filename question");
  add("backslash", "A\\B testing");

  EXPECT_EQ(SlugsOf(Must(store().ListArticles({.title_contains = "5%"}))),
            std::vector<std::string>{"percent"});
  EXPECT_EQ(SlugsOf(Must(store().ListArticles({.title_contains = "%"}))),
            std::vector<std::string>{"percent"});
  EXPECT_EQ(SlugsOf(Must(store().ListArticles({.title_contains = "file_name"}))),
            std::vector<std::string>{"underscore"});
  EXPECT_EQ(SlugsOf(Must(store().ListArticles({.title_contains = "_"}))),
            std::vector<std::string>{"underscore"});
  EXPECT_EQ(SlugsOf(Must(store().ListArticles({.title_contains = "a\\b"}))),
            std::vector<std::string>{"backslash"});
  EXPECT_EQ(Must(store().CountArticles({.title_contains = "Growth%Asia"})), 0);
  EXPECT_EQ(Must(store().CountArticles({.title_contains = "Growth"})), 2);
}

TEST_P(StoreContractTest, NewsroomListingPages) {
  const int64_t section = AddSection("east-asia");
  for (int i = 0; i < 12; ++i) {
    Article article = NewArticle("piece-" + std::to_string(i), section, 1000);
    article.status = ArticleStatus::kDraft;
    article.updated_at = At(i);
    AddArticle(article);
  }
  std::vector<std::string> paged;
  for (int offset = 0; offset < 15; offset += 5) {
    for (const Article& article : Must(store().ListArticles({.limit = 5, .offset = offset}))) {
      paged.push_back(article.slug);
    }
  }
  ASSERT_EQ(paged.size(), 12u);
  EXPECT_EQ(paged.front(), "piece-11");
  EXPECT_EQ(paged.back(), "piece-0");
  EXPECT_EQ(Must(store().CountArticles({.limit = 1, .offset = 5})), 12);
  EXPECT_TRUE(FailsWith(store().ListArticles({.limit = 0}), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListArticles({.limit = 1001}), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListArticles({.offset = -1}), ErrorCode::kInvalidArgument));
}

// --- scheduling

TEST_P(StoreContractTest, PublishDueArticlesTakesOnlyScheduledOnesThatAreDue) {
  const int64_t section = AddSection("east-asia");
  auto add = [&](const std::string& slug, ArticleStatus status, int64_t published_at) {
    Article article = NewArticle(slug, section, published_at);
    article.status = status;
    return AddArticle(article);
  };
  const int64_t past = add("past", ArticleStatus::kScheduled, 500);
  const int64_t now = add("now", ArticleStatus::kScheduled, 1000);
  const int64_t future = add("future", ArticleStatus::kScheduled, 1001);
  const int64_t draft = add("draft", ArticleStatus::kDraft, 500);
  const int64_t review = add("review", ArticleStatus::kReview, 500);

  EXPECT_EQ(Must(store().PublishDueArticles(At(1000))), (std::vector<int64_t>{past, now}));
  for (int64_t id : {past, now}) {
    auto article = Must(store().GetArticle(id));
    EXPECT_EQ(article.status, ArticleStatus::kPublished);
    EXPECT_EQ(article.version, 2);
  }
  EXPECT_EQ(Must(store().GetArticle(past)).published_at, At(500));
  EXPECT_EQ(Must(store().GetArticle(future)).status, ArticleStatus::kScheduled);
  EXPECT_EQ(Must(store().GetArticle(future)).version, 1);
  EXPECT_EQ(Must(store().GetArticle(draft)).status, ArticleStatus::kDraft);
  EXPECT_EQ(Must(store().GetArticle(review)).status, ArticleStatus::kReview);

  EXPECT_TRUE(Must(store().PublishDueArticles(At(1000))).empty());
  EXPECT_EQ(Must(store().PublishDueArticles(At(2000))), std::vector<int64_t>{future});
}

TEST_P(StoreContractTest, PublishedDueArticlesAppearInEveryListingAndCount) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t energy = AddTag("energy");
  AddArticle(NewArticle("live", south, 100));
  Article scheduled = NewArticle("scheduled", east, 500);
  scheduled.status = ArticleStatus::kScheduled;
  scheduled.author_ids = {ann};
  scheduled.tag_ids = {energy};
  scheduled.id = AddArticle(scheduled);

  EXPECT_EQ(Must(store().CountPublished({})), 1);
  EXPECT_EQ(Must(store().CountPublished({.section_id = east})), 0);
  EXPECT_TRUE(FailsWith(store().GetPublishedArticle(east, "scheduled"), ErrorCode::kNotFound));
  ASSERT_EQ(Must(store().PublishDueArticles(At(600))).size(), 1u);

  EXPECT_EQ(Must(store().CountPublished({})), 2);
  EXPECT_EQ(Must(store().CountPublished({.section_id = east})), 1);
  EXPECT_EQ(SlugsOf(Must(store().ListPublished({}))),
            (std::vector<std::string>{"scheduled", "live"}));
  EXPECT_EQ(SlugsOf(Must(store().ListPublished({.author_id = ann}))),
            std::vector<std::string>{"scheduled"});
  EXPECT_EQ(Must(store().CountPublished({.tag_id = energy})), 1);
  EXPECT_EQ(Must(store().GetPublishedArticle(east, "scheduled")).id, scheduled.id);
  EXPECT_EQ(Must(store().CountArticles({.status = ArticleStatus::kScheduled})), 0);
  EXPECT_EQ(Must(store().CountArticles({.status = ArticleStatus::kPublished})), 2);

  // The editor who had the scheduled version open now holds a stale one.
  scheduled.title = "Edited after publication";
  EXPECT_TRUE(FailsWith(store().UpdateArticle(scheduled), ErrorCode::kConflict));
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

// --- revisions

TEST_P(StoreContractTest, RevisionsKeepEveryFieldAndAreListedNewestFirst) {
  const int64_t section = AddSection("east-asia");
  const int64_t editor = AddUser("ed@example.com");
  const int64_t article = AddArticle(NewArticle("piece", section, 1000));
  const int64_t other = AddArticle(NewArticle("other", section, 1000));
  auto add = [&](const std::string& title, int64_t at, std::optional<int64_t> by,
                 int64_t article_id = 0) {
    return Must(store().CreateRevision({.article_id = article_id ? article_id : article,
                                        .title = title,
                                        .dek = "Dek " + title,
                                        .body_md = "Body of " + title + "\n\n[^1]: note",
                                        .status = ArticleStatus::kReview,
                                        .editor_id = by,
                                        .created_at = At(at)}));
  };
  const int64_t first = add("first", 100, editor);
  const int64_t tie_a = add("tie-a", 200, std::nullopt);
  const int64_t tie_b = add("tie-b", 200, editor);
  const int64_t latest = add("latest", 300, editor);
  add("of-other", 400, editor, other);

  auto revisions = Must(store().ListRevisions(article));
  std::vector<int64_t> ids;
  for (const Revision& revision : revisions) ids.push_back(revision.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{latest, tie_b, tie_a, first}));
  ASSERT_EQ(revisions.size(), 4u);
  EXPECT_EQ(revisions[0].body_md, "Body of latest\n\n[^1]: note");

  auto stored = Must(store().GetRevision(first));
  EXPECT_EQ(stored.article_id, article);
  EXPECT_EQ(stored.title, "first");
  EXPECT_EQ(stored.dek, "Dek first");
  EXPECT_EQ(stored.body_md, "Body of first\n\n[^1]: note");
  EXPECT_EQ(stored.status, ArticleStatus::kReview);
  EXPECT_EQ(stored.editor_id, editor);
  EXPECT_EQ(stored.created_at, At(100));
  EXPECT_EQ(Must(store().GetRevision(tie_a)).editor_id, std::nullopt);
  EXPECT_EQ(Must(store().ListRevisions(other)).size(), 1u);
}

TEST_P(StoreContractTest, RevisionsNeedTheirArticleAndEditor) {
  const int64_t section = AddSection("east-asia");
  const int64_t article = AddArticle(NewArticle("piece", section, 1000));
  EXPECT_TRUE(FailsWith(store().CreateRevision({.article_id = article + 100, .title = "Lost"}),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      FailsWith(store().CreateRevision({.article_id = article, .title = "Ghost", .editor_id = 999}),
                ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().ListRevisions(article)).empty());
  EXPECT_TRUE(Must(store().ListRevisions(article + 100)).empty());
  EXPECT_TRUE(FailsWith(store().GetRevision(1), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace gazette::store
