#include "app/bench_data_command.h"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "app/config.h"
#include "app/config_mapping.h"
#include "ingest/synthetic_content.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {
namespace {

using base::Result;
using base::Status;
using Clock = std::chrono::steady_clock;

// Articles per CreateArticles call: one transaction each, and the pool related reading is
// drawn from (see Store::CreateArticles).
constexpr int64_t kBatch = 1000;
// Batches made ahead of the writer; each holds some 20 MB of Markdown and HTML.
constexpr size_t kBatchesAhead = 3;
constexpr auto kProgressEvery = std::chrono::seconds(5);

using Batch = std::vector<content::Article>;

// Batches handed from the thread that makes them to the one that writes them, at most
// kBatchesAhead at a time. Safe for concurrent use.
class BatchQueue {
 public:
  // Waits for room; false when the reader has stopped, and the batch is dropped.
  bool Push(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || batches_.size() < kBatchesAhead; });
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // Waits for the next batch. REQUIRES: fewer Pop()s than Push()es will come, or Stop().
  Batch Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty(); });
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return batch;
  }
  // The reader takes no more batches: Push returns false from now on.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> batches_;  // GUARDED_BY(mutex_)
  bool stopped_ = false;       // GUARDED_BY(mutex_)
};

// Stores the cast; returns the ids it got.
Result<ingest::SyntheticCastIds> StoreCast(store::Store& store, const ingest::SyntheticCast& cast) {
  ingest::SyntheticCastIds ids;
  for (const auto& section : cast.sections) {
    auto id = store.CreateSection(section);
    if (!id) return base::Unexpected(id.error());
    ids.sections.push_back(*id);
  }
  for (const auto& author : cast.authors) {
    auto id = store.CreateAuthor(author);
    if (!id) return base::Unexpected(id.error());
    ids.authors.push_back(*id);
  }
  for (const auto& partner : cast.partners) {
    auto id = store.CreatePartner(partner);
    if (!id) return base::Unexpected(id.error());
    ids.partners.push_back(*id);
  }
  for (const auto& tag : cast.tags) {
    auto id = store.UpsertTag(tag);
    if (!id) return base::Unexpected(id.error());
    ids.tags.push_back(*id);
  }
  return ids;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Writes the articles the queue brings, reporting progress; stops the queue on failure.
Status WriteAll(store::Store& store, BatchQueue& queue, int64_t total, std::ostream& progress,
                Clock::time_point start) {
  auto next_report = start + kProgressEvery;
  for (int64_t done = 0; done < total;) {
    const Batch batch = queue.Pop();
    auto ids = store.CreateArticles(batch);
    if (!ids) {
      queue.Stop();
      return base::Unexpected(ids.error());
    }
    done += static_cast<int64_t>(batch.size());
    if (Clock::now() >= next_report || done == total) {
      const double seconds = SecondsSince(start);
      progress << "bench-data: " << done << " of " << total << " articles, "
               << static_cast<int64_t>(static_cast<double>(done) / seconds) << " a second"
               << std::endl;
      next_report = Clock::now() + kProgressEvery;
    }
  }
  return base::Ok();
}

Result<int64_t> ParseWhole(std::string_view text, int64_t lowest, int64_t highest,
                           std::string_view message) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < lowest ||
      value > highest) {
    return base::InvalidArgumentError(std::string(message));
  }
  return value;
}

}  // namespace

Result<int64_t> ParseArticleCount(std::string_view text) {
  return ParseWhole(text, 1, kMaxBenchArticles,
                    "--articles: must be a whole number from 1 to " +
                        std::to_string(kMaxBenchArticles));
}

Result<uint64_t> ParseSeed(std::string_view text) {
  auto seed = ParseWhole(text, 0, INT64_MAX, "--seed: must be a whole number, 0 or more");
  if (!seed) return base::Unexpected(seed.error());
  return static_cast<uint64_t>(*seed);
}

Result<BenchDataSummary> FillBenchSite(const BenchDataOptions& options, const base::Clock& clock,
                                       std::ostream& progress) {
  if (options.articles < 1 || options.articles > kMaxBenchArticles) {
    return base::InvalidArgumentError("--articles: must be a whole number from 1 to " +
                                      std::to_string(kMaxBenchArticles));
  }
  InitOptions init = options.init;
  init.demo = false;
  if (auto created = InitSite(init, clock); !created) return base::Unexpected(created.error());

  auto store = store::OpenSqliteStore(DatabasePath(Config{}, init.dir).string(),
                                      {.read_connections = 1});
  if (!store) return base::Unexpected(store.error());
  const ingest::SyntheticContent content(options.seed, clock.Now());
  auto ids = StoreCast(**store, content.cast());
  if (!ids) return base::Unexpected(ids.error());

  const Clock::time_point start = Clock::now();
  BatchQueue queue;
  std::thread maker([&] {
    for (int64_t first = 0; first < options.articles; first += kBatch) {
      Batch batch;
      const int64_t end = std::min(options.articles, first + kBatch);
      batch.reserve(static_cast<size_t>(end - first));
      for (int64_t index = first; index < end; ++index) {
        batch.push_back(content.MakeArticle(index, *ids));
      }
      if (!queue.Push(std::move(batch))) return;
    }
  });
  Status written = WriteAll(**store, queue, options.articles, progress, start);
  maker.join();
  if (!written) return base::Unexpected(written.error());
  const double seconds = SecondsSince(start);
  store->reset();
  return BenchDataSummary{.articles = options.articles, .seconds = seconds};
}

}  // namespace gazette::app
