#include "admin/field_checks.h"

#include <charconv>

#include "base/log.h"
#include "content/slug.h"
#include "content/utf8.h"

namespace gazette::admin {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Why `text` is not storable text of at most `max_bytes`, or "". Line breaks and tabs are
// allowed when `multiline`.
std::string TextProblem(std::string_view text, size_t max_bytes, bool multiline) {
  if (text.size() > max_bytes) {
    return "Use at most " + std::to_string(max_bytes) + " bytes (this has " +
           std::to_string(text.size()) + ").";
  }
  if (!content::IsValidUtf8(text)) return "This text is not valid UTF-8.";
  for (unsigned char c : text) {
    const bool allowed_space = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7f) && !allowed_space) {
      return multiline ? "Remove the control characters from this text."
                       : "Keep this on one line, without control characters.";
    }
  }
  return "";
}

}  // namespace

std::string Trimmed(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string Sentence(std::string_view message) {
  std::string sentence(message);
  if (sentence.empty()) return sentence;
  if (sentence[0] >= 'a' && sentence[0] <= 'z') sentence[0] = static_cast<char>(sentence[0] - 32);
  if (sentence.back() != '.' && sentence.back() != '?' && sentence.back() != '!') sentence += '.';
  return sentence;
}

std::string LineProblem(std::string_view text, bool required) {
  if (required && text.empty()) return "This cannot be empty.";
  return TextProblem(text, kMaxLineBytes, false);
}

std::string DescriptionProblem(std::string_view text) {
  return TextProblem(text, kMaxDescriptionBytes, true);
}

std::string SlugProblem(std::string_view slug) {
  if (slug.empty()) return "Enter a slug, or leave it to be made from the name.";
  if (content::Slugify(slug) != slug) {
    return "Use lowercase letters and digits in words joined by single hyphens, such as "
           "“east-asia” (at most 80 bytes).";
  }
  return "";
}

std::string HttpUrlProblem(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return "Enter an address starting with https:// or http://.";
  }
  const size_t host_end = rest.find_first_of("/?#");
  const std::string_view host = rest.substr(0, host_end);
  if (host.empty() || host.find('@') != std::string_view::npos) {
    return "Enter an address with a host name, such as https://example.org.";
  }
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f) {
      return "Remove the spaces from the address, and percent-encode any other than ASCII "
             "characters.";
    }
  }
  return "";
}

std::optional<int64_t> ParseInteger(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

void AddFieldErrors(const FieldErrors& errors, nlohmann::json& view) {
  for (const auto& [field, message] : errors) view[field + "_error"] = message;
  if (!errors.empty()) {
    view["form_error"] = errors.size() == 1 ? "Please correct the field marked below."
                                            : "Please correct the fields marked below.";
  }
}

http::Response StoreFailure(const Ui& ui, const content::User& user, std::string_view what,
                            const base::Error& error) {
  base::LogError("newsroom: " + std::string(what) + ": " + error.ToString());
  if (error.code() == base::ErrorCode::kUnavailable) {
    return ui.Error(503, "The newsroom cannot reach its database just now. Try again in a moment.",
                    &user);
  }
  return ui.Error(500,
                  "Something went wrong on the server. Try again, and tell the site's "
                  "operator if it keeps happening.",
                  &user);
}

}  // namespace gazette::admin
