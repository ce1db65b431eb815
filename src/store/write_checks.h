// What every Store backend checks, and says, before a write, whatever its database.
#pragma once

#include <string_view>

#include "base/result.h"
#include "content/media.h"

namespace gazette::store {

// Said (as a Conflict) when an edit starts from a version of the article that is no longer the
// stored one.
inline constexpr std::string_view kChangedMeanwhile =
    "the article was changed by someone else since you opened it";

// InvalidArgument unless the image has a sha256 and variants, none of them listed twice.
base::Status CheckMedia(const content::Media& media);

}  // namespace gazette::store
