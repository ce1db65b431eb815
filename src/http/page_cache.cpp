#include "http/page_cache.h"

#include <array>
#include <condition_variable>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/log.h"
#include "http/ascii.h"
#include "http/compression.h"
#include "http/etag.h"

namespace gazette::http {
namespace {

// Below this a compressed copy saves too little to be worth its memory (as on the wire).
constexpr size_t kMinCompressedSize = 512;
// Compressed once per kept page and then sent many times: levels that give small pages at a cost
// paid once (the wire compresses uncached answers faster, for every request).
constexpr int kGzipLevel = 6;
constexpr int kBrotliQuality = 5;
// What a kept page costs besides its bytes: the entry, its index nodes and list links.
constexpr size_t kEntryOverhead = 256;

// One encoding of a kept page.
struct Variant {
  std::string body;
  std::string etag;
};

// A response as it was kept, in every encoding it is worth sending.
struct Page {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  // the handler's, minus those set here
  std::array<std::optional<Variant>, 3> variants;            // by Encoding
  std::vector<std::string> tags;
  std::function<void()> on_hit;
  size_t bytes = 0;
};

bool IsLookedUp(const Request& request) {
  return (request.method == Method::kGet || request.method == Method::kHead) &&
         request.Header("cookie").empty() && request.Header("authorization").empty();
}

bool IsKeepable(const Response& response) {
  return response.status == 200 && !response.cache_tags.empty() &&
         response.Header("Set-Cookie").empty() && response.Header("Content-Encoding").empty();
}

bool IsHandlerHeaderKept(std::string_view name) {
  for (std::string_view own : {"ETag", "Content-Encoding", "Content-Length", "Vary", "Date",
                               "Transfer-Encoding", "Connection", "X-Cache"}) {
    if (EqualsIgnoreCase(name, own)) return false;
  }
  return true;
}

std::optional<Variant> Compressed(Encoding encoding, std::string_view body,
                                  const std::string& etag) {
  base::Result<std::string> bytes = encoding == Encoding::kBrotli
                                        ? BrotliCompress(body, kBrotliQuality)
                                        : GzipCompress(body, kGzipLevel);
  if (!bytes) {
    base::LogWarning("page cache keeps no " + std::string(EncodingToken(encoding)) +
                     " copy: " + bytes.error().ToString());
    return std::nullopt;
  }
  return Variant{std::move(*bytes), EtagWithSuffix(etag, EtagSuffix(encoding))};
}

// Compresses outside any lock: the slow part of keeping a page.
std::shared_ptr<Page> MakePage(Response response, const std::string& key) {
  auto page = std::make_shared<Page>();
  page->status = response.status;
  page->content_type = response.Header("Content-Type").empty()
                           ? response.content_type
                           : std::string(response.Header("Content-Type"));
  const std::string etag = response.Header("ETag").empty() ? StrongEtag(response.body)
                                                           : std::string(response.Header("ETag"));
  for (auto& header : response.headers) {
    if (IsHandlerHeaderKept(header.first)) page->headers.push_back(std::move(header));
  }
  if (IsCompressible(page->content_type) && response.body.size() >= kMinCompressedSize) {
    for (Encoding encoding : {Encoding::kGzip, Encoding::kBrotli}) {
      page->variants[static_cast<size_t>(encoding)] = Compressed(encoding, response.body, etag);
    }
  }
  page->variants[static_cast<size_t>(Encoding::kIdentity)] =
      Variant{std::move(response.body), etag};
  page->tags = std::move(response.cache_tags);
  page->on_hit = std::move(response.on_cache_hit);

  page->bytes = kEntryOverhead + key.size() + page->content_type.size();
  for (const auto& [name, value] : page->headers) page->bytes += name.size() + value.size();
  for (const auto& variant : page->variants) {
    if (variant) page->bytes += variant->body.size() + variant->etag.size();
  }
  for (const std::string& tag : page->tags) page->bytes += 2 * tag.size();
  return page;
}

bool IsCompressedVariantKept(const Page& page) {
  return page.variants[static_cast<size_t>(Encoding::kGzip)] ||
         page.variants[static_cast<size_t>(Encoding::kBrotli)];
}

// The answer a kept page gives to `request`.
Response Answer(const Page& page, const Request& request, std::string_view x_cache) {
  const bool brotli = page.variants[static_cast<size_t>(Encoding::kBrotli)].has_value();
  const bool gzip = page.variants[static_cast<size_t>(Encoding::kGzip)].has_value();
  const Encoding encoding = ChooseEncoding(request.Header("accept-encoding"), brotli, gzip);
  const Variant& variant = *page.variants[static_cast<size_t>(encoding)];

  Response response;
  response.status = page.status;
  response.content_type = page.content_type;
  response.headers = page.headers;
  response.body = variant.body;
  response.SetHeader("ETag", variant.etag);
  if (encoding != Encoding::kIdentity) {
    response.SetHeader("Content-Encoding", std::string(EncodingToken(encoding)));
  }
  if (IsCompressedVariantKept(page)) {
    std::string_view vary = response.Header("Vary");
    response.SetHeader("Vary",
                       vary.empty() ? "Accept-Encoding" : std::string(vary) + ", Accept-Encoding");
  }
  response.SetHeader("X-Cache", std::string(x_cache));
  return response;
}

}  // namespace

struct PageCache::Impl {
  using TimePoint = std::chrono::steady_clock::time_point;

