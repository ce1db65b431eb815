// ArticleService and the role rules against a real SQLite store with a fixed clock: every
// transition by status, action, role and ownership; field errors; conflicts; slugs; revisions;
// scheduled publishing.
#include "admin/article_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::admin {
namespace {

using base::ErrorCode;
using content::Article;
using content::ArticleStatus;
using content::Role;
using content::User;

constexpr ArticleStatus kStatuses[] = {ArticleStatus::kDraft, ArticleStatus::kReview,
                                       ArticleStatus::kScheduled, ArticleStatus::kPublished,
                                       ArticleStatus::kArchived};
constexpr WorkflowAction kActions[] = {WorkflowAction::kSubmit,    WorkflowAction::kReturnToDraft,
                                       WorkflowAction::kPublish,   WorkflowAction::kSchedule,
                                       WorkflowAction::kUnpublish, WorkflowAction::kArchive};

// Who acts on an article started by the contributor "wren".
enum class Actor { kOwner, kOtherContributor, kEditor, kAdmin };
constexpr Actor kActors[] = {Actor::kOwner, Actor::kOtherContributor, Actor::kEditor,
                             Actor::kAdmin};

std::string ActorName(Actor actor) {
  switch (actor) {
    case Actor::kOwner:
      return "owner";
    case Actor::kOtherContributor:
      return "other contributor";
    case Actor::kEditor:
      return "editor";
    case Actor::kAdmin:
      return "admin";
  }
  return "";
}

using Move = std::tuple<ArticleStatus, WorkflowAction>;

// What an editor (or admin) may do in each status, and where it leads: written out here, not
// taken from the code under test.
const std::set<Move> kEditorMoves = {
    {ArticleStatus::kDraft, WorkflowAction::kSubmit},
    {ArticleStatus::kDraft, WorkflowAction::kPublish},
    {ArticleStatus::kDraft, WorkflowAction::kSchedule},
    {ArticleStatus::kReview, WorkflowAction::kReturnToDraft},
    {ArticleStatus::kReview, WorkflowAction::kPublish},
    {ArticleStatus::kReview, WorkflowAction::kSchedule},
    {ArticleStatus::kScheduled, WorkflowAction::kPublish},
    {ArticleStatus::kScheduled, WorkflowAction::kUnpublish},
    {ArticleStatus::kPublished, WorkflowAction::kUnpublish},
    {ArticleStatus::kPublished, WorkflowAction::kArchive},
};
// What the contributor who started an article may do with it.
const std::set<Move> kOwnerMoves = {
    {ArticleStatus::kDraft, WorkflowAction::kSubmit},
    {ArticleStatus::kReview, WorkflowAction::kReturnToDraft},
};

ArticleStatus Target(WorkflowAction action) {
  switch (action) {
    case WorkflowAction::kSubmit:
      return ArticleStatus::kReview;
    case WorkflowAction::kPublish:
      return ArticleStatus::kPublished;
    case WorkflowAction::kSchedule:
      return ArticleStatus::kScheduled;
    case WorkflowAction::kArchive:
      return ArticleStatus::kArchived;
    case WorkflowAction::kReturnToDraft:
    case WorkflowAction::kUnpublish:
      return ArticleStatus::kDraft;
  }
  return ArticleStatus::kDraft;
}

bool Allowed(Actor actor, ArticleStatus status, WorkflowAction action) {
  switch (actor) {
    case Actor::kOwner:
      return kOwnerMoves.contains({status, action});
    case Actor::kOtherContributor:
      return false;
    case Actor::kEditor:
    case Actor::kAdmin:
      return kEditorMoves.contains({status, action});
  }
  return false;
}

class ArticleServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ =
        store::OpenSqliteStore((dir_.path() / "articles.db").string(), {.create_if_missing = true})
            .value();
    service_ = std::make_unique<ArticleService>(*store_, clock_);
    europe_ = store_->CreateSection({.slug = "europe", .name = "Europe"}).value();
    economy_ = store_->CreateSection({.slug = "economy", .name = "Economy"}).value();
    wren_ = AddUser("wren@example.org", "Wren Writer", Role::kContributor);
    otto_ = AddUser("otto@example.org", "Otto Other", Role::kContributor);
    edie_ = AddUser("edie@example.org", "Edie Editor", Role::kEditor);
    ada_ = AddUser("ada@example.org", "Ada Admin", Role::kAdmin);
    guest_author_ = store_->CreateAuthor({.slug = "guest", .name = "Gus Guest"}).value();
  }

  User AddUser(const std::string& email, const std::string& name, Role role) {
    User user{.email = email, .name = name, .role = role, .password_hash = "hash-of-" + email};
    user.id = store_->CreateUser(user).value();
    return user;
  }

  const User& UserFor(Actor actor) const {
    switch (actor) {
      case Actor::kOwner:
        return wren_;
      case Actor::kOtherContributor:
        return otto_;
      case Actor::kEditor:
        return edie_;
      case Actor::kAdmin:
        return ada_;
    }
    return wren_;
  }

  static ArticleDraft Draft(const std::string& title, const std::string& body = "A paragraph.") {
    return {.title = title, .section_slug = "europe", .body_md = body};
  }

  // A new draft by `by`; fails the test if it is not stored.
  Article Create(const User& by, const ArticleDraft& draft) {
    auto created = service_->Create(by, draft);
    EXPECT_TRUE(created.has_value()) << created.error().ToString();
    if (!created) return {};
    EXPECT_TRUE(created->errors.empty()) << created->errors.begin()->second;
    return created->article.value_or(Article{});
  }

  // Puts article `id` into `status` directly in the store, as if the workflow had led there.
  Article PutInStatus(int64_t id, ArticleStatus status) {
    Article article = store_->GetArticle(id).value();
    article.status = status;
    if (status == ArticleStatus::kScheduled) article.published_at = clock_.Now() + kHour;
    if (status == ArticleStatus::kPublished || status == ArticleStatus::kArchived) {
      article.published_at = clock_.Now() - kHour;
    }
    EXPECT_TRUE(store_->UpdateArticle(article).has_value());
    return store_->GetArticle(id).value();
  }

  Article Stored(int64_t id) { return store_->GetArticle(id).value(); }

  int64_t ArticleCount() { return store_->CountArticles({}).value(); }

  size_t RevisionCount(int64_t id) { return store_->ListRevisions(id).value().size(); }

  static constexpr std::chrono::hours kHour{1};

  base::testing::TempDir dir_{"gazette-articles-"};
  base::FixedClock clock_{base::ParseIso8601("2026-11-28T12:00:00Z").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ArticleService> service_;
  int64_t europe_ = 0;
  int64_t economy_ = 0;
  int64_t guest_author_ = 0;
  User wren_, otto_, edie_, ada_;
};

