#include "store/batch_related.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "store/store.h"

namespace gazette::store {

std::vector<std::vector<BatchNeighbour>> RelatedByTags(std::span<const content::Article> articles) {
  std::unordered_map<int64_t, std::vector<size_t>> with_tag;
  size_t published = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].status != content::ArticleStatus::kPublished) continue;
    ++published;
    for (int64_t tag : articles[i].tag_ids) with_tag[tag].push_back(i);
  }
  std::vector<std::vector<BatchNeighbour>> related(articles.size());
  // Scores by batch position, and which positions got one, reused from article to article.
  std::vector<double> scores(articles.size(), 0.0);
  std::vector<size_t> touched;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].status != content::ArticleStatus::kPublished) continue;
    for (int64_t tag : articles[i].tag_ids) {
      const std::vector<size_t>& sharing = with_tag[tag];
      const double weight =
          std::log(1.0 + static_cast<double>(published) / static_cast<double>(sharing.size()));
      for (size_t j : sharing) {
        if (j == i) continue;
        if (scores[j] == 0.0) touched.push_back(j);
        scores[j] += weight;
      }
    }
    std::vector<BatchNeighbour>& list = related[i];
    for (size_t j : touched) list.push_back({j, std::llround(scores[j] * 1e6)});
    for (size_t j : touched) scores[j] = 0.0;
    touched.clear();
    const auto better = [](const BatchNeighbour& a, const BatchNeighbour& b) {
      return a.score != b.score ? a.score > b.score : a.index > b.index;
    };
    const size_t kept = std::min(list.size(), static_cast<size_t>(kRelatedKept));
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(kept), list.end(),
                      better);
    list.resize(kept);
  }
  return related;
}

}  // namespace gazette::store