  struct Entry {
    std::shared_ptr<const Page> page;
    TimePoint expires_at;
    std::list<std::string>::iterator lru;  // its key's place in `lru`
  };

  // A miss being rendered; requests for the same target wait for it.
  struct Flight {
    bool done = false;
    std::shared_ptr<const Page> page;  // null when the answer is not keepable
  };

  Impl(PageCacheOptions options, Clock clock) : options(options), clock(std::move(clock)) {}

  const PageCacheOptions options;
  const Clock clock;

  mutable std::mutex mutex;
  std::condition_variable flight_done;
  std::unordered_map<std::string, Entry> entries;
  std::list<std::string> lru;  // most recently used first
  std::unordered_map<std::string, std::unordered_set<std::string>> keys_by_tag;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights;
  // Bumped by every invalidation: a render that began before one may show what it dropped.
  uint64_t generation = 0;
  PageCacheStats stats;

  // REQUIRES: mutex held.
  void Remove(std::unordered_map<std::string, Entry>::iterator it) {
    for (const std::string& tag : it->second.page->tags) {
      auto tagged = keys_by_tag.find(tag);
      if (tagged == keys_by_tag.end()) continue;
      tagged->second.erase(it->first);
      if (tagged->second.empty()) keys_by_tag.erase(tagged);
    }
    stats.bytes -= it->second.page->bytes;
    lru.erase(it->second.lru);
    entries.erase(it);
  }

  // REQUIRES: mutex held.
  void Keep(const std::string& key, std::shared_ptr<const Page> page) {
    if (auto old = entries.find(key); old != entries.end()) Remove(old);
    while (stats.bytes + page->bytes > options.memory_bytes && !lru.empty()) {
      Remove(entries.find(lru.back()));
      ++stats.evictions;
    }
    lru.push_front(key);
    for (const std::string& tag : page->tags) keys_by_tag[tag].insert(key);
    stats.bytes += page->bytes;
    entries.emplace(key, Entry{std::move(page), clock() + options.max_age, lru.begin()});
  }

  // The kept page for `key` if it is still fresh. REQUIRES: mutex held.
  std::shared_ptr<const Page> Find(const std::string& key) {
    auto it = entries.find(key);
    if (it == entries.end()) return nullptr;
    if (clock() >= it->second.expires_at) {
      Remove(it);
      return nullptr;
    }
    lru.splice(lru.begin(), lru, it->second.lru);
    return it->second.page;
  }

