// The article editor's form: reading what it submitted, as typed, and building the view of
// article-edit.tpl (the editable form, or the read-only page for someone who may not edit).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "admin/article_service.h"
#include "base/clock.h"
#include "base/result.h"
#include "content/model.h"
#include "content/user.h"
#include "http/form.h"
#include "store/store.h"

namespace gazette::admin {

// The editor's fields as the user typed them, so that a refused save shows them again.
struct EditorInput {
  ArticleDraft draft;
  std::string tags_text;  // "Energy, Gas prices"
  std::string at;         // the schedule time, "2026-12-01T09:30" (UTC)
  int64_t version = 0;    // the version the form was filled from; 0 when missing
};

// Reads the editor's fields from a submitted form. Repeated or missing fields never fail: an id
// that is not a number becomes 0, which names nothing and is reported by the save's checks.
// Line endings of the body become "\n".
EditorInput ReadEditorInput(const http::Form& form);

// The fields of stored `article`. Errors from the store.
base::Result<EditorInput> InputOf(store::Store& store, const content::Article& article);

// Everything the editor page shows besides the lists it reads from the store.
struct EditorState {
  const content::Article* article = nullptr;  // the stored article; nullptr for a new one
  const EditorInput* input = nullptr;         // what the form shows; REQUIRES: not null
  FieldErrors errors;                         // shown next to their fields
  std::string conflict;  // when set, why the save was refused (someone saved meanwhile)
  bool editable = true;  // false: the read-only page, without a form or buttons
  std::vector<WorkflowAction> actions;  // the buttons besides Save and Preview
  base::Seconds now{};
};

// The view of article-edit.tpl. Reads sections, authors, partners and recent images from the
// store. Errors from the store.
base::Result<nlohmann::json> EditorView(store::Store& store, const EditorState& state);

}  // namespace gazette::admin
