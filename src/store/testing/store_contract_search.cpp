// The Store contract for full-text search: ranking, phrases, prefixes, filters, snippets, and an
// index that follows every publish, edit and unpublish.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;

// One word per term, none of them prefixes.
std::vector<SearchTerm> Words(std::initializer_list<std::string> words) {
  std::vector<SearchTerm> terms;
  for (const std::string& word : words) terms.push_back({.words = {word}});
  return terms;
}

std::vector<std::string> SlugsOf(const SearchPage& page) {
  std::vector<std::string> slugs;
  for (const SearchHit& hit : page.hits) slugs.push_back(hit.article.slug);
  return slugs;
}

// A small fixed corpus: two sections, two authors, a tag, and articles whose words are chosen
// so that each test's answer is known. Written through the public Store interface.
struct Corpus {
  int64_t asia = 0, europe = 0, ann = 0, jose = 0, energy = 0;
  std::vector<int64_t> ids;  // sanctions-title, river-trade, gas-pipeline, secret-draft
};

Article Make(const std::string& slug, int64_t section, int64_t published_at) {
  Article article;
  article.slug = slug;
  article.title = "Title of " + slug;
  article.status = ArticleStatus::kPublished;
  article.section_id = section;
  article.published_at = At(published_at);
  article.updated_at = At(published_at + 60);
  return article;
}

Corpus Seed(Store& store) {
  Corpus c;
  c.asia = Must(store.CreateSection({.slug = "east-asia", .name = "East Asia"}));
  c.europe = Must(store.CreateSection({.slug = "eastern-europe", .name = "Eastern Europe"}));
  c.ann = Must(store.CreateAuthor({.slug = "ann-lee", .name = "Ann Lee"}));
  c.jose = Must(store.CreateAuthor({.slug = "jose-nunez", .name = "Jos\u00e9 N\u00fa\u00f1ez"}));
  c.energy = Must(store.UpsertTag({.slug = "energy", .name = "Energy"}));

  Article title_match = Make("sanctions-title", c.asia, 1'700'000'000);
  title_match.title = "Sanctions on Pyongyang";
  title_match.body_md = "Trade across the Yalu river keeps going.";
  title_match.author_ids = {c.ann};
  c.ids.push_back(Must(store.CreateArticle(title_match)));

  Article body_match = Make("river-trade", c.asia, 1'700'100'000);
  body_match.title = "Border markets";
  body_match.body_md = "Traders say the sanctions bite less than the weather, and prices rise.";
  body_match.author_ids = {c.jose};
  c.ids.push_back(Must(store.CreateArticle(body_match)));

  Article europe = Make("gas-pipeline", c.europe, 1'700'200'000);
  europe.title = "The pipeline question";
  europe.body_md = "A decision on the Baltic gas pipeline came after the \u00c9lys\u00e9e summit.";
  europe.author_ids = {c.ann, c.jose};
  europe.tag_ids = {c.energy};
  c.ids.push_back(Must(store.CreateArticle(europe)));

  Article draft = Make("secret-draft", c.europe, 1'700'300'000);
  draft.status = ArticleStatus::kDraft;
  draft.title = "Sanctions draft nobody may read";
  c.ids.push_back(Must(store.CreateArticle(draft)));
  return c;
}

SearchPage Search(Store& store, SearchQuery query) { return Must(store.SearchArticles(query)); }

TEST_P(StoreContractTest, SearchATitleMatchRanksAboveABodyMatchAndDraftsAreNotFound) {
  const Corpus c = Seed(store());
  SearchPage page = Search(store(), {.terms = Words({"sanctions"})});
  EXPECT_EQ(SlugsOf(page), (std::vector<std::string>{"sanctions-title", "river-trade"}));
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].article.author_ids, std::vector<int64_t>{c.ann});
  EXPECT_TRUE(page.hits[0].article.body_md.empty());
}

TEST_P(StoreContractTest, SearchEveryWordMustMatch) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"sanctions", "weather"})})),
            std::vector<std::string>{"river-trade"});
  EXPECT_TRUE(Search(store(), {.terms = Words({"sanctions", "pipeline"})}).hits.empty());
}