TEST_F(ArticleServiceTest, EveryTransitionByStatusActionRoleAndOwnership) {
  int cases = 0;
  for (ArticleStatus status : kStatuses) {
    for (WorkflowAction action : kActions) {
      for (Actor actor : kActors) {
        SCOPED_TRACE(std::string(content::ArticleStatusName(status)) + " × " +
                     std::string(WorkflowActionName(action)) + " × " + ActorName(actor));
        const Article before = PutInStatus(Create(wren_, Draft("Case")).id, status);
        const User& by = UserFor(actor);
        auto result =
            service_->Transition(by, before.id, before.version, action, clock_.Now() + 2 * kHour);
        const Article after = Stored(before.id);
        if (Allowed(actor, status, action)) {
          ASSERT_TRUE(result.has_value()) << result.error().ToString();
          EXPECT_EQ(result->status, Target(action));
          EXPECT_EQ(after.status, Target(action));
          EXPECT_EQ(after.version, before.version + 1);
        } else {
          ASSERT_FALSE(result.has_value());
          const bool someone_may = kEditorMoves.contains({status, action});
          EXPECT_EQ(result.error().code(),
                    someone_may ? ErrorCode::kPermissionDenied : ErrorCode::kInvalidArgument);
          EXPECT_EQ(after.status, status);
          EXPECT_EQ(after.version, before.version) << "a refused action writes nothing";
        }
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 5 * 6 * 4);
}

TEST_F(ArticleServiceTest, AllowedActionsAndCanEditFollowTheSameTable) {
  for (ArticleStatus status : kStatuses) {
    const Article article = PutInStatus(Create(wren_, Draft("Rules")).id, status);
    for (Actor actor : kActors) {
      SCOPED_TRACE(std::string(content::ArticleStatusName(status)) + " × " + ActorName(actor));
      std::vector<WorkflowAction> expected;
      for (WorkflowAction action : kActions) {
        if (Allowed(actor, status, action)) expected.push_back(action);
      }
      EXPECT_EQ(AllowedActions(UserFor(actor), article), expected);
      const bool own_unpublished = actor == Actor::kOwner && (status == ArticleStatus::kDraft ||
                                                              status == ArticleStatus::kReview);
      const bool editor = actor == Actor::kEditor || actor == Actor::kAdmin;
      EXPECT_EQ(CanEdit(UserFor(actor), article), editor || own_unpublished);
    }
  }
}

TEST_F(ArticleServiceTest, ActionNamesRoundTrip) {
  for (WorkflowAction action : kActions) {
    EXPECT_EQ(ParseWorkflowAction(WorkflowActionName(action)).value(), action);
  }
  EXPECT_EQ(WorkflowActionName(WorkflowAction::kReturnToDraft), "return");
  EXPECT_EQ(ParseWorkflowAction("delete").error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(ArticleServiceTest, FieldErrorsStoreNothing) {
  const int64_t taken = Create(edie_, Draft("Taken")).id;
  ASSERT_NE(taken, 0);
  const int64_t authors_before = static_cast<int64_t>(store_->ListAuthors().value().size());
  struct Case {
    std::string field;
    ArticleDraft draft;
  };
  std::vector<Case> cases = {
      {"title", {.title = "  ", .section_slug = "europe", .tags = {"Fresh tag"}}},
      {"section_slug", {.title = "T", .section_slug = "atlantis", .tags = {"Fresh tag"}}},
      {"section_slug", {.title = "T", .section_slug = ""}},
      {"slug", {.title = "T", .slug = "Not A Slug", .section_slug = "europe"}},
      {"slug", {.title = "T", .slug = "taken", .section_slug = "europe"}},
      {"author_ids", {.title = "T", .section_slug = "europe", .author_ids = {guest_author_, 999}}},
      {"tags", {.title = "T", .section_slug = "europe", .tags = {"Fresh tag", "?!"}}},
      {"partner_id", {.title = "T", .section_slug = "europe", .partner_id = 42}},
      {"original_url",
       {.title = "T", .section_slug = "europe", .original_url = "javascript:alert(1)"}},
      {"lead_image_id",
       {.title = "T", .section_slug = "europe", .lead_image_id = 77, .lead_image_alt = "A"}},
      {"lead_image_alt", {.title = "T", .section_slug = "europe", .lead_image_id = 77}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.field);
    auto result = service_->Create(wren_, c.draft);
    ASSERT_TRUE(result.has_value()) << result.error().ToString();
    EXPECT_FALSE(result->article.has_value());
    EXPECT_TRUE(result->errors.contains(c.field));
    EXPECT_FALSE(result->errors.at(c.field).empty());
  }
  EXPECT_EQ(ArticleCount(), 1);
  EXPECT_EQ(store_->GetTagBySlug("fresh-tag").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(static_cast<int64_t>(store_->ListAuthors().value().size()), authors_before)
      << "no author profile is made for a draft that is not stored";

  auto update = service_->Update(edie_, taken, 1, {.title = "", .section_slug = "economy"});
  ASSERT_TRUE(update.has_value());
  EXPECT_TRUE(update->errors.contains("title"));
  const Article stored = Stored(taken);
  EXPECT_EQ(stored.title, "Taken");
  EXPECT_EQ(stored.section_id, europe_);
  EXPECT_EQ(stored.version, 1);
}

TEST_F(ArticleServiceTest, ANewDraftGetsItsWritersBylineMadeWhenMissing) {
  ASSERT_EQ(store_->GetAuthorByUser(wren_.id).error().code(), ErrorCode::kNotFound);
  const Article first = Create(wren_, Draft("First Piece"));
  const content::Author wren_author = store_->GetAuthorByUser(wren_.id).value();
  EXPECT_EQ(wren_author.slug, "wren-writer");
  EXPECT_EQ(wren_author.name, "Wren Writer");
  EXPECT_EQ(first.author_ids, std::vector<int64_t>{wren_author.id});
  EXPECT_EQ(first.created_by, wren_.id);
  EXPECT_EQ(first.status, ArticleStatus::kDraft);

  const Article second = Create(wren_, Draft("Second Piece"));
  EXPECT_EQ(second.author_ids, std::vector<int64_t>{wren_author.id});
  EXPECT_EQ(store_->ListAuthors().value().size(), 2u) << "the profile is made once";

  ArticleDraft chosen = Draft("Guest Piece");
  chosen.author_ids = {guest_author_, wren_author.id, guest_author_};
  EXPECT_EQ(Create(wren_, chosen).author_ids, (std::vector<int64_t>{guest_author_, wren_author.id}))
      << "byline order is the order chosen, without repeats";
}

TEST_F(ArticleServiceTest, SlugsComeFromTitlesAndStayUnique) {
  EXPECT_EQ(Create(wren_, Draft("Korea's Détente: Will It Last?")).slug,
            "koreas-detente-will-it-last");
  EXPECT_EQ(Create(wren_, Draft("Korea’s détente — will it last")).slug,
            "koreas-detente-will-it-last-2");
  ArticleDraft own = Draft("Anything");
  own.slug = "chosen-slug";
  EXPECT_EQ(Create(wren_, own).slug, "chosen-slug");
}

TEST_F(ArticleServiceTest, FeedIsNeverAnArticleSlugSinceSectionFeedsLiveThere) {
  EXPECT_EQ(Create(wren_, Draft("Feed")).slug, "feed-2");
  ArticleDraft chosen = Draft("Anything");
  chosen.slug = "feed";
  auto result = service_->Create(wren_, chosen);
  ASSERT_TRUE(result.has_value()) << result.error().ToString();
  EXPECT_FALSE(result->article.has_value());
  EXPECT_TRUE(result->errors.contains("slug"));
}

TEST_F(ArticleServiceTest, BodiesAreRenderedWithFootnotesAndCounted) {
  const Article article =
      Create(wren_, Draft("Notes",
                          "Officials deny it.[^1] Markets do not.\n\n[^1]: Two people "
                          "who attended.\n"));
  EXPECT_NE(article.body_html.find("<section class=\"footnotes\""), std::string::npos)
      << article.body_html;
  EXPECT_NE(article.body_html.find("Two people who attended."), std::string::npos);
  EXPECT_GT(article.word_count, 5);

  const std::string broken = "[^unclosed\n\n* *\n| a |\n|---\n```\n\xff\xfe<script>x</script>";
  const Article odd = Create(wren_, Draft("Odd", broken));
  EXPECT_EQ(odd.body_md, broken);
  EXPECT_EQ(odd.body_html.find("<script>"), std::string::npos);
}

TEST_F(ArticleServiceTest, TagsAreMadeOnceAndKeptInOrder) {
  ArticleDraft draft = Draft("Tagged");
  draft.tags = {" Energy ", "Gas prices", "energy", ""};
  const Article article = Create(wren_, draft);
  auto tags = store_->GetTags(article.tag_ids).value();
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].slug, "energy");
  EXPECT_EQ(tags[0].name, "Energy");
  EXPECT_EQ(tags[1].slug, "gas-prices");
  EXPECT_EQ(Create(wren_, draft).tag_ids, article.tag_ids) << "existing tags are reused";
}

TEST_F(ArticleServiceTest, LeadImagesNeedAltTextAndPartnerPiecesAnOriginal) {
  content::Media media{
      .sha256 = "ab12", .original_mime = "image/jpeg", .width = 320, .height = 200};
  media.variants.push_back({.width = 320, .height = 200, .bytes = "jpeg bytes"});
  const int64_t image = store_->CreateMedia(media).value();
  const int64_t partner =
      store_->CreatePartner({.slug = "riac", .name = "RIAC", .url = "https://riac.example/"})
          .value();
  ArticleDraft draft = Draft("Pictured");
  draft.lead_image_id = image;
  draft.lead_image_alt = "A harbour at dawn";
  draft.partner_id = partner;
  draft.original_url = "https://riac.example/pieces/7";
  const Article article = Create(wren_, draft);
  EXPECT_EQ(article.lead_image_id, image);
  EXPECT_EQ(article.lead_image_alt, "A harbour at dawn");
  EXPECT_EQ(article.partner_id, partner);
  EXPECT_EQ(article.original_url, "https://riac.example/pieces/7");
}

TEST_F(ArticleServiceTest, ASaveFromAnOlderVersionIsRefusedAndWritesNothing) {
  const Article article = Create(wren_, Draft("Contested"));
  ArticleDraft edie_version = Draft("Contested, edited by Edie", "Edie's text.");
  auto saved = service_->Update(edie_, article.id, article.version, edie_version);
  ASSERT_TRUE(saved.has_value() && saved->article);
  EXPECT_EQ(saved->article->version, article.version + 1);

  auto stale = service_->Update(wren_, article.id, article.version,
                                Draft("Wren's late title", "Wren's text."));
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code(), ErrorCode::kConflict);
  const Article stored = Stored(article.id);
  EXPECT_EQ(stored.title, "Contested, edited by Edie");
  EXPECT_EQ(stored.body_md, "Edie's text.");
  EXPECT_EQ(stored.version, article.version + 1);

  auto stale_action =
      service_->Transition(wren_, article.id, article.version, WorkflowAction::kSubmit);
  ASSERT_FALSE(stale_action.has_value());
  EXPECT_EQ(stale_action.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(Stored(article.id).status, ArticleStatus::kDraft);
}

TEST_F(ArticleServiceTest, ContributorsEditOnlyTheirOwnUnpublishedArticles) {
  const Article article = Create(wren_, Draft("Wren's draft"));
  auto foreign = service_->Update(otto_, article.id, article.version, Draft("Otto was here"));
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(Stored(article.id).title, "Wren's draft");

  const Article published = PutInStatus(article.id, ArticleStatus::kPublished);
  auto own_published = service_->Update(wren_, article.id, published.version, Draft("Changed"));
  ASSERT_FALSE(own_published.has_value());
  EXPECT_EQ(own_published.error().code(), ErrorCode::kPermissionDenied);

  EXPECT_EQ(service_->Update(wren_, 9999, 1, Draft("Nothing")).error().code(),
            ErrorCode::kNotFound);
}

TEST_F(ArticleServiceTest, ASaveThatChangesNothingWritesNothing) {
  const Article article = Create(wren_, Draft("Still"));
  auto same = service_->Update(wren_, article.id, article.version,
                               {.title = "Still",
                                .slug = article.slug,
                                .section_slug = "europe",
                                .body_md = "A paragraph."});
  ASSERT_TRUE(same.has_value() && same->article);
  EXPECT_EQ(same->article->version, article.version);
  EXPECT_EQ(Stored(article.id).version, article.version);
}

TEST_F(ArticleServiceTest, AChangedSlugLeavesTheOldAddressAnswering) {
  const Article draft = Create(edie_, Draft("Harbour Talks"));
  const Article published =
      service_->Transition(edie_, draft.id, draft.version, WorkflowAction::kPublish).value();
  ArticleDraft moved = Draft("Harbour Talks");
  moved.slug = "harbour-talks-resume";
  moved.section_slug = "economy";
  auto saved = service_->Update(edie_, published.id, published.version, moved);
  ASSERT_TRUE(saved.has_value() && saved->article);
  EXPECT_EQ(saved->article->slug, "harbour-talks-resume");
  auto found = store_->FindMovedArticle(europe_, "harbour-talks");
  ASSERT_TRUE(found.has_value()) << found.error().ToString();
  EXPECT_EQ(found->id, published.id);
  EXPECT_EQ(found->slug, "harbour-talks-resume");
  EXPECT_EQ(found->section_id, economy_);
}

TEST_F(ArticleServiceTest, RevisionsAreKeptOnceAnArticleLeavesDraft) {
  Article article = Create(wren_, Draft("Versions", "First text."));
  article = service_->Update(wren_, article.id, article.version, Draft("Versions", "Second text."))
                .value()
                .article.value();
  EXPECT_EQ(RevisionCount(article.id), 0u) << "drafts keep no revisions";

  article =
      service_->Transition(wren_, article.id, article.version, WorkflowAction::kSubmit).value();
  EXPECT_EQ(RevisionCount(article.id), 1u);
  article = service_->Update(edie_, article.id, article.version, Draft("Versions", "Third text."))
                .value()
                .article.value();
  EXPECT_EQ(RevisionCount(article.id), 2u);
  article =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kPublish).value();
  EXPECT_EQ(RevisionCount(article.id), 3u);
  clock_.Advance(kHour);
  article = service_->Update(edie_, article.id, article.version, Draft("Versions", "Fourth text."))
                .value()
                .article.value();

  const auto revisions = store_->ListRevisions(article.id).value();
  ASSERT_EQ(revisions.size(), 4u);
  EXPECT_EQ(revisions[0].body_md, "Fourth text.");
  EXPECT_EQ(revisions[0].status, ArticleStatus::kPublished);
  EXPECT_EQ(revisions[0].editor_id, edie_.id);
  EXPECT_EQ(revisions[0].created_at, clock_.Now());
  EXPECT_EQ(revisions[3].body_md, "Second text.");
  EXPECT_EQ(revisions[3].status, ArticleStatus::kReview);
  EXPECT_EQ(revisions[3].editor_id, wren_.id);
}

TEST_F(ArticleServiceTest, RestoringARevisionPutsItsWordsBack) {
  Article article = Create(edie_, {.title = "Old title",
                                   .dek = "Old dek",
                                   .section_slug = "europe",
                                   .tags = {"Ports"},
                                   .body_md = "Old body."});
  article =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kPublish).value();
  const int64_t first = store_->ListRevisions(article.id).value().front().id;
  article = service_
                ->Update(edie_, article.id, article.version,
                         {.title = "New title",
                          .section_slug = "economy",
                          .tags = {"Ports"},
                          .body_md = "New body."})
                .value()
                .article.value();

  auto restored = service_->RestoreRevision(edie_, article.id, first, article.version);
  ASSERT_TRUE(restored.has_value()) << restored.error().ToString();
  EXPECT_EQ(restored->title, "Old title");
  EXPECT_EQ(restored->dek, "Old dek");
  EXPECT_EQ(restored->body_md, "Old body.");
  EXPECT_EQ(restored->section_id, economy_) << "only the words come back";
  EXPECT_EQ(restored->tag_ids, article.tag_ids);
  EXPECT_EQ(RevisionCount(article.id), 3u) << "the restore is itself a revision";

  EXPECT_EQ(service_->RestoreRevision(edie_, article.id, first, article.version).error().code(),
            ErrorCode::kConflict);
  const Article other = Create(edie_, Draft("Other"));
  EXPECT_EQ(service_->RestoreRevision(edie_, other.id, first, other.version).error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->RestoreRevision(otto_, article.id, first, restored->version).error().code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(ArticleServiceTest, ScheduledArticlesGoLiveWhenTheirTimeComes) {
  const Article article = Create(wren_, Draft("Tomorrow's News"));
  EXPECT_EQ(service_->Transition(edie_, article.id, article.version, WorkflowAction::kSchedule)
                .error()
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      service_
          ->Transition(edie_, article.id, article.version, WorkflowAction::kSchedule, clock_.Now())
          .error()
          .code(),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(Stored(article.id).status, ArticleStatus::kDraft);

  const base::Seconds at = clock_.Now() + 3 * kHour;
  auto scheduled =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kSchedule, at);
  ASSERT_TRUE(scheduled.has_value()) << scheduled.error().ToString();
  EXPECT_EQ(scheduled->status, ArticleStatus::kScheduled);
  EXPECT_EQ(scheduled->published_at, at);

  clock_.Advance(2 * kHour);
  EXPECT_TRUE(store_->PublishDueArticles(clock_.Now()).value().empty());
  EXPECT_EQ(Stored(article.id).status, ArticleStatus::kScheduled);
  clock_.Advance(kHour);
  EXPECT_EQ(store_->PublishDueArticles(clock_.Now()).value(), std::vector<int64_t>{article.id});
  const Article live = Stored(article.id);
  EXPECT_EQ(live.status, ArticleStatus::kPublished);
  EXPECT_EQ(live.published_at, at);
  EXPECT_TRUE(store_->GetPublishedArticle(europe_, live.slug).has_value());
}

TEST_F(ArticleServiceTest, PublicationDatesFollowTheDocumentedRules) {
  Article article = Create(edie_, Draft("Dated"));
  const base::Seconds first_out = clock_.Now();
  article =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kPublish).value();
  EXPECT_EQ(article.published_at, first_out);

  clock_.Advance(24 * kHour);
  article =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kUnpublish).value();
  EXPECT_EQ(article.status, ArticleStatus::kDraft);
  article =
      service_->Transition(edie_, article.id, article.version, WorkflowAction::kPublish).value();
  EXPECT_EQ(article.published_at, first_out) << "a republished article keeps its first date";

  Article later = Create(edie_, Draft("Later"));
  later = service_
              ->Transition(edie_, later.id, later.version, WorkflowAction::kSchedule,
                           clock_.Now() + 5 * kHour)
              .value();
  later = service_->Transition(edie_, later.id, later.version, WorkflowAction::kUnpublish).value();
  EXPECT_EQ(later.published_at, base::Seconds{}) << "an unscheduled article has no date";
  later = service_
              ->Transition(edie_, later.id, later.version, WorkflowAction::kSchedule,
                           clock_.Now() + 5 * kHour)
              .value();
  later = service_->Transition(edie_, later.id, later.version, WorkflowAction::kPublish).value();
  EXPECT_EQ(later.published_at, clock_.Now()) << "publishing a scheduled article now dates it now";
}

}  // namespace
}  // namespace gazette::admin
