// The one place where a base::Error becomes an HTTP status code.
#pragma once

#include "base/error.h"

namespace gazette::http {

// NotFound -> 404, InvalidArgument -> 400, Conflict -> 409, PermissionDenied -> 403,
// Unauthenticated -> 401, Unavailable -> 503, Internal -> 500.
int StatusForError(const base::Error& error);

}  // namespace gazette::http
