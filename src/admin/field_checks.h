// Checks of the fields the newsroom's management pages submit (names, slugs, URLs, numbers), and
// how their problems reach a template: one "<field>_error" key per field, shown next to it.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "admin/ui.h"
#include "base/error.h"
#include "content/user.h"
#include "http/response.h"

namespace gazette::admin {

// Problems with submitted fields, by field name, each a sentence to show next to its field.
// (The same shape as the article pages' FieldErrors.)
using FieldErrors = std::map<std::string, std::string>;

// The longest one-line text field (a name, a tagline), in bytes; descriptions may be longer.
inline constexpr size_t kMaxLineBytes = 300;
inline constexpr size_t kMaxDescriptionBytes = 5000;

// `text` without leading and trailing ASCII whitespace (spaces, tabs, line breaks).
std::string Trimmed(std::string_view text);

// "the code is not right" -> "The code is not right.": a library's message made a sentence.
std::string Sentence(std::string_view message);

// The sentence saying why `text` cannot be stored as a one-line field (a name): empty when
// `required`, longer than kMaxLineBytes, not UTF-8, or holding control characters. "" when fine.
std::string LineProblem(std::string_view text, bool required);
// As LineProblem for a multi-line text (a description): line breaks and tabs are allowed, and the
// limit is kMaxDescriptionBytes.
std::string DescriptionProblem(std::string_view text);

// Why `slug` cannot be a URL slug, or "" when it can: it must be what content::Slugify keeps
// unchanged (lowercase letters and digits in words joined by single hyphens, at most 80 bytes).
std::string SlugProblem(std::string_view slug);

// Why `url` is not an absolute http:// or https:// URL with a host, or "" when it is. No spaces,
// control characters or non-ASCII bytes (percent-encode them).
std::string HttpUrlProblem(std::string_view url);

// The decimal number `text` (ASCII digits, an optional leading '-'), or nullopt when it is not
// one or does not fit.
std::optional<int64_t> ParseInteger(std::string_view text);

// Adds "<field>_error" for every error to `view`, and "form_error" (a sentence asking to fix the
// marked fields) when there is any.
void AddFieldErrors(const FieldErrors& errors, nlohmann::json& view);

// The page for a store failure: logs `what` with the error, and answers 503 (Unavailable) or 500
// with a sentence that names no internals. `user` is the signed-in user, for the navigation.
http::Response StoreFailure(const Ui& ui, const content::User& user, std::string_view what,
                            const base::Error& error);

}  // namespace gazette::admin
