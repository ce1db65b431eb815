#include "store/testing/store_contract.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "store/testing/result_assertions.h"

namespace gazette::store {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;

void StoreContractTest::SetUp() {
  harness_ = GetParam().make_harness();
  if (!harness_) GTEST_SKIP() << GetParam().name << ": " << GetParam().unavailable;
  auto opened = harness_->Open();
  ASSERT_TRUE(Succeeds(opened));
  store_ = std::move(*opened);
}

void StoreContractTest::Reopen() {
  store_.reset();
  auto opened = harness_->Open();
  ASSERT_TRUE(Succeeds(opened));
  store_ = std::move(*opened);
}

namespace {

std::vector<std::string> SlugsOf(const std::vector<Article>& articles) {
  std::vector<std::string> slugs;
  for (const Article& article : articles) slugs.push_back(article.slug);
  return slugs;
}

}  // namespace

int64_t StoreContractTest::AddSection(const std::string& slug, int position) {
  return Must(store().CreateSection(
      {.slug = slug, .name = "Section " + slug, .position = position, .description = ""}));
}

int64_t StoreContractTest::AddAuthor(const std::string& slug, const std::string& name) {
  return Must(store().CreateAuthor({.slug = slug, .name = name, .bio = "Writes about " + slug}));
}

int64_t StoreContractTest::AddTag(const std::string& slug) {
  return Must(store().UpsertTag({.slug = slug, .name = "Tag " + slug}));
}

int64_t StoreContractTest::AddPartner(const std::string& slug) {
  return Must(store().CreatePartner(
      {.slug = slug, .name = "Partner " + slug, .url = "https://" + slug + ".example/"}));
}

int64_t StoreContractTest::AddArticle(const Article& article) {
  return Must(store().CreateArticle(article));
}

int64_t StoreContractTest::AddUser(const std::string& email, content::Role role) {
  return Must(store().CreateUser({.email = email,
                                  .name = "Name of " + email,
                                  .role = role,
                                  .password_hash = "$argon2id$v=19$m=8,t=1,p=1$hash-of-" + email,
                                  .created_at = At(1'700'000'000)}));
}

base::Status StoreContractTest::Save(Article& article) {
  auto saved = store().UpdateArticle(article);
  if (saved) ++article.version;
  return saved;
}

// Compares what readers and editors can see of two stored articles, ids and slugs aside.
void ExpectSameArticle(const content::Article& got, const content::Article& want) {
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.dek, want.dek);
  EXPECT_EQ(got.body_md, want.body_md);
  EXPECT_EQ(got.body_html, want.body_html);
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.section_id, want.section_id);
  EXPECT_EQ(got.partner_id, want.partner_id);
  EXPECT_EQ(got.original_url, want.original_url);
  EXPECT_EQ(got.published_at, want.published_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(got.word_count, want.word_count);
  EXPECT_EQ(got.author_ids, want.author_ids);
  EXPECT_EQ(got.tag_ids, want.tag_ids);
  EXPECT_EQ(got.version, want.version);
}

Article StoreContractTest::NewArticle(const std::string& slug, int64_t section_id,
                                      int64_t published_at) {
  Article article;
  article.slug = slug;
  article.title = "Title of " + slug;
  article.dek = "Dek of " + slug;
  article.body_md = "Body of *" + slug + "*.";
  article.body_html = "<p>Body of <em>" + slug + "</em>.</p>";
  article.status = ArticleStatus::kPublished;
  article.section_id = section_id;
  article.published_at = At(published_at);
  article.updated_at = At(published_at + 60);
  article.word_count = 3;
  return article;
}

namespace {

// --- sections, authors, partners, tags

TEST_P(StoreContractTest, SectionsAreListedByPositionThenName) {
  ASSERT_TRUE(Succeeds(store().CreateSection({.slug = "world-news",
                                              .name = "World News",
                                              .kind = content::SectionKind::kTopic,
                                              .position = 2,
                                              .description = "All of it"})));
  AddSection("south-asia", 1);
  AddSection("east-asia", 1);

  auto sections = Must(store().ListSections());
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].slug, "east-asia");
  EXPECT_EQ(sections[1].slug, "south-asia");
  EXPECT_EQ(sections[2].slug, "world-news");

  auto topic = Must(store().GetSectionBySlug("world-news"));
  EXPECT_EQ(topic.id, sections[2].id);
  EXPECT_EQ(topic.name, "World News");
  EXPECT_EQ(topic.kind, content::SectionKind::kTopic);
  EXPECT_EQ(topic.position, 2);
  EXPECT_EQ(topic.description, "All of it");
  EXPECT_EQ(Must(store().GetSectionBySlug("east-asia")).kind, content::SectionKind::kRegion);
  EXPECT_TRUE(FailsWith(store().GetSectionBySlug("atlantis"), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, TakenSlugsAreConflicts) {
  AddSection("east-asia");
  AddAuthor("ann-lee", "Ann Lee");
  AddPartner("riac");
  EXPECT_TRUE(FailsWith(store().CreateSection({.slug = "east-asia", .name = "Again"}),
                        ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().CreateAuthor({.slug = "ann-lee", .name = "Another Ann"}),
                        ErrorCode::kConflict));
  EXPECT_TRUE(
      FailsWith(store().CreatePartner({.slug = "riac", .name = "Again"}), ErrorCode::kConflict));
  EXPECT_EQ(Must(store().ListSections()).size(), 1u);
  EXPECT_EQ(Must(store().ListAuthors()).size(), 1u);
  EXPECT_EQ(Must(store().ListPartners()).size(), 1u);
}

TEST_P(StoreContractTest, EmptySlugsAreRefused) {
  EXPECT_TRUE(FailsWith(store().CreateSection({.slug = "", .name = "Nameless"}),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      FailsWith(store().UpsertTag({.slug = "", .name = "Nameless"}), ErrorCode::kInvalidArgument));
}

TEST_P(StoreContractTest, AuthorsAreListedByNameAndFetchedInTheOrderAsked) {
  const int64_t zoe = AddAuthor("zoe-park", "Zoe Park");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t max = AddAuthor("max-roth", "Max Roth");

  auto all = Must(store().ListAuthors());
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Ann Lee");
  EXPECT_EQ(all[1].name, "Max Roth");
  EXPECT_EQ(all[2].name, "Zoe Park");

  auto ann_by_slug = Must(store().GetAuthorBySlug("ann-lee"));
  EXPECT_EQ(ann_by_slug.id, ann);
  EXPECT_EQ(ann_by_slug.name, "Ann Lee");
  EXPECT_EQ(ann_by_slug.bio, "Writes about ann-lee");
  EXPECT_TRUE(FailsWith(store().GetAuthorBySlug("nobody"), ErrorCode::kNotFound));

  const std::vector<int64_t> ids = {max, 9999, zoe, ann};
  auto byline = Must(store().GetAuthors(ids));
  ASSERT_EQ(byline.size(), 3u);
  EXPECT_EQ(byline[0].slug, "max-roth");
  EXPECT_EQ(byline[1].slug, "zoe-park");
  EXPECT_EQ(byline[2].slug, "ann-lee");
  EXPECT_TRUE(Must(store().GetAuthors({})).empty());
}

TEST_P(StoreContractTest, PartnersKeepEveryField) {
  const int64_t riac = Must(store().CreatePartner({.slug = "riac",
                                                   .name = "Russian Council",
                                                   .url = "https://riac.example/",
                                                   .feed_url = "https://riac.example/feed",
                                                   .credit = content::PartnerCredit::kNoindex,
                                                   .description = "An institute"}));
  const int64_t ecfr = AddPartner("ecfr");

  auto partner = Must(store().GetPartner(riac));
  EXPECT_EQ(partner.slug, "riac");
  EXPECT_EQ(partner.name, "Russian Council");
  EXPECT_EQ(partner.url, "https://riac.example/");
  EXPECT_EQ(partner.feed_url, "https://riac.example/feed");
  EXPECT_EQ(partner.credit, content::PartnerCredit::kNoindex);
  EXPECT_EQ(partner.description, "An institute");

  auto other = Must(store().GetPartnerBySlug("ecfr"));
  EXPECT_EQ(other.id, ecfr);
  EXPECT_EQ(other.feed_url, std::nullopt);
  EXPECT_EQ(other.credit, content::PartnerCredit::kCanonical);

  auto all = Must(store().ListPartners());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].slug, "ecfr");  // "Partner ecfr" sorts before "Russian Council"
  EXPECT_TRUE(FailsWith(store().GetPartner(ecfr + riac + 1), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetPartnerBySlug("nobody"), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, UpsertTagCreatesOnceAndKeepsTheFirstName) {
  const int64_t id = Must(store().UpsertTag({.slug = "energy", .name = "Energy"}));
  EXPECT_EQ(Must(store().UpsertTag({.slug = "energy", .name = "ENERGY!"})), id);
  const int64_t trade = AddTag("trade");
  EXPECT_NE(trade, id);

  auto tag = Must(store().GetTagBySlug("energy"));
  EXPECT_EQ(tag.id, id);
  EXPECT_EQ(tag.name, "Energy");
  EXPECT_TRUE(FailsWith(store().GetTagBySlug("nothing"), ErrorCode::kNotFound));

  const std::vector<int64_t> ids = {trade, id + trade + 1, id};
  auto tags = Must(store().GetTags(ids));
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].slug, "trade");
  EXPECT_EQ(tags[1].slug, "energy");
}

TEST_P(StoreContractTest, IsSlugTakenLooksInTheRightTable) {
  const int64_t section = AddSection("east-asia");
  AddAuthor("ann-lee", "Ann Lee");
  AddPartner("riac");
  AddTag("energy");
  AddArticle(NewArticle("korea-talks", section, 1000));

  EXPECT_TRUE(Must(store().IsSlugTaken(SlugKind::kSection, "east-asia")));
  EXPECT_TRUE(Must(store().IsSlugTaken(SlugKind::kAuthor, "ann-lee")));
  EXPECT_TRUE(Must(store().IsSlugTaken(SlugKind::kPartner, "riac")));
  EXPECT_TRUE(Must(store().IsSlugTaken(SlugKind::kTag, "energy")));
  EXPECT_TRUE(Must(store().IsSlugTaken(SlugKind::kArticle, "korea-talks")));
  EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kArticle, "east-asia")));
  EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kSection, "korea-talks")));
  EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kTag, "ann-lee")));
}

