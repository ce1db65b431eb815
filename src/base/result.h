// Result<T>: a value or a base::Error. Every operation a caller should handle returns one.
#pragma once

#include <tl/expected.hpp>

#include "base/error.h"

namespace gazette::base {

template <class T>
using Result = tl::expected<T, Error>;

// The result of an operation that yields nothing but success or an Error.
using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace gazette::base
