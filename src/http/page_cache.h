// The full-page cache in front of the reader pages: whole responses kept already compressed
// (identity, gzip and brotli), keyed by request target, each tagged with what it shows so that
// a write drops only the pages that show what it changed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace gazette::http {

struct PageCacheOptions {
  // The most bytes the kept pages (all their encodings and headers) take; beyond it the least
  // recently used are dropped. 0 turns the cache off: every request goes to the handler.
  size_t memory_bytes = 64 * 1024 * 1024;
  // A kept page is asked for again after this long, whatever was written: pages show relative
  // dates ("3 hours ago") and a trending list that age without any write.
  std::chrono::seconds max_age{60};
};

struct PageCacheStats {
  size_t pages = 0;        // kept now
  size_t bytes = 0;        // that they take
  uint64_t hits = 0;       // answers from a kept page
  uint64_t misses = 0;     // answers that asked the handler
  uint64_t renders = 0;    // handler calls for cacheable requests (coalesced misses count once)
  uint64_t evictions = 0;  // pages dropped for room
};

// Safe for concurrent use from every worker thread.
class PageCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit PageCache(PageCacheOptions options, Clock clock = std::chrono::steady_clock::now);
  ~PageCache();
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // Answers `request` from a kept page, or from `handler` (and keeps its answer when it can).
  // Only GET and HEAD without Cookie or Authorization headers are looked up: a signed-in
  // request always reaches the handler. A handler's answer is kept when it is a 200 with
  // cache_tags and no Set-Cookie. Concurrent misses of one target call the handler once; the
  // others wait for its answer. A kept answer carries its ETag, Content-Encoding and
  // Vary: Accept-Encoding, and "X-Cache: hit" or "miss"; If-None-Match is left to the server.
  Response Serve(const Request& request, const std::function<Response(const Request&)>& handler);

  // Drops every kept page that carries any of `tags`. A render in flight when its tags are
  // invalidated is not kept.
  void Invalidate(std::span<const std::string> tags);
  // Drops every kept page.
  void Clear();

  PageCacheStats Stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
