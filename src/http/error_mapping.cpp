#include "http/error_mapping.h"

namespace gazette::http {

int StatusForError(const base::Error& error) {
  switch (error.code()) {
    case base::ErrorCode::kNotFound:
      return 404;
    case base::ErrorCode::kInvalidArgument:
      return 400;
    case base::ErrorCode::kConflict:
      return 409;
    case base::ErrorCode::kPermissionDenied:
      return 403;
    case base::ErrorCode::kUnauthenticated:
      return 401;
    case base::ErrorCode::kUnavailable:
      return 503;
    case base::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace gazette::http
