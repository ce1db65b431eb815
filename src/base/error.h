// The one error type of Gazette: a closed set of codes plus a message for people.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace gazette::base {

// Callers branch on the code, never on the message text.
enum class ErrorCode {
  kNotFound,
  kInvalidArgument,
  kConflict,
  kPermissionDenied,
  kUnauthenticated,
  kUnavailable,
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

// A value describing why an operation failed. Cheap to copy; safe to share between threads.
class Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == ErrorCode::kNotFound; }

  // "not found: article 'x'": the code's name, then the message.
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
};

// Each returns an unexpected value that converts to any Result<T>:
//   return base::NotFoundError("no section '" + slug + "'");
inline tl::unexpected<Error> Unexpected(Error error) { return tl::unexpected<Error>(std::move(error)); }
inline tl::unexpected<Error> NotFoundError(std::string m) {
  return Unexpected(Error(ErrorCode::kNotFound, std::move(m)));
}
inline tl::unexpected<Error> InvalidArgumentError(std::string m) {
  return Unexpected(Error(ErrorCode::kInvalidArgument, std::move(m)));
}
inline tl::unexpected<Error> ConflictError(std::string m) {
  return Unexpected(Error(ErrorCode::kConflict, std::move(m)));
}
inline tl::unexpected<Error> PermissionDeniedError(std::string m) {
  return Unexpected(Error(ErrorCode::kPermissionDenied, std::move(m)));
}
inline tl::unexpected<Error> UnauthenticatedError(std::string m) {
  return Unexpected(Error(ErrorCode::kUnauthenticated, std::move(m)));
}
inline tl::unexpected<Error> UnavailableError(std::string m) {
  return Unexpected(Error(ErrorCode::kUnavailable, std::move(m)));
}
inline tl::unexpected<Error> InternalError(std::string m) {
  return Unexpected(Error(ErrorCode::kInternal, std::move(m)));
}

}  // namespace gazette::base
