// Counts article page views in memory, so a reader's request never writes to the database;
// the counts are written in one transaction by Flush.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"

namespace gazette::site {

// Safe for concurrent use. Counting takes one of several shard locks chosen by thread, so
// worker threads rarely meet; Flush swaps each shard out and writes the sum.
class ViewCounter {
 public:
  void Count(int64_t article_id);

  // Adds everything counted since the last flush to `day` in the store. When the store is
  // Unavailable the counts are kept for the next flush; on other errors they are dropped.
  base::Status Flush(store::Store& store, int64_t day);

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<int64_t, int64_t> counts;  // GUARDED_BY(mutex)
  };
  Shard& ShardForThisThread();

  std::array<Shard, kShards> shards_;
  std::mutex flush_mutex_;  // one flush at a time
};

// Days since 1970-01-01 (UTC) of `t`.
int64_t DayOf(base::Seconds t);

}  // namespace gazette::site