// --- articles

TEST_P(StoreContractTest, ArticleRoundTripsWithAuthorsAndTagsInOrder) {
  const int64_t section = AddSection("east-asia");
  const int64_t partner = AddPartner("riac");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");
  const int64_t cy = AddAuthor("cy-ito", "Cy Ito");
  const int64_t energy = AddTag("energy");
  const int64_t trade = AddTag("trade");

  Article article = NewArticle("korea-talks", section, 1700000000);
  article.partner_id = partner;
  article.original_url = "https://riac.example/korea";
  article.word_count = 1234;
  article.author_ids = {cy, ann, bob};
  article.tag_ids = {trade, energy};
  const int64_t id = AddArticle(article);

  auto stored = Must(store().GetArticle(id));
  EXPECT_EQ(stored.id, id);
  EXPECT_EQ(stored.slug, "korea-talks");
  EXPECT_EQ(stored.title, article.title);
  EXPECT_EQ(stored.dek, article.dek);
  EXPECT_EQ(stored.body_md, article.body_md);
  EXPECT_EQ(stored.body_html, article.body_html);
  EXPECT_EQ(stored.status, ArticleStatus::kPublished);
  EXPECT_EQ(stored.section_id, section);
  EXPECT_EQ(stored.partner_id, partner);
  EXPECT_EQ(stored.original_url, "https://riac.example/korea");
  EXPECT_EQ(stored.published_at, At(1700000000));
  EXPECT_EQ(stored.updated_at, At(1700000060));
  EXPECT_EQ(stored.word_count, 1234);
  EXPECT_EQ(stored.author_ids, (std::vector<int64_t>{cy, ann, bob}));
  EXPECT_EQ(stored.tag_ids, (std::vector<int64_t>{trade, energy}));
  EXPECT_TRUE(FailsWith(store().GetArticle(id + 1), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, ArticleSlugsAreUniqueAcrossSections) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  AddArticle(NewArticle("korea-talks", east, 1000));
  EXPECT_TRUE(FailsWith(store().CreateArticle(NewArticle("korea-talks", south, 2000)),
                        ErrorCode::kConflict));
  EXPECT_EQ(Must(store().CountPublished({})), 1);
}

TEST_P(StoreContractTest, BadReferencesAreInvalidArgumentsAndStoreNothing) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t energy = AddTag("energy");

  Article unknown_section = NewArticle("a", section + 100, 1000);
  EXPECT_TRUE(FailsWith(store().CreateArticle(unknown_section), ErrorCode::kInvalidArgument));

  Article unknown_partner = NewArticle("b", section, 1000);
  unknown_partner.partner_id = 777;
  EXPECT_TRUE(FailsWith(store().CreateArticle(unknown_partner), ErrorCode::kInvalidArgument));

  Article unknown_author = NewArticle("c", section, 1000);
  unknown_author.author_ids = {ann, ann + 100};
  EXPECT_TRUE(FailsWith(store().CreateArticle(unknown_author), ErrorCode::kInvalidArgument));

  Article unknown_tag = NewArticle("d", section, 1000);
  unknown_tag.author_ids = {ann};
  unknown_tag.tag_ids = {energy, energy + 100};
  EXPECT_TRUE(FailsWith(store().CreateArticle(unknown_tag), ErrorCode::kInvalidArgument));

  Article author_twice = NewArticle("e", section, 1000);
  author_twice.author_ids = {ann, ann};
  EXPECT_TRUE(FailsWith(store().CreateArticle(author_twice), ErrorCode::kInvalidArgument));

  for (const char* slug : {"a", "b", "c", "d", "e"}) {
    EXPECT_FALSE(Must(store().IsSlugTaken(SlugKind::kArticle, slug))) << slug;
  }
  EXPECT_EQ(Must(store().CountPublished({.author_id = ann})), 0);
  EXPECT_EQ(Must(store().CountPublished({.tag_id = energy})), 0);
}

