// The workflow half of article_service.h: action names and the role rules (CanEdit,
// AllowedActions), kept apart from the saving so that the rules read as one table.
#include "admin/article_service.h"
#include "admin/article_workflow_internal.h"

namespace gazette::admin {
namespace {

using content::Article;
using content::ArticleStatus;
using content::User;

struct ActionName {
  WorkflowAction action;
  std::string_view name;
};

constexpr ActionName kActionNames[] = {
    {WorkflowAction::kSubmit, "submit"},       {WorkflowAction::kReturnToDraft, "return"},
    {WorkflowAction::kPublish, "publish"},     {WorkflowAction::kSchedule, "schedule"},
    {WorkflowAction::kUnpublish, "unpublish"}, {WorkflowAction::kArchive, "archive"},
};

bool IsEditor(const User& user) { return user.role != content::Role::kContributor; }

bool IsOwner(const User& user, const Article& article) {
  return article.created_by && *article.created_by == user.id;
}

// What a contributor may do at all, on their own articles: ask for review and withdraw.
bool ContributorMay(WorkflowAction action) {
  return action == WorkflowAction::kSubmit || action == WorkflowAction::kReturnToDraft;
}

}  // namespace

std::string_view WorkflowActionName(WorkflowAction action) {
  for (const ActionName& entry : kActionNames) {
    if (entry.action == action) return entry.name;
  }
  return "submit";
}

base::Result<WorkflowAction> ParseWorkflowAction(std::string_view name) {
  for (const ActionName& entry : kActionNames) {
    if (entry.name == name) return entry.action;
  }
  return base::InvalidArgumentError("unknown workflow action '" + std::string(name) + "'");
}

bool StatusAllows(WorkflowAction action, ArticleStatus status) {
  switch (action) {
    case WorkflowAction::kSubmit:
      return status == ArticleStatus::kDraft;
    case WorkflowAction::kReturnToDraft:
      return status == ArticleStatus::kReview;
    case WorkflowAction::kPublish:
      return status == ArticleStatus::kDraft || status == ArticleStatus::kReview ||
             status == ArticleStatus::kScheduled;
    case WorkflowAction::kSchedule:
      return status == ArticleStatus::kDraft || status == ArticleStatus::kReview;
    case WorkflowAction::kUnpublish:
      return status == ArticleStatus::kPublished || status == ArticleStatus::kScheduled;
    case WorkflowAction::kArchive:
      return status == ArticleStatus::kPublished;
  }
  return false;
}

ArticleStatus StatusAfter(WorkflowAction action) {
  switch (action) {
    case WorkflowAction::kSubmit:
      return ArticleStatus::kReview;
    case WorkflowAction::kReturnToDraft:
    case WorkflowAction::kUnpublish:
      return ArticleStatus::kDraft;
    case WorkflowAction::kPublish:
      return ArticleStatus::kPublished;
    case WorkflowAction::kSchedule:
      return ArticleStatus::kScheduled;
    case WorkflowAction::kArchive:
      return ArticleStatus::kArchived;
  }
  return ArticleStatus::kDraft;
}

bool CanEdit(const User& user, const Article& article) {
  if (IsEditor(user)) return true;
  return IsOwner(user, article) &&
         (article.status == ArticleStatus::kDraft || article.status == ArticleStatus::kReview);
}

std::vector<WorkflowAction> AllowedActions(const User& user, const Article& article) {
  std::vector<WorkflowAction> allowed;
  for (const ActionName& entry : kActionNames) {
    if (!StatusAllows(entry.action, article.status)) continue;
    if (IsEditor(user) || (ContributorMay(entry.action) && CanEdit(user, article))) {
      allowed.push_back(entry.action);
    }
  }
  return allowed;
}

}  // namespace gazette::admin
