#include "http/form.h"

#include "http/ascii.h"

namespace gazette::http {
namespace {

tl::unexpected<base::Error> TooManyFields() {
  return base::InvalidArgumentError("the form has more than " + std::to_string(kMaxFormFields) +
                                    " fields");
}

tl::unexpected<base::Error> Malformed(std::string_view why) {
  return base::InvalidArgumentError("the form data is malformed: " + std::string(why));
}

// The value of parameter `name` in a header value such as `form-data; name="a"; filename="b"`.
// Quoted values may contain ';' and escaped quotes.
std::optional<std::string> HeaderParameter(std::string_view value, std::string_view name) {
  size_t at = value.find(';');
  while (at != std::string_view::npos) {
    std::string_view rest = TrimSpace(value.substr(at + 1));
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view key = TrimSpace(rest.substr(0, eq));
    std::string_view tail = TrimSpace(rest.substr(eq + 1));
    std::string parsed;
    size_t consumed = 0;
    if (!tail.empty() && tail.front() == '"') {
      size_t i = 1;
      for (; i < tail.size() && tail[i] != '"'; ++i) {
        if (tail[i] == '\\' && i + 1 < tail.size()) ++i;
        parsed += tail[i];
      }
      consumed = std::min(i + 1, tail.size());
    } else {
      consumed = std::min(tail.find(';'), tail.size());
      parsed = std::string(TrimSpace(tail.substr(0, consumed)));
    }
    if (EqualsIgnoreCase(key, name)) return parsed;
    size_t next = tail.find(';', consumed);
    if (next == std::string_view::npos) return std::nullopt;
    value = tail.substr(next);
    at = 0;
  }
  return std::nullopt;
}

struct PartHeaders {
  std::string disposition;
  std::string content_type;
};

base::Result<PartHeaders> ParsePartHeaders(std::string_view block) {
  PartHeaders headers;
  while (!block.empty()) {
    size_t end = block.find("\r\n");
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Malformed("a part header has no ':'");
    std::string_view name = TrimSpace(line.substr(0, colon));
    std::string_view value = TrimSpace(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "content-disposition")) headers.disposition = std::string(value);
    if (EqualsIgnoreCase(name, "content-type")) headers.content_type = std::string(value);
  }
  return headers;
}

}  // namespace

std::optional<std::string> Form::Get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Form::Value(std::string_view name) const { return Get(name).value_or(""); }

std::vector<std::string> Form::All(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : fields) {
    if (key == name) values.push_back(value);
  }
  return values;
}

const FormFile* Form::File(std::string_view name) const {
  for (const FormFile& file : files) {
    if (file.field == name && !(file.filename.empty() && file.data.empty())) return &file;
  }
  return nullptr;
}

base::Result<Form> ParseUrlEncodedForm(std::string_view body) {
  Form form;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    if (form.fields.size() == kMaxFormFields) return TooManyFields();
    size_t eq = pair.find('=');
    std::string value =
        eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true);
    form.fields.emplace_back(PercentDecode(pair.substr(0, eq), true), std::move(value));
  }
  return form;
}

base::Result<Form> ParseMultipartForm(std::string_view body, std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 70) {
    return Malformed("the boundary is missing or longer than 70 characters");
  }
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  Form form;
  size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return Malformed("no boundary in the body");
  at += delimiter.size();
  for (;;) {
    if (body.substr(at, 2) == "--") return form;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return Malformed("a boundary line is broken");
    at += 2;
    size_t headers_end = body.find("\r\n\r\n", at);
    std::string_view header_block;
    if (body.substr(at, 2) == "\r\n") {
      headers_end = at;  // a part without headers
    } else if (headers_end == std::string_view::npos) {
      return Malformed("a part's headers do not end");
    } else {
      header_block = body.substr(at, headers_end - at);
      headers_end += 2;
    }
    size_t content_start = headers_end + 2;
    size_t content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos) {
      return Malformed("the closing boundary is missing");
    }
    auto headers = ParsePartHeaders(header_block);
    if (!headers) return base::Unexpected(headers.error());
    std::optional<std::string> name = HeaderParameter(headers->disposition, "name");
    if (!headers->disposition.starts_with("form-data") || !name) {
      return Malformed("a part is not form-data with a name");
    }
    if (form.fields.size() + form.files.size() == kMaxFormFields) {
      return TooManyFields();
    }
    std::string_view content = body.substr(content_start, content_end - content_start);
    if (std::optional<std::string> filename = HeaderParameter(headers->disposition, "filename")) {
      form.files.push_back(FormFile{.field = std::move(*name),
                                    .filename = std::move(*filename),
                                    .content_type = headers->content_type,
                                    .data = std::string(content)});
    } else {
      form.fields.emplace_back(std::move(*name), std::string(content));
    }
    at = content_end + next_delimiter.size();
  }
}

base::Result<Form> ParseForm(const Request& request) {
  std::string_view type = request.Header("content-type");
  std::string_view media_type = TrimSpace(type.substr(0, type.find(';')));
  if (media_type.empty() || EqualsIgnoreCase(media_type, "application/x-www-form-urlencoded")) {
    return ParseUrlEncodedForm(request.body);
  }
  if (EqualsIgnoreCase(media_type, "multipart/form-data")) {
    std::optional<std::string> boundary = HeaderParameter(type, "boundary");
    if (!boundary) return Malformed("the multipart type has no boundary");
    return ParseMultipartForm(request.body, *boundary);
  }
  return base::InvalidArgumentError("a form cannot be sent as " + std::string(media_type));
}

}  // namespace gazette::http
