#include "admin/article_service.h"

#include <algorithm>

#include "admin/article_draft_internal.h"
#include "admin/article_workflow_internal.h"
#include "base/log.h"

namespace gazette::admin {
namespace {

using content::Article;
using content::ArticleStatus;

constexpr std::string_view kChangedMeanwhile =
    "someone else saved this article since you opened it";

bool KeepsRevisionsOnSave(ArticleStatus status) {
  return status == ArticleStatus::kReview || status == ArticleStatus::kScheduled ||
         status == ArticleStatus::kPublished;
}

bool KeepsRevisionOn(WorkflowAction action) {
  return action == WorkflowAction::kSubmit || action == WorkflowAction::kPublish ||
         action == WorkflowAction::kSchedule;
}

// True when saving `after` over `before` would change nothing a reader or editor sees.
bool SameContent(const Article& before, const Article& after) {
  return before.slug == after.slug && before.title == after.title && before.dek == after.dek &&
         before.body_md == after.body_md && before.section_id == after.section_id &&
         before.partner_id == after.partner_id && before.original_url == after.original_url &&
         before.author_ids == after.author_ids && before.tag_ids == after.tag_ids &&
         before.lead_image_id == after.lead_image_id &&
         before.lead_image_alt == after.lead_image_alt;
}

std::string_view PastTense(WorkflowAction action) {
  switch (action) {
    case WorkflowAction::kSubmit:
      return "submitted for review";
    case WorkflowAction::kReturnToDraft:
      return "returned to draft";
    case WorkflowAction::kPublish:
      return "published";
    case WorkflowAction::kSchedule:
      return "scheduled";
    case WorkflowAction::kUnpublish:
      return "unpublished";
    case WorkflowAction::kArchive:
      return "archived";
  }
  return "changed";
}

// "an article in status 'draft' cannot be archived": why the status does not allow `action`.
std::string NotNow(const Article& article, WorkflowAction action) {
  return "an article in status '" + std::string(content::ArticleStatusName(article.status)) +
         "' cannot be " + std::string(PastTense(action));
}

// Records the state `article` was just saved in, by `by` at `now`. The save itself is done, so a
// lost revision is logged rather than reported as a failed save.
void KeepRevision(store::Store& store, base::Seconds now, const content::User& by,
                  const Article& article) {
  content::Revision revision{.article_id = article.id,
                             .title = article.title,
                             .dek = article.dek,
                             .body_md = article.body_md,
                             .status = article.status,
                             .editor_id = by.id,
                             .created_at = now};
  if (auto kept = store.CreateRevision(revision); !kept) {
    base::LogError("revision of article " + std::to_string(article.id) +
                   " not kept: " + kept.error().message());
  }
}

}  // namespace

ArticleService::ArticleService(store::Store& store, const base::Clock& clock)
    : store_(store), clock_(clock) {}

base::Result<SaveResult> ArticleService::Create(const content::User& by,
                                                const ArticleDraft& draft) {
  auto checked = CheckDraft(store_, by, draft, nullptr);
  if (!checked) return base::Unexpected(checked.error());
  if (!checked->errors.empty()) return SaveResult{std::nullopt, std::move(checked->errors)};
  if (auto added = AddMissingEntities(store_, by, *checked); !added) {
    return base::Unexpected(added.error());
  }
  Article article = std::move(checked->fields);
  article.status = ArticleStatus::kDraft;
  article.updated_at = clock_.Now();
  article.created_by = by.id;
  auto id = store_.CreateArticle(article);
  if (!id && id.error().code() == base::ErrorCode::kConflict) {
    // Another article took the slug between the check and the write.
    return SaveResult{std::nullopt,
                      {{"slug", "Another article has this slug. Choose another one."}}};
  }
  if (!id) return base::Unexpected(id.error());
  auto stored = store_.GetArticle(*id);
  if (!stored) return base::Unexpected(stored.error());
  return SaveResult{std::move(*stored), {}};
}

base::Result<SaveResult> ArticleService::Update(const content::User& by, int64_t id,
                                                int64_t base_version, const ArticleDraft& draft) {
  auto stored = store_.GetArticle(id);
  if (!stored) return base::Unexpected(stored.error());
  if (!CanEdit(by, *stored)) {
    return base::PermissionDeniedError("you may not edit this article in its present status");
  }
  if (stored->version != base_version) return base::ConflictError(std::string(kChangedMeanwhile));
  auto checked = CheckDraft(store_, by, draft, &*stored);
  if (!checked) return base::Unexpected(checked.error());
  if (!checked->errors.empty()) return SaveResult{std::nullopt, std::move(checked->errors)};
  if (auto added = AddMissingEntities(store_, by, *checked); !added) {
    return base::Unexpected(added.error());
  }
  Article article = std::move(checked->fields);
  article.id = stored->id;
  article.status = stored->status;
  article.published_at = stored->published_at;
  article.created_by = stored->created_by;
  article.updated_at = clock_.Now();
  article.version = base_version;
  if (SameContent(*stored, article)) return SaveResult{std::move(*stored), {}};
  if (auto updated = store_.UpdateArticle(article); !updated) {
    return base::Unexpected(updated.error());
  }
  auto saved = store_.GetArticle(id);
  if (!saved) return base::Unexpected(saved.error());
  if (KeepsRevisionsOnSave(saved->status)) KeepRevision(store_, clock_.Now(), by, *saved);
  return SaveResult{std::move(*saved), {}};
}

base::Result<Article> ArticleService::Transition(const content::User& by, int64_t id,
                                                 int64_t base_version, WorkflowAction action,
                                                 std::optional<base::Seconds> at) {
  auto stored = store_.GetArticle(id);
  if (!stored) return base::Unexpected(stored.error());
  const std::vector<WorkflowAction> allowed = AllowedActions(by, *stored);
  if (std::find(allowed.begin(), allowed.end(), action) == allowed.end()) {
    if (!StatusAllows(action, stored->status)) {
      return base::InvalidArgumentError(NotNow(*stored, action));
    }
    return base::PermissionDeniedError("your role does not allow this on this article");
  }
  if (stored->version != base_version) return base::ConflictError(std::string(kChangedMeanwhile));
  const base::Seconds now = clock_.Now();
  Article article = std::move(*stored);
  switch (action) {
    case WorkflowAction::kSchedule:
      if (!at) return base::InvalidArgumentError("choose a time to publish it");
      if (*at <= now) {
        return base::InvalidArgumentError("the time to publish must be in the future");
      }
      article.published_at = *at;
      break;
    case WorkflowAction::kPublish:
      // A republished article keeps the date it first went out; a new one (or one whose
      // schedule lay ahead) goes out now.
      if (article.published_at == base::Seconds{} || article.published_at > now) {
        article.published_at = now;
      }
      break;
    case WorkflowAction::kUnpublish:
      if (article.status == ArticleStatus::kScheduled) article.published_at = base::Seconds{};
      break;
    case WorkflowAction::kSubmit:
    case WorkflowAction::kReturnToDraft:
    case WorkflowAction::kArchive:
      break;
  }
  article.status = StatusAfter(action);
  article.updated_at = now;
  article.version = base_version;
  if (auto updated = store_.UpdateArticle(article); !updated) {
    return base::Unexpected(updated.error());
  }
  auto saved = store_.GetArticle(id);
  if (!saved) return base::Unexpected(saved.error());
  if (KeepsRevisionOn(action)) KeepRevision(store_, clock_.Now(), by, *saved);
  return saved;
}

base::Result<Article> ArticleService::RestoreRevision(const content::User& by, int64_t article_id,
                                                      int64_t revision_id, int64_t base_version) {
  auto revision = store_.GetRevision(revision_id);
  if (!revision) return base::Unexpected(revision.error());
  if (revision->article_id != article_id) {
    return base::NotFoundError("article " + std::to_string(article_id) + " has no revision " +
                               std::to_string(revision_id));
  }
  auto stored = store_.GetArticle(article_id);
  if (!stored) return base::Unexpected(stored.error());
  auto draft = DraftOf(store_, *stored);
  if (!draft) return base::Unexpected(draft.error());
  draft->title = revision->title;
  draft->dek = revision->dek;
  draft->body_md = revision->body_md;
  auto saved = Update(by, article_id, base_version, *draft);
  if (!saved) return base::Unexpected(saved.error());
  if (!saved->article) {
    return base::InvalidArgumentError("the revision cannot be restored: " +
                                      saved->errors.begin()->second);
  }
  return std::move(*saved->article);
}

}  // namespace gazette::admin