TEST_P(StoreContractTest, OnlyPublishedArticlesAreServedToReaders) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  Article draft = NewArticle("draft-piece", east, 1000);
  draft.status = ArticleStatus::kDraft;
  const int64_t draft_id = AddArticle(draft);
  const int64_t live_id = AddArticle(NewArticle("live-piece", east, 1000));

  EXPECT_TRUE(FailsWith(store().GetPublishedArticle(east, "draft-piece"), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().GetArticle(draft_id)).status, ArticleStatus::kDraft);
  auto live = Must(store().GetPublishedArticle(east, "live-piece"));
  EXPECT_EQ(live.id, live_id);
  EXPECT_EQ(live.body_md, "Body of *live-piece*.");
  EXPECT_TRUE(FailsWith(store().GetPublishedArticle(south, "live-piece"), ErrorCode::kNotFound));
  EXPECT_EQ(SlugsOf(Must(store().ListPublished({}))), std::vector<std::string>{"live-piece"});
  EXPECT_EQ(Must(store().CountPublished({})), 1);
}

TEST_P(StoreContractTest, ListingIsNewestFirstWithoutBodies) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");
  const int64_t energy = AddTag("energy");
  Article old_piece = NewArticle("old", section, 1000);
  old_piece.author_ids = {bob, ann};
  old_piece.tag_ids = {energy};
  AddArticle(old_piece);
  AddArticle(NewArticle("newest", section, 3000));
  AddArticle(NewArticle("tie-first", section, 2000));
  AddArticle(NewArticle("tie-second", section, 2000));  // same time, higher id: listed first
  Article archived = NewArticle("archived", section, 4000);
  archived.status = ArticleStatus::kArchived;
  AddArticle(archived);

  auto listed = Must(store().ListPublished({}));
  EXPECT_EQ(SlugsOf(listed),
            (std::vector<std::string>{"newest", "tie-second", "tie-first", "old"}));
  for (const Article& article : listed) {
    EXPECT_TRUE(article.body_md.empty());
    EXPECT_TRUE(article.body_html.empty());
    EXPECT_FALSE(article.title.empty());
  }
  ASSERT_EQ(listed.size(), 4u);
  EXPECT_EQ(listed[3].author_ids, (std::vector<int64_t>{bob, ann}));
  EXPECT_EQ(listed[3].tag_ids, (std::vector<int64_t>{energy}));
  EXPECT_TRUE(listed[0].author_ids.empty());

  // Cards: the same listing without the tags.
  auto cards = Must(store().ListPublished({.with_tag_ids = false}));
  ASSERT_EQ(cards.size(), 4u);
  EXPECT_EQ(cards[3].author_ids, (std::vector<int64_t>{bob, ann}));
  EXPECT_TRUE(cards[3].tag_ids.empty());
}

