#include "admin/admin_api_input.h"

#include <algorithm>
#include <limits>

#include "base/time_format.h"

namespace gazette::admin::api_input {
namespace {

constexpr std::string_view kMissingOnPut =
    "missing: a PUT sends every field (PATCH sends only the ones that change)";
constexpr std::string_view kMissingVersion =
    "missing: send the version you last read, so that no newer save is overwritten";

template <size_t N>
bool IsOneOf(std::string_view key, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), key) != std::end(names);
}

// `value` as an int64, or nullopt when it is not an integer (1.0 is not) or does not fit.
std::optional<int64_t> AsInteger(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<uint64_t>();
    if (number > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
    return static_cast<int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  return std::nullopt;
}

std::string ReadOnlyMessage(std::string_view field) {
  if (field == "status") {
    return "'status' is read-only: change it with POST …/articles/{id}/submit, return, "
           "publish, schedule, unpublish or archive";
  }
  return "'" + std::string(field) + "' is read-only: the server sets it";
}

// Reads one body's fields; every problem goes to `errors`. Confined to one call.
class FieldReader {
 public:
  explicit FieldReader(std::vector<FieldError>& errors) : errors_(errors) {}

  void Problem(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

  void Text(const std::string& field, const Json& value, std::string& out) {
    if (value.is_string()) {
      out = value.get<std::string>();
    } else {
      Problem(field, "must be text (a JSON string)");
    }
  }

  std::optional<int64_t> Integer(const std::string& field, const Json& value) {
    std::optional<int64_t> number = AsInteger(value);
    if (!number) Problem(field, "must be an integer");
    return number;
  }

  std::optional<Reference> Ref(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (std::optional<int64_t> id = AsInteger(value)) return *id;
    return std::nullopt;
  }

  void Authors(const Json& value, ArticleInput& input) {
    bool ok = value.is_array();
    if (ok) {
      for (const Json& item : value) {
        std::optional<Reference> ref = Ref(item);
        if (!ref) ok = false;
        if (ref) input.authors.push_back(std::move(*ref));
      }
    }
    if (!ok) Problem("authors", "must be a list of authors, each a slug (text) or an id (integer)");
  }

  void Tags(const Json& value, ArticleInput& input) {
    bool ok = value.is_array();
    if (ok) {
      for (const Json& item : value) {
        if (item.is_string()) {
          input.draft.tags.push_back(item.get<std::string>());
        } else {
          ok = false;
        }
      }
    }
    if (!ok) Problem("tags", "must be a list of tag names (text)");
  }

  void Partner(const Json& value, ArticleInput& input) {
    if (value.is_null()) return;
    input.partner = Ref(value);
    if (!input.partner) Problem("partner", "must be null, a partner's slug (text) or id (integer)");
  }

  void LeadImage(const Json& value, ArticleInput& input) {
    if (value.is_null()) return;
    if (!value.is_object()) {
      Problem("lead_image", "must be null or {\"id\": <image id>, \"alt\": <text>}");
      return;
    }
    bool has_id = false;
    for (const auto& [key, item] : value.items()) {
      const std::string field = "lead_image." + key;
      if (key == "id") {
        has_id = true;
        input.draft.lead_image_id = Integer(field, item);
      } else if (key == "alt") {
        Text(field, item, input.draft.lead_image_alt);
      } else {
        Problem(field, "unknown field '" + field + "'");
      }
    }
    if (!has_id) Problem("lead_image.id", "missing: the id of an uploaded image");
  }

 private:
  std::vector<FieldError>& errors_;
};

}  // namespace

base::Result<Json> ParseObject(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Json::object();
  Json parsed;
  try {
    parsed = Json::parse(body);
  } catch (const Json::parse_error& error) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: …": the bracket is noise.
    std::string_view message = error.what();
    if (size_t end = message.find("] "); message.starts_with("[") && end != message.npos) {
      message.remove_prefix(end + 2);
    }
    return base::InvalidArgumentError("the body is not valid JSON: " + std::string(message));
  }
  if (!parsed.is_object()) {
    return base::InvalidArgumentError("the body must be a JSON object ({…}), not " +
                                      std::string(parsed.type_name()));
  }
  return parsed;
}

ArticleInput ReadArticle(const Json& body, const Json* stored, std::vector<FieldError>& errors) {
  ArticleInput input;
  FieldReader read(errors);
  for (const auto& [key, value] : body.items()) {
    if (key == "title") {
      read.Text(key, value, input.draft.title);
    } else if (key == "dek") {
      read.Text(key, value, input.draft.dek);
    } else if (key == "slug") {
      read.Text(key, value, input.draft.slug);
    } else if (key == "section") {
      read.Text(key, value, input.draft.section_slug);
    } else if (key == "authors") {
      read.Authors(value, input);
    } else if (key == "tags") {
      read.Tags(value, input);
    } else if (key == "partner") {
      read.Partner(value, input);
    } else if (key == "original_url") {
      read.Text(key, value, input.draft.original_url);
    } else if (key == "lead_image") {
      read.LeadImage(value, input);
    } else if (key == "body_md") {
      read.Text(key, value, input.draft.body_md);
    } else if (key == "version") {
      if (stored) {
        input.version = read.Integer(key, value);
      } else {
        read.Problem(key, "a new article has no version yet: send it only with changes");
      }
    } else if (IsOneOf(key, api_json::kReadOnlyFields)) {
      if (!stored || !stored->contains(key) || (*stored)[key] != value) {
        read.Problem(key, ReadOnlyMessage(key));
      }
    } else {
      read.Problem(key, "unknown field '" + key + "'");
    }
  }
  if (stored) {
    for (std::string_view field : api_json::kWritableFields) {
      if (!body.contains(field)) read.Problem(std::string(field), std::string(kMissingOnPut));
    }
    if (!body.contains("version")) read.Problem("version", std::string(kMissingVersion));
  }
  return input;
}

ActionInput ReadAction(const Json& body, bool with_time, std::vector<FieldError>& errors) {
  ActionInput input;
  FieldReader read(errors);
  bool has_version = false;
  bool has_time = false;
  for (const auto& [key, value] : body.items()) {
    if (key == "version") {
      has_version = true;
      input.version = read.Integer(key, value).value_or(0);
    } else if (key == "at" && with_time) {
      has_time = true;
      std::string text;
      read.Text(key, value, text);
      if (!value.is_string()) continue;
      auto at = base::ParseIso8601(text);
      if (at) {
        input.at = *at;
      } else {
        read.Problem(key, at.error().message());
      }
    } else {
      read.Problem(key, "unknown field '" + key + "'");
    }
  }
  if (!has_version) read.Problem("version", std::string(kMissingVersion));
  if (with_time && !has_time) {
    read.Problem("at", "missing: when to publish, as \"2026-12-01T09:00:00Z\"");
  }
  return input;
}

std::string ApiFieldName(std::string_view service_field) {
  if (service_field == "section_slug") return "section";
  if (service_field == "author_ids") return "authors";
  if (service_field == "partner_id") return "partner";
  if (service_field == "lead_image_id") return "lead_image.id";
  if (service_field == "lead_image_alt") return "lead_image.alt";
  return std::string(service_field);
}

}  // namespace gazette::admin::api_input
