// Related reading for a batch of new articles (Store::CreateArticles): worked out in memory from
// the tags the batch's published articles share, before any database is touched. Shared by the
// backends, so that a batch gets the same lists on each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "content/model.h"

namespace gazette::store {

// One entry of an article's related list: another article of the batch, by its position.
struct BatchNeighbour {
  size_t index = 0;
  int64_t score = 0;  // in millionths, as article_related stores it
};

// For each published article of the batch, the kRelatedKept published batch-mates sharing most
// of its tags, best first: each shared tag adds log(1 + published / published with the tag), as
// the backends' tag score does. Ties go to the later article, which gets the newer id. Articles
// that are not published get empty lists.
std::vector<std::vector<BatchNeighbour>> RelatedByTags(std::span<const content::Article> articles);

}  // namespace gazette::store