TEST_P(StoreContractTest, ListingFiltersCombineAndCountAgrees) {
  const int64_t east = AddSection("east-asia");
  const int64_t south = AddSection("south-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");
  const int64_t energy = AddTag("energy");
  const int64_t trade = AddTag("trade");
  const int64_t riac = AddPartner("riac");

  auto add = [&](const std::string& slug, int64_t section, std::vector<int64_t> authors,
                 std::vector<int64_t> tags, std::optional<int64_t> partner, int64_t when) {
    Article article = NewArticle(slug, section, when);
    article.author_ids = std::move(authors);
    article.tag_ids = std::move(tags);
    article.partner_id = partner;
    AddArticle(article);
  };
  add("e1", east, {ann}, {energy}, std::nullopt, 100);
  add("e2", east, {ann, bob}, {trade}, riac, 200);
  add("e3", east, {bob}, {energy, trade}, riac, 300);
  add("s1", south, {ann}, {energy}, std::nullopt, 400);
  add("s2", south, {}, {}, riac, 500);

  struct Case {
    ArticleQuery query;
    std::vector<std::string> slugs;
  };
  const std::vector<Case> cases = {
      {{.section_id = east}, {"e3", "e2", "e1"}},
      {{.section_id = south}, {"s2", "s1"}},
      {{.author_id = ann}, {"s1", "e2", "e1"}},
      {{.author_id = bob}, {"e3", "e2"}},
      {{.tag_id = energy}, {"s1", "e3", "e1"}},
      {{.partner_id = riac}, {"s2", "e3", "e2"}},
      {{.section_id = east, .author_id = ann}, {"e2", "e1"}},
      {{.section_id = east, .tag_id = trade, .partner_id = riac}, {"e3", "e2"}},
      {{.author_id = bob, .tag_id = energy}, {"e3"}},
      {{.section_id = south, .author_id = bob}, {}},
      {{}, {"s2", "s1", "e3", "e2", "e1"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SlugsOf(Must(store().ListPublished(c.query))), c.slugs);
    EXPECT_EQ(Must(store().CountPublished(c.query)), static_cast<int64_t>(c.slugs.size()));
  }
  auto by_ann = Must(store().ListPublished({.author_id = ann}));
  ASSERT_EQ(by_ann.size(), 3u);
  EXPECT_EQ(by_ann[1].author_ids, (std::vector<int64_t>{ann, bob}));
}

TEST_P(StoreContractTest, ListingPagesThroughEverything) {
  const int64_t section = AddSection("east-asia");
  for (int i = 0; i < 25; ++i) AddArticle(NewArticle("piece-" + std::to_string(i), section, i));

  std::vector<std::string> paged;
  for (int offset = 0; offset < 30; offset += 10) {
    auto page = Must(store().ListPublished({.limit = 10, .offset = offset}));
    EXPECT_EQ(page.size(), offset < 20 ? 10u : 5u);
    for (const Article& article : page) paged.push_back(article.slug);
  }
  ASSERT_EQ(paged.size(), 25u);
  EXPECT_EQ(paged.front(), "piece-24");
  EXPECT_EQ(paged.back(), "piece-0");
  EXPECT_EQ(Must(store().CountPublished({.limit = 1, .offset = 3})), 25);
  EXPECT_TRUE(Must(store().ListPublished({.limit = 10, .offset = 25})).empty());
  EXPECT_TRUE(FailsWith(store().ListPublished({.limit = 0}), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListPublished({.limit = 1001}), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().ListPublished({.offset = -1}), ErrorCode::kInvalidArgument));
}

// Keyset pages: each goes on after the last article of the one before, in the listing's order,
// ties of published_at broken by id; every filter applies, and so does the count.
TEST_P(StoreContractTest, ListingGoesOnAfterACursor) {
  const int64_t east = AddSection("east-asia");
  const int64_t west = AddSection("west");
  const int64_t ann = AddAuthor("ann", "Ann");
  const int64_t trade = AddTag("trade");
  std::vector<int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    Article article = NewArticle("piece-" + std::to_string(i), i == 3 ? west : east, 100 + i / 2);
    article.author_ids = {ann};
    article.tag_ids = {trade};
    ids.push_back(AddArticle(article));
  }
  for (const ArticleQuery& filter :
       {ArticleQuery{}, ArticleQuery{.author_id = ann}, ArticleQuery{.tag_id = trade}}) {
    std::vector<std::string> paged;
    ArticleQuery query = filter;
    query.limit = 2;
    while (true) {
      auto page = Must(store().ListPublished(query));
      for (const Article& article : page) paged.push_back(article.slug);
      if (page.size() < 2) break;
      query.before = ListingCursor{.published_at = page.back().published_at, .id = page.back().id};
    }
    EXPECT_EQ(paged, (std::vector<std::string>{"piece-6", "piece-5", "piece-4", "piece-3",
                                               "piece-2", "piece-1", "piece-0"}));
  }
  // After piece-4 (published at 102, as piece-5 is): piece-3 and older, east only.
  const ListingCursor after_4{.published_at = base::Seconds(std::chrono::seconds(102)),
                              .id = ids[4]};
  EXPECT_EQ(SlugsOf(Must(store().ListPublished({.section_id = east, .before = after_4}))),
            (std::vector<std::string>{"piece-2", "piece-1", "piece-0"}));
  EXPECT_EQ(Must(store().CountPublished({.section_id = east, .before = after_4})), 3);
  EXPECT_EQ(Must(store().CountPublished({.tag_id = trade, .before = after_4})), 4);
  EXPECT_EQ(Must(store().CountPublished({.partner_id = std::nullopt, .before = after_4})), 4);
}

