#include "site/view_counter.h"

#include <functional>
#include <thread>
#include <vector>

namespace gazette::site {

int64_t DayOf(base::Seconds t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

ViewCounter::Shard& ViewCounter::ShardForThisThread() {
  thread_local const size_t index =
      std::hash<std::thread::id>()(std::this_thread::get_id()) % kShards;
  return shards_[index];
}

void ViewCounter::Count(int64_t article_id) {
  Shard& shard = ShardForThisThread();
  std::lock_guard lock(shard.mutex);
  ++shard.counts[article_id];
}

base::Status ViewCounter::Flush(store::Store& store, int64_t day) {
  std::lock_guard flush_lock(flush_mutex_);
  std::unordered_map<int64_t, int64_t> total;
  for (Shard& shard : shards_) {
    std::unordered_map<int64_t, int64_t> taken;
    {
      std::lock_guard lock(shard.mutex);
      taken.swap(shard.counts);
    }
    for (const auto& [id, count] : taken) total[id] += count;
  }
  if (total.empty()) return base::Ok();
  std::vector<store::ViewCount> views;
  views.reserve(total.size());
  for (const auto& [id, count] : total)
    views.push_back({.article_id = id, .day = day, .count = count});
  auto status = store.AddViews(views);
  if (!status && status.error().code() == base::ErrorCode::kUnavailable) {
    // The database is away for now: keep the counts for the next flush.
    Shard& shard = shards_[0];
    std::lock_guard lock(shard.mutex);
    for (const auto& [id, count] : total) shard.counts[id] += count;
  }
  return status;
}

}  // namespace gazette::site
