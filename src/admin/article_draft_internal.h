// Checking what an editor form or an API call submits for an article, against the store, and
// turning it into the article's fields. Private to the newsroom: ArticleService saves with it,
// and the preview shows an unsaved form with it.
#pragma once

#include <string>
#include <vector>

#include "admin/article_service.h"
#include "base/result.h"
#include "content/model.h"
#include "content/user.h"
#include "store/store.h"

namespace gazette::admin {

// A draft checked against the store: its fields in article form, and what saving it would add.
struct CheckedDraft {
  // slug, title, dek, body_md, body_html, word_count, section_id, partner_id, original_url,
  // lead_image_id, lead_image_alt and author_ids filled; tag_ids left empty (see `tags`).
  // author_ids is empty when the draft named none and the writer has no author profile yet.
  content::Article fields;
  // The draft's tags in order, without repeats; id 0 for one that does not exist yet.
  std::vector<content::Tag> tags;
  FieldErrors errors;  // empty when the draft can be saved
};

// Checks `draft` as written by `by`. `current` is the stored article the draft would replace
// (its own slug is not "taken"), or nullptr for a new one. Reads only. Errors: Unavailable or
// Internal when the store cannot be read; problems with the fields are in `errors`.
base::Result<CheckedDraft> CheckDraft(store::Store& store, const content::User& by,
                                      const ArticleDraft& draft, const content::Article* current);

// Makes what a checked draft without errors needs before it is stored: the writer's author
// profile (when it has no authors) and its new tags; then fills checked.fields.author_ids and
// tag_ids. Errors from the store.
base::Status AddMissingEntities(store::Store& store, const content::User& by,
                                CheckedDraft& checked);

// The draft that would save `article` as it is: its section's slug and its tags' names looked
// up. Errors from the store.
base::Result<ArticleDraft> DraftOf(store::Store& store, const content::Article& article);

}  // namespace gazette::admin