TEST_P(StoreContractTest, SearchPhrasesMatchWordsTogetherInOrder) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = {{.words = {"gas", "pipeline"}}}})),
            std::vector<std::string>{"gas-pipeline"});
  EXPECT_TRUE(Search(store(), {.terms = {{.words = {"pipeline", "gas"}}}}).hits.empty());
}

TEST_P(StoreContractTest, SearchAPrefixMatchesLongerWords) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = {{.words = {"pipel"}, .prefix = true}}})),
            std::vector<std::string>{"gas-pipeline"});
  EXPECT_TRUE(Search(store(), {.terms = {{.words = {"pipel"}}}}).hits.empty());
}

TEST_P(StoreContractTest, SearchCaseAndDiacriticsAreIgnoredBothWays) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"ELYSEE"})})),
            std::vector<std::string>{"gas-pipeline"});
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"nuñez"})})).size(), 2u);
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"Yalú"})})),
            std::vector<std::string>{"sanctions-title"});
}

TEST_P(StoreContractTest, SearchAuthorAndTagNamesAreSearched) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"energy"})})),
            std::vector<std::string>{"gas-pipeline"});
  EXPECT_EQ(Search(store(), {.terms = Words({"ann", "lee"})}).total, 2);
}

TEST_P(StoreContractTest, SearchFiltersBySectionAuthorAndDate) {
  const Corpus c = Seed(store());
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"pipeline"}), .section_id = c.asia})).size(),
            0u);
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"sanctions"}), .author_id = c.jose})),
            std::vector<std::string>{"river-trade"});
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"sanctions"}), .from = At(1'700'100'000)})),
            std::vector<std::string>{"river-trade"});
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"sanctions"}), .to = At(1'700'100'000)})),
            std::vector<std::string>{"sanctions-title"});
  EXPECT_EQ(
      Search(store(), {.terms = Words({"trade"}), .section_id = c.asia, .author_id = c.ann}).total,
      1);
}

TEST_P(StoreContractTest, SearchPagesThroughHitsWithTheTotalOfAll) {
  const Corpus c = Seed(store());
  SearchPage first = Search(store(), {.terms = Words({"sanctions"}), .limit = 1});
  SearchPage second = Search(store(), {.terms = Words({"sanctions"}), .limit = 1, .offset = 1});
  EXPECT_EQ(SlugsOf(first), std::vector<std::string>{"sanctions-title"});
  EXPECT_EQ(SlugsOf(second), std::vector<std::string>{"river-trade"});
  EXPECT_EQ(first.total, 2);
  EXPECT_EQ(second.total, 2);
  EXPECT_TRUE(FailsWith(store().SearchArticles({.terms = Words({"x"}), .limit = 0}),
                        ErrorCode::kInvalidArgument));
}

TEST_P(StoreContractTest, SearchNoTermsOrOnlyPunctuationFindNothingWithoutError) {
  const Corpus c = Seed(store());
  EXPECT_EQ(Search(store(), {}).total, 0);
  EXPECT_EQ(Search(store(), {.terms = {{.words = {}}, {.words = {""}}}}).total, 0);
  EXPECT_EQ(Search(store(), {.terms = Words({"\u00ab\u00bb"})}).total, 0);
  EXPECT_EQ(
      Search(store(), {.terms = Words({"\"", "NEAR(", "*", "AND", "'; DROP TABLE articles; --"})})
          .total,
      0);
  EXPECT_EQ(Search(store(), {.terms = Words({std::string("sanc\0tions", 10)})}).total, 0);
  EXPECT_EQ(Must(store().ListPublished({})).size(), 3u);
}

