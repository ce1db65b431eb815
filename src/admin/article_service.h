// The newsroom's work on articles, shared by the editor pages and the Admin API: checking what
// was submitted, saving it (with a revision and a check against newer saves by others), and
// moving articles through the workflow draft -> review -> scheduled/published -> archived under
// the role rules. Every publish, unpublish or edit is in the store when a call returns, so
// readers see it on their next request.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "content/model.h"
#include "content/user.h"
#include "store/store.h"

namespace gazette::admin {

// What an editor form or an API call submits for one article.
struct ArticleDraft {
  std::string title;
  std::string dek;
  std::string slug;                 // "" -> made from the title
  std::string section_slug;         // must name a section
  std::vector<int64_t> author_ids;  // in byline order; empty -> the writer's author profile
  std::vector<std::string> tags;    // names; each becomes a tag (made when new)
  std::optional<int64_t> partner_id;
  std::string original_url;  // http(s) URL of a partner piece's original, or ""
  std::optional<int64_t> lead_image_id;
  std::string lead_image_alt;  // required when there is a lead image
  std::string body_md;
};

// Problems with submitted fields, by field name ("title", "section_slug", "slug", ...), each a
// sentence to show next to its field.
using FieldErrors = std::map<std::string, std::string>;

// The outcome of a save: the stored article, or the field errors (and nothing stored).
struct SaveResult {
  std::optional<content::Article> article;
  FieldErrors errors;
};

enum class WorkflowAction {
  kSubmit,         // draft -> review (the writer asks for review)
  kReturnToDraft,  // review -> draft (the writer withdraws it, or an editor sends it back)
  kPublish,        // draft/review/scheduled -> published, now
  kSchedule,       // draft/review -> scheduled, at a future time
  kUnpublish,      // published/scheduled -> draft
  kArchive,        // published -> archived (off the site, kept)
};
std::string_view WorkflowActionName(WorkflowAction action);  // "submit", "return", "publish", ...
base::Result<WorkflowAction> ParseWorkflowAction(std::string_view name);

// The role rules, in one place. Contributors edit and submit (or withdraw) only their own
// drafts and articles in review; editors and admins edit anything and take every action.
bool CanEdit(const content::User& user, const content::Article& article);
// The actions `user` may take on `article` in its present status, in the order above.
std::vector<WorkflowAction> AllowedActions(const content::User& user,
                                           const content::Article& article);

// Safe for concurrent use.
class ArticleService {
 public:
  // Borrows both.
  ArticleService(store::Store& store, const base::Clock& clock);

  // Stores a new draft written by `by`. Field errors (empty title, unknown section, a slug that
  // is taken or not a slug, an unknown author or partner or image, an image without alt text, an
  // original URL that is not http(s)) come back in SaveResult.errors, and nothing is stored.
  base::Result<SaveResult> Create(const content::User& by, const ArticleDraft& draft);

  // Saves `draft` over article `id`, which the caller last read at `base_version`. Keeps a
  // revision when the article is in review, scheduled or published. A changed slug keeps the old
  // URL answering with a 301. A save that changes nothing writes nothing (the version stays).
  // Errors: NotFound; PermissionDenied when `by` may not edit it; Conflict when someone else
  // saved since `base_version` (nothing is written).
  base::Result<SaveResult> Update(const content::User& by, int64_t id, int64_t base_version,
                                  const ArticleDraft& draft);

  // Takes `action` on article `id` (read at `base_version`); `at` is the time for kSchedule.
  // Publishing sets published_at to now, except that an article published before (unpublished
  // since, its published_at in the past) keeps its first date; scheduling sets it to `at`, and
  // unpublishing a scheduled article clears it. Keeps a revision on submit, publish and schedule.
  // Errors: NotFound; PermissionDenied when `by` may not take it; InvalidArgument when the
  // article's status does not allow it, or a schedule time is missing or not in the future;
  // Conflict as for Update.
  base::Result<content::Article> Transition(const content::User& by, int64_t id,
                                            int64_t base_version, WorkflowAction action,
                                            std::optional<base::Seconds> at = std::nullopt);

  // Puts the title, dek and body of revision `revision_id` back into article `article_id`
  // (a save like Update, with its rules and errors). NotFound when the revision is not one of
  // that article's.
  base::Result<content::Article> RestoreRevision(const content::User& by, int64_t article_id,
                                                 int64_t revision_id, int64_t base_version);

 private:
  store::Store& store_;
  const base::Clock& clock_;
};

}  // namespace gazette::admin