TEST_P(StoreContractTest, UpdateReplacesFieldsAndLinks) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t bob = AddAuthor("bob-ray", "Bob Ray");
  const int64_t energy = AddTag("energy");
  const int64_t trade = AddTag("trade");
  Article article = NewArticle("korea-talks", section, 1000);
  article.status = ArticleStatus::kDraft;
  article.author_ids = {ann};
  article.tag_ids = {energy};
  article.id = AddArticle(article);

  article.title = "Korea talks resume";
  article.body_md = "New body.";
  article.status = ArticleStatus::kPublished;
  article.author_ids = {bob, ann};
  article.tag_ids = {trade};
  ASSERT_TRUE(Succeeds(store().UpdateArticle(article)));

  auto stored = Must(store().GetPublishedArticle(section, "korea-talks"));
  EXPECT_EQ(stored.title, "Korea talks resume");
  EXPECT_EQ(stored.body_md, "New body.");
  EXPECT_EQ(stored.author_ids, (std::vector<int64_t>{bob, ann}));
  EXPECT_EQ(stored.tag_ids, (std::vector<int64_t>{trade}));
  EXPECT_EQ(Must(store().CountPublished({.tag_id = energy})), 0);

  Article missing = article;
  missing.id = article.id + 100;
  EXPECT_TRUE(FailsWith(store().UpdateArticle(missing), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, MovedArticleIsFoundAtItsOldAddresses) {
  const int64_t east = AddSection("east-asia");
  const int64_t world = AddSection("world-news");
  Article article = NewArticle("korea-talks", east, 1000);
  article.id = AddArticle(article);
  EXPECT_TRUE(FailsWith(store().FindMovedArticle(east, "korea-talks"), ErrorCode::kNotFound));

  article.slug = "korea-talks-resume";
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_TRUE(FailsWith(store().GetPublishedArticle(east, "korea-talks"), ErrorCode::kNotFound));
  auto moved = Must(store().FindMovedArticle(east, "korea-talks"));
  EXPECT_EQ(moved.id, article.id);
  EXPECT_EQ(moved.slug, "korea-talks-resume");
  EXPECT_EQ(moved.body_md, article.body_md);

  article.section_id = world;
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_EQ(Must(store().FindMovedArticle(east, "korea-talks")).section_id, world);
  EXPECT_EQ(Must(store().FindMovedArticle(east, "korea-talks-resume")).id, article.id);
  EXPECT_EQ(Must(store().GetPublishedArticle(world, "korea-talks-resume")).id, article.id);

  // Moving back home: the original address is the article's own again, not a redirect.
  article.section_id = east;
  article.slug = "korea-talks";
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_TRUE(FailsWith(store().FindMovedArticle(east, "korea-talks"), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().GetPublishedArticle(east, "korea-talks")).id, article.id);
  EXPECT_EQ(Must(store().FindMovedArticle(world, "korea-talks-resume")).slug, "korea-talks");

  // An unpublished article does not answer at its old addresses either.
  article.status = ArticleStatus::kArchived;
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_TRUE(
      FailsWith(store().FindMovedArticle(world, "korea-talks-resume"), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, FailedWritesLeaveNothingHalfDone) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  const int64_t energy = AddTag("energy");
  const int64_t trade = AddTag("trade");
  Article first = NewArticle("first", section, 1000);
  first.id = AddArticle(first);
  Article second = NewArticle("second", section, 2000);
  second.author_ids = {ann};
  second.tag_ids = {energy};
  second.id = AddArticle(second);

  // A slug taken by another article, together with new links and a new title.
  Article clash = second;
  clash.slug = "first";
  clash.title = "Changed";
  clash.tag_ids = {trade, energy};
  clash.author_ids = {};
  EXPECT_TRUE(FailsWith(store().UpdateArticle(clash), ErrorCode::kConflict));
  auto unchanged = Must(store().GetArticle(second.id));
  EXPECT_EQ(unchanged.slug, "second");
  EXPECT_EQ(unchanged.title, second.title);
  EXPECT_EQ(unchanged.author_ids, (std::vector<int64_t>{ann}));
  EXPECT_EQ(unchanged.tag_ids, (std::vector<int64_t>{energy}));
  EXPECT_TRUE(FailsWith(store().FindMovedArticle(section, "second"), ErrorCode::kNotFound));

  // A batch of views whose second entry names no article: the first is not kept either.
  const std::vector<ViewCount> views = {{first.id, 10, 5}, {second.id + 100, 10, 5}};
  EXPECT_TRUE(FailsWith(store().AddViews(views), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().MostViewed(0, 10)).empty());
}

// --- page views

TEST_P(StoreContractTest, ViewsAccumulateAndRankMostReadFirst) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  Article a_piece = NewArticle("a", section, 100);
  a_piece.author_ids = {ann};
  const int64_t a = AddArticle(a_piece);
  const int64_t b = AddArticle(NewArticle("b", section, 200));
  const int64_t c = AddArticle(NewArticle("c", section, 300));
  const int64_t unread = AddArticle(NewArticle("unread", section, 400));
  Article draft = NewArticle("draft", section, 500);
  draft.status = ArticleStatus::kDraft;
  const int64_t draft_id = AddArticle(draft);

  const std::vector<ViewCount> day1 = {{a, 1, 10}, {b, 1, 1}, {draft_id, 1, 99}};
  const std::vector<ViewCount> day2 = {{a, 2, 1}, {b, 2, 7}, {c, 2, 8}, {unread, 2, 0}};
  const std::vector<ViewCount> day2_again = {{b, 2, 1}};
  ASSERT_TRUE(Succeeds(store().AddViews(day1)));
  ASSERT_TRUE(Succeeds(store().AddViews(day2)));
  ASSERT_TRUE(Succeeds(store().AddViews(day2_again)));
  ASSERT_TRUE(Succeeds(store().AddViews({})));

  // Totals since day 1: a 11, b 9, c 8; the draft and the unread article are left out.
  auto all_time = Must(store().MostViewed(1, 10));
  EXPECT_EQ(SlugsOf(all_time), (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_FALSE(all_time.empty());
  EXPECT_EQ(all_time[0].author_ids, (std::vector<int64_t>{ann}));
  EXPECT_TRUE(all_time[0].body_md.empty());
  // Since day 2: b 8 and c 8 tie, c is newer; then a 1.
  EXPECT_EQ(SlugsOf(Must(store().MostViewed(2, 10))), (std::vector<std::string>{"c", "b", "a"}));
  EXPECT_EQ(SlugsOf(Must(store().MostViewed(2, 1))), std::vector<std::string>{"c"});
  EXPECT_TRUE(Must(store().MostViewed(3, 10)).empty());
  EXPECT_TRUE(FailsWith(store().MostViewed(1, 0), ErrorCode::kInvalidArgument));
}

TEST_P(StoreContractTest, WritersOnManyThreadsAreSerialized) {
  const int64_t section = AddSection("east-asia");
  const int64_t rival = AddArticle(NewArticle("rival", section, 100));
  const int64_t popular = AddArticle(NewArticle("popular", section, 200));
  constexpr int kThreads = 4;
  constexpr int kWritesEach = 50;
  constexpr int64_t kTotal = kThreads * kWritesEach;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      const std::vector<ViewCount> one = {{popular, 7, 1}};
      for (int i = 0; i < kWritesEach; ++i) {
        if (!store().AddViews(one)) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);

  // Ties go to the newer "popular": it leads a rival with kTotal views, and trails one with
  // kTotal + 1, so it holds exactly kTotal: no increment was lost.
  const std::vector<ViewCount> rival_views = {{rival, 7, kTotal}};
  ASSERT_TRUE(Succeeds(store().AddViews(rival_views)));
  EXPECT_EQ(SlugsOf(Must(store().MostViewed(7, 2))),
            (std::vector<std::string>{"popular", "rival"}));
  const std::vector<ViewCount> one_more = {{rival, 8, 1}};
  ASSERT_TRUE(Succeeds(store().AddViews(one_more)));
  EXPECT_EQ(SlugsOf(Must(store().MostViewed(7, 2))),
            (std::vector<std::string>{"rival", "popular"}));
}

TEST_P(StoreContractTest, ReadersRunWhileAWriterWrites) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  constexpr int kArticles = 40;
  constexpr int kReaders = 6;
  std::atomic<bool> writing_done{false};
  std::atomic<int> failures{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < kReaders; ++t) {
    readers.emplace_back([&] {
      int64_t last_count = 0;
      while (!writing_done || reads < 2 * kReaders) {
        auto count = store().CountPublished({});
        auto page = store().ListPublished({.limit = 5});
        if (!count || !page || *count < last_count) {
          ++failures;
          return;
        }
        last_count = *count;
        for (const Article& article : *page) {
          if (article.author_ids != std::vector<int64_t>{ann}) ++failures;
        }
        if (!page->empty()) {
          auto full = store().GetArticle(page->front().id);
          if (!full || full->body_md.empty()) ++failures;
        }
        ++reads;
      }
    });
  }
  for (int i = 0; i < kArticles; ++i) {
    Article article = NewArticle("piece-" + std::to_string(i), section, 1000 + i);
    article.author_ids = {ann};
    EXPECT_TRUE(Succeeds(store().CreateArticle(article)));
  }
  writing_done = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Must(store().CountPublished({})), kArticles);
}

// --- settings and operations

TEST_P(StoreContractTest, SettingsAreSetAndReplaced) {
  EXPECT_TRUE(FailsWith(store().GetSetting("site.title"), ErrorCode::kNotFound));
  ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "The Gazette")));
  EXPECT_EQ(Must(store().GetSetting("site.title")), "The Gazette");
  ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "")));
  EXPECT_EQ(Must(store().GetSetting("site.title")), "");
  EXPECT_TRUE(FailsWith(store().GetSetting("site.other"), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, ReopeningKeepsEverything) {
  const int64_t section = AddSection("east-asia");
  const int64_t ann = AddAuthor("ann-lee", "Ann Lee");
  Article article = NewArticle("korea-talks", section, 1000);
  article.author_ids = {ann};
  const int64_t id = AddArticle(article);
  ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "The Gazette")));

  Reopen();
  EXPECT_EQ(Must(store().GetArticle(id)).author_ids, std::vector<int64_t>{ann});
  EXPECT_EQ(Must(store().GetSectionBySlug("east-asia")).id, section);
  EXPECT_EQ(Must(store().GetSetting("site.title")), "The Gazette");
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
  Reopen();
  EXPECT_EQ(Must(store().CountPublished({})), 1);
}

TEST_P(StoreContractTest, IntegrityCheckPassesOnAHealthyStore) {
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
  const int64_t section = AddSection("east-asia");
  Article article = NewArticle("korea-talks", section, 1000);
  article.author_ids = {AddAuthor("ann-lee", "Ann Lee")};
  article.tag_ids = {AddTag("energy")};
  article.id = AddArticle(article);
  article.slug = "moved";
  ASSERT_TRUE(Succeeds(store().UpdateArticle(article)));
  const std::vector<ViewCount> views = {{article.id, 3, 4}};
  ASSERT_TRUE(Succeeds(store().AddViews(views)));
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

}  // namespace
}  // namespace gazette::store