  Response Hit(const std::shared_ptr<const Page>& page, const Request& request) {
    if (page->on_hit) page->on_hit();
    return Answer(*page, request, "hit");
  }

  Response Render(const std::string& key, const Request& request,
                  const std::function<Response(const Request&)>& handler,
                  const std::shared_ptr<Flight>& flight, uint64_t started_at) {
    std::shared_ptr<const Page> page;
    // Whatever happens, the waiters are released and the flight is gone.
    struct Land {
      Impl& impl;
      const std::string& key;
      const std::shared_ptr<Flight>& flight;
      std::shared_ptr<const Page>& page;
      uint64_t started_at;
      ~Land() {
        std::lock_guard lock(impl.mutex);
        if (page && impl.generation == started_at && page->bytes <= impl.options.memory_bytes) {
          impl.Keep(key, page);
        }
        flight->page = page;
        flight->done = true;
        impl.flights.erase(key);
        impl.flight_done.notify_all();
      }
    } land{*this, key, flight, page, started_at};

    Response response = handler(request);
    if (!IsKeepable(response)) {
      response.SetHeader("X-Cache", "miss");
      return response;
    }
    page = MakePage(std::move(response), key);
    return Answer(*page, request, "miss");
  }
};

PageCache::PageCache(PageCacheOptions options, Clock clock)
    : impl_(std::make_unique<Impl>(options, std::move(clock))) {}

PageCache::~PageCache() = default;

Response PageCache::Serve(const Request& request,
                          const std::function<Response(const Request&)>& handler) {
  if (impl_->options.memory_bytes == 0 || !IsLookedUp(request)) return handler(request);
  const std::string& key = request.target.empty() ? request.path : request.target;

  std::unique_lock lock(impl_->mutex);
  if (auto page = impl_->Find(key)) {
    ++impl_->stats.hits;
    lock.unlock();
    return impl_->Hit(page, request);
  }
  if (auto in_flight = impl_->flights.find(key); in_flight != impl_->flights.end()) {
    std::shared_ptr<Impl::Flight> flight = in_flight->second;
    impl_->flight_done.wait(lock, [&] { return flight->done; });
    if (flight->page) {
      ++impl_->stats.hits;
      lock.unlock();
      return impl_->Hit(flight->page, request);
    }
    // Not keepable (an error page, say): every request gets its own answer.
    ++impl_->stats.misses;
    lock.unlock();
    return handler(request);
  }
  auto flight = std::make_shared<Impl::Flight>();
  impl_->flights.emplace(key, flight);
  ++impl_->stats.misses;
  ++impl_->stats.renders;
  const uint64_t generation = impl_->generation;
  lock.unlock();
  return impl_->Render(key, request, handler, flight, generation);
}

void PageCache::Invalidate(std::span<const std::string> tags) {
  std::lock_guard lock(impl_->mutex);
  ++impl_->generation;
  for (const std::string& tag : tags) {
    auto tagged = impl_->keys_by_tag.find(tag);
    if (tagged == impl_->keys_by_tag.end()) continue;
    // Remove() edits this set: take the keys first.
    const std::vector<std::string> keys(tagged->second.begin(), tagged->second.end());
    for (const std::string& key : keys) impl_->Remove(impl_->entries.find(key));
  }
}

void PageCache::Clear() {
  std::lock_guard lock(impl_->mutex);
  ++impl_->generation;
  impl_->entries.clear();
  impl_->lru.clear();
  impl_->keys_by_tag.clear();
  impl_->stats.bytes = 0;
}

PageCacheStats PageCache::Stats() const {
  std::lock_guard lock(impl_->mutex);
  PageCacheStats stats = impl_->stats;
  stats.pages = impl_->entries.size();
  return stats;
}

}  // namespace gazette::http