TEST_P(StoreContractTest, SearchSnippetsMarkTheMatchAndEscapeTheText) {
  const Corpus c = Seed(store());
  Article article = Make("markup", c.asia, 1'700'400'000);
  article.title = "Markup";
  article.body_md = "Write `<script>alert(1)</script>` & \uE001stray\uE000 marks near zebra.";
  AddArticle(article);
  SearchPage page = Search(store(), {.terms = Words({"zebra"})});
  ASSERT_EQ(page.hits.size(), 1u);
  const std::string& html = page.hits[0].snippet_html;
  EXPECT_NE(html.find("<mark>zebra</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&amp;"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  size_t opens = 0, closes = 0;
  for (size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at + 1)) {
    ++opens;
  }
  for (size_t at = html.find("</mark>"); at != std::string::npos;
       at = html.find("</mark>", at + 1)) {
    ++closes;
  }
  EXPECT_EQ(opens, closes) << html;
}

// The body is indexed as the text readers see: no emphasis marks, footnote marks or link targets
// in a snippet, and a link target is not a match.
TEST_P(StoreContractTest, SearchSnippetsShowTextWithoutMarkdownSyntax) {
  const Corpus c = Seed(store());
  Article article = Make("marked", c.asia, 1'700'400'000);
  article.body_md =
      "The **quokka** census[^1] is in [the report](https://example.org/wombat-count).\n\n"
      "[^1]: Counted by *volunteers*.\n";
  AddArticle(article);
  SearchPage page = Search(store(), {.terms = Words({"quokka"})});
  ASSERT_EQ(page.hits.size(), 1u);
  const std::string& html = page.hits[0].snippet_html;
  EXPECT_NE(html.find("The <mark>quokka</mark> census is in the report."), std::string::npos)
      << html;
  for (std::string_view syntax : {"**", "[^", "](", "example.org", "*volunteers*"}) {
    EXPECT_EQ(html.find(syntax), std::string::npos) << syntax << " in " << html;
  }
  EXPECT_EQ(Search(store(), {.terms = Words({"volunteers"})}).total, 1);
  EXPECT_EQ(Search(store(), {.terms = Words({"wombat"})}).total, 0);
}

TEST_P(StoreContractTest, SearchTheIndexFollowsEditsPublishingAndUnpublishing) {
  const Corpus c = Seed(store());
  Article article = Must(store().GetArticle(c.ids[0]));
  article.title = "Tariffs on Pyongyang";
  article.body_md = "Nothing about the old word here.";
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"sanctions"})})),
            std::vector<std::string>{"river-trade"});
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"tariffs"})})),
            std::vector<std::string>{"sanctions-title"});

  Article draft = Must(store().GetArticle(c.ids[3]));
  draft.status = ArticleStatus::kPublished;
  ASSERT_TRUE(Succeeds(Save(draft)));
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"nobody"})})),
            std::vector<std::string>{"secret-draft"});

  Article unpublished = Must(store().GetArticle(c.ids[1]));
  unpublished.status = ArticleStatus::kArchived;
  ASSERT_TRUE(Succeeds(Save(unpublished)));
  EXPECT_TRUE(Search(store(), {.terms = Words({"weather"})}).hits.empty());
}

TEST_P(StoreContractTest, SearchTheIndexFollowsBylinesTagsAndRenames) {
  const Corpus c = Seed(store());
  Article article = Must(store().GetArticle(c.ids[1]));
  article.author_ids = {c.ann};
  article.tag_ids = {c.energy};
  ASSERT_TRUE(Succeeds(Save(article)));
  EXPECT_TRUE(Search(store(), {.terms = Words({"sanctions", "nunez"})}).hits.empty());
  EXPECT_EQ(Search(store(), {.terms = Words({"energy"})}).total, 2);

  content::Author jose = Must(store().GetAuthor(c.jose));
  jose.name = "Joseph Nunes";
  ASSERT_TRUE(Succeeds(store().UpdateAuthor(jose)));
  EXPECT_EQ(SlugsOf(Search(store(), {.terms = Words({"joseph"})})),
            std::vector<std::string>{"gas-pipeline"});
  EXPECT_TRUE(Search(store(), {.terms = Words({"nunez"})}).hits.empty());
}

TEST_P(StoreContractTest, SearchTheIndexSurvivesReopening) {
  const Corpus c = Seed(store());
  Reopen();
  EXPECT_EQ(Search(store(), {.terms = Words({"sanctions"})}).total, 2);
}

}  // namespace

}  // namespace gazette::store
