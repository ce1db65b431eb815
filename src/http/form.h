// Bodies of submitted HTML forms: application/x-www-form-urlencoded and multipart/form-data
// (file uploads). Parsed whole from a body the server has already size-limited.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "http/request.h"

namespace gazette::http {

// An uploaded file of a multipart form. `filename` is the client's name for it: display only.
struct FormFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string data;
};

// A form's fields in the order they were sent. A field may repeat (several <select multiple>
// values, several checkboxes of one name).
struct Form {
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<FormFile> files;

  // The first value of `name`, or nullopt.
  std::optional<std::string> Get(std::string_view name) const;
  // The first value of `name`, or "" when absent.
  std::string Value(std::string_view name) const;
  // Every value of `name`, in order.
  std::vector<std::string> All(std::string_view name) const;
  // The first file sent as `name` with a non-empty filename or data, or nullptr.
  const FormFile* File(std::string_view name) const;
};

// At most this many fields (and files) per form; more is an error, not a truncation.
inline constexpr size_t kMaxFormFields = 2000;

// "a=1&b=x+y" -> {a: 1, b: "x y"}. Never fails apart from the field limit.
base::Result<Form> ParseUrlEncodedForm(std::string_view body);

// RFC 7578 multipart/form-data with the given boundary (from the Content-Type).
// InvalidArgument when the body is not well-formed: no closing boundary, a part without a
// Content-Disposition of form-data with a name, a header line without ':'.
base::Result<Form> ParseMultipartForm(std::string_view body, std::string_view boundary);

// The form of a POST: by the request's Content-Type (urlencoded when absent).
// InvalidArgument for another content type, a multipart type without boundary, or a
// malformed body.
base::Result<Form> ParseForm(const Request& request);

}  // namespace gazette::http
