// The workflow's table, private to the newsroom: which statuses each action starts from and the
// status it leads to, whoever takes it. The role rules on top are CanEdit and AllowedActions.
#pragma once

#include "admin/article_service.h"
#include "content/model.h"

namespace gazette::admin {

// True when an article in `status` can be moved by `action` (by someone allowed to).
bool StatusAllows(WorkflowAction action, content::ArticleStatus status);

// The status `action` leaves an article in.
content::ArticleStatus StatusAfter(WorkflowAction action);

}  // namespace gazette::admin
