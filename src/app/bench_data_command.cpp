#include "app/bench_data_command.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
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
  // Waits for the next batch; none once Stop() was called.
  std::optional<Batch> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return stopped_ || !batches_.empty(); });
    if (stopped_) return std::nullopt;
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
    ready_.notify_all();
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

// Progress shared by the threads that write: how many articles are stored, and when to report.
// Safe for concurrent use.
class Progress {
 public:
  Progress(int64_t total, std::ostream& out) : total_(total), out_(out) {}

  void Add(int64_t stored) {
    std::lock_guard lock(mutex_);
    done_ += stored;
    if (Clock::now() < next_report_ && done_ < total_) return;
    const double seconds = SecondsSince(start_);
    out_ << "bench-data: " << done_ << " of " << total_ << " articles, "
         << static_cast<int64_t>(static_cast<double>(done_) / seconds) << " a second" << std::endl;
    next_report_ = Clock::now() + kProgressEvery;
  }
  double seconds() const { return SecondsSince(start_); }

 private:
  const int64_t total_;
  std::ostream& out_;
  const Clock::time_point start_ = Clock::now();
  std::mutex mutex_;
  int64_t done_ = 0;                                         // GUARDED_BY(mutex_)
  Clock::time_point next_report_ = start_ + kProgressEvery;  // GUARDED_BY(mutex_)
};

// Writes batches from the queue until `batches` of them are claimed, on several threads: while
// one thread's batch is written, another's is indexed for search in the load's side file, or its
// plain text and related lists are worked out (the parts of CreateArticles that run before and
// after it takes the writer). Stops the queue on failure.
class Writers {
 public:
  Writers(store::Store& store, BatchQueue& queue, int64_t batches, Progress& progress)
      : store_(store), queue_(queue), batches_(batches), progress_(progress) {}

  void Run() {
    while (claimed_.fetch_add(1) < batches_) {
      const std::optional<Batch> batch = queue_.Pop();
      if (!batch) return;  // another writer failed
      auto ids = store_.CreateArticles(*batch);
      if (!ids) {
        Fail(ids.error());
        return;
      }
      progress_.Add(static_cast<int64_t>(batch->size()));
    }
  }
  // The first failure of any thread, if one failed.
  Status result() {
    std::lock_guard lock(mutex_);
    return result_;
  }

 private:
  void Fail(const base::Error& error) {
    {
      std::lock_guard lock(mutex_);
      if (result_) result_ = base::Unexpected(error);
    }
    claimed_ = batches_;  // the others stop at their next batch
    queue_.Stop();
  }

  store::Store& store_;
  BatchQueue& queue_;
  const int64_t batches_;
  Progress& progress_;
  std::atomic<int64_t> claimed_ = 0;
  std::mutex mutex_;
  Status result_ = base::Ok();  // GUARDED_BY(mutex_)
};

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
  return ParseWhole(
      text, 1, kMaxBenchArticles,
      "--articles: must be a whole number from 1 to " + std::to_string(kMaxBenchArticles));
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
                                      {.read_connections = 1, .bulk_load = true});
  if (!store) return base::Unexpected(store.error());
  const ingest::SyntheticContent content(options.seed, clock.Now());
  auto ids = StoreCast(**store, content.cast());
  if (!ids) return base::Unexpected(ids.error());

  Progress progress_lines(options.articles, progress);
  BatchQueue queue;
  const int64_t batches = (options.articles + kBatch - 1) / kBatch;
  Writers writers(**store, queue, batches, progress_lines);
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
  std::thread second_writer([&] { writers.Run(); });
  writers.Run();
  second_writer.join();
  // A failed writer stopped the queue, so the maker is not left waiting for room.
  maker.join();
  if (auto written = writers.result(); !written) return base::Unexpected(written.error());
  store->reset();
  if (auto finished = store::FinishBulkLoad(DatabasePath(Config{}, init.dir).string()); !finished) {
    return base::Unexpected(finished.error());
  }
  // The search index is part of the load: its final merge is counted.
  const double seconds = progress_lines.seconds();
  return BenchDataSummary{.articles = options.articles, .seconds = seconds};
}

}  // namespace gazette::app
