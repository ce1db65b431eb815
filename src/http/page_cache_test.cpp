#include "http/page_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "http/testing/gunzip.h"
#include "http/wire_response.h"

namespace gazette::http {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

Request Get(std::string target, std::string accept_encoding = "") {
  Request request;
  request.target = std::move(target);
  request.path = request.target.substr(0, request.target.find('?'));
  if (!accept_encoding.empty()) request.headers["accept-encoding"] = std::move(accept_encoding);
  return request;
}

// A page long enough to be compressed, different for every target.
std::string PageBody(const std::string& target, int version = 1) {
  std::string body = "<p>" + target + " v" + std::to_string(version) + "</p>";
  while (body.size() < 4000) body += "<p>the same paragraph again, to be compressed</p>";
  return body;
}

// A handler that answers every target with a tagged page and counts its calls.
struct CountingHandler {
  std::atomic<int> calls{0};
  int version = 1;
  std::vector<std::string> tags = {"site"};

  Response operator()(const Request& request) {
    ++calls;
    Response response = Response::Html(200, PageBody(request.target, version));
    response.cache_tags = tags;
    response.cache_tags.push_back("page:" + request.target);
    return response;
  }
  std::function<Response(const Request&)> Fn() {
    return [this](const Request& request) { return (*this)(request); };
  }
};

TEST(PageCacheTest, SecondRequestIsAnsweredFromTheCache) {
  PageCache cache({});
  CountingHandler handler;
  Response first = cache.Serve(Get("/a/"), handler.Fn());
  Response second = cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 1);
  EXPECT_EQ(first.Header("X-Cache"), "miss");
  EXPECT_EQ(second.Header("X-Cache"), "hit");
  EXPECT_EQ(second.body, PageBody("/a/"));
  EXPECT_EQ(second.Header("ETag"), first.Header("ETag"));
  EXPECT_EQ(cache.Stats().pages, 1u);
  EXPECT_EQ(cache.Stats().hits, 1u);
}

TEST(PageCacheTest, TargetsWithOtherQueriesAreOtherPages) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  Response page2 = cache.Serve(Get("/a/?page=2"), handler.Fn());
  EXPECT_EQ(handler.calls, 2);
  EXPECT_EQ(page2.body, PageBody("/a/?page=2"));
}

TEST(PageCacheTest, KeepsEveryEncodingAndAnswersEachRequestWithItsOwn) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  Response gzip = cache.Serve(Get("/a/", "gzip"), handler.Fn());
  Response brotli = cache.Serve(Get("/a/", "gzip, br"), handler.Fn());
  Response identity = cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 1);

  EXPECT_EQ(gzip.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(testing::Gunzip(gzip.body), PageBody("/a/"));
  EXPECT_EQ(brotli.Header("Content-Encoding"), "br");
  EXPECT_LT(brotli.body.size(), PageBody("/a/").size());
  EXPECT_EQ(identity.Header("Content-Encoding"), "");
  EXPECT_EQ(identity.body, PageBody("/a/"));
  for (const Response* response : {&gzip, &brotli, &identity}) {
    EXPECT_EQ(response->Header("Vary"), "Accept-Encoding");
  }
  // The same tags as an uncached answer would carry: the identity tag and its suffixed variants.
  const std::string etag(identity.Header("ETag"));
  ASSERT_TRUE(etag.ends_with('"'));
  EXPECT_EQ(gzip.Header("ETag"), etag.substr(0, etag.size() - 1) + "-gz\"");
  EXPECT_EQ(brotli.Header("ETag"), etag.substr(0, etag.size() - 1) + "-br\"");
}

TEST(PageCacheTest, AKeptPageGoesOnTheWireAsKeptAndRevalidatesWithItsTag) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  Request request = Get("/a/", "gzip");
  Response hit = cache.Serve(request, handler.Fn());
  const std::string gzip_body = hit.body;
  const std::string etag(hit.Header("ETag"));

  WireResponse wire = PrepareForWire(request, std::move(hit), std::chrono::system_clock::now());
  EXPECT_EQ(wire.status, 200);
  EXPECT_EQ(wire.body, gzip_body);  // not compressed twice

  request.headers["if-none-match"] = etag;
  WireResponse not_modified =
      PrepareForWire(request, cache.Serve(request, handler.Fn()), std::chrono::system_clock::now());
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(handler.calls, 1);
}

TEST(PageCacheTest, AShortPageIsKeptUncompressedOnly) {
  PageCache cache({});
  auto handler = [](const Request&) {
    Response response = Response::Html(200, "<p>short</p>");
    response.cache_tags = {"site"};
    return response;
  };
  cache.Serve(Get("/s/"), handler);
  Response hit = cache.Serve(Get("/s/", "gzip, br"), handler);
  EXPECT_EQ(hit.Header("X-Cache"), "hit");
  EXPECT_EQ(hit.Header("Content-Encoding"), "");
  EXPECT_EQ(hit.Header("Vary"), "");
  EXPECT_EQ(hit.body, "<p>short</p>");
}

TEST(PageCacheTest, KeepsTheHandlersHeadersButNotItsDate) {
  PageCache cache({});
  auto handler = [](const Request&) {
    Response response = Response::Html(200, "<p>x</p>");
    response.SetHeader("Cache-Control", "no-cache");
    response.SetHeader("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
    response.cache_tags = {"site"};
    return response;
  };
  cache.Serve(Get("/h/"), handler);
  Response hit = cache.Serve(Get("/h/"), handler);
  EXPECT_EQ(hit.Header("Cache-Control"), "no-cache");
  EXPECT_EQ(hit.Header("Date"), "");
  EXPECT_EQ(hit.content_type, "text/html; charset=utf-8");
}

TEST(PageCacheTest, KeepsOnlyTaggedOkAnswersWithoutCookies) {
  PageCache cache({});
  int calls = 0;
  auto answer = [&calls](Response response) {
    return [&calls, response](const Request&) {
      ++calls;
      return response;
    };
  };
  Response untagged = Response::Html(200, "<p>untagged</p>");
  Response not_found = Response::Html(404, "<p>missing</p>");
  not_found.cache_tags = {"site"};
  Response cookie = Response::Html(200, "<p>cookie</p>");
  cookie.cache_tags = {"site"};
  cookie.SetHeader("Set-Cookie", "a=b");
  for (const Response& response : {untagged, not_found, cookie}) {
    calls = 0;
    cache.Serve(Get("/x/"), answer(response));
    cache.Serve(Get("/x/"), answer(response));
    EXPECT_EQ(calls, 2) << response.body;
  }
  EXPECT_EQ(cache.Stats().pages, 0u);
}

TEST(PageCacheTest, SignedInAndStateChangingRequestsAlwaysReachTheHandler) {
  PageCache cache({});
  CountingHandler handler;
  Request with_cookie = Get("/a/");
  with_cookie.headers["cookie"] = "gazette_session=x";
  Request with_authorization = Get("/a/");
  with_authorization.headers["authorization"] = "Bearer x";
  Request post = Get("/a/");
  post.method = Method::kPost;
  for (const Request& request : {with_cookie, with_authorization, post}) {
    cache.Serve(request, handler.Fn());
    cache.Serve(request, handler.Fn());
  }
  EXPECT_EQ(handler.calls, 6);
  EXPECT_EQ(cache.Stats().pages, 0u);
}

TEST(PageCacheTest, HeadAndGetShareAPage) {
  PageCache cache({});
  CountingHandler handler;
  Request head = Get("/a/");
  head.method = Method::kHead;
  cache.Serve(head, handler.Fn());
  EXPECT_EQ(cache.Serve(Get("/a/"), handler.Fn()).Header("X-Cache"), "hit");
  EXPECT_EQ(handler.calls, 1);
}

TEST(PageCacheTest, InvalidatingATagDropsOnlyThePagesCarryingIt) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  cache.Serve(Get("/b/"), handler.Fn());
  const std::vector<std::string> tags = {"page:/a/"};
  cache.Invalidate(tags);
  handler.version = 2;
  EXPECT_EQ(cache.Serve(Get("/a/"), handler.Fn()).body, PageBody("/a/", 2));
  EXPECT_EQ(cache.Serve(Get("/b/"), handler.Fn()).body, PageBody("/b/", 1));
  EXPECT_EQ(handler.calls, 3);
}

TEST(PageCacheTest, InvalidatingASharedTagDropsEveryPageCarryingIt) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  cache.Serve(Get("/b/"), handler.Fn());
  const std::vector<std::string> tags = {"unknown", "site"};
  cache.Invalidate(tags);
  EXPECT_EQ(cache.Stats().pages, 0u);
  EXPECT_EQ(cache.Stats().bytes, 0u);
  cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 3);
}

TEST(PageCacheTest, AnAnswerRenderedAcrossAnInvalidationIsNotKept) {
  PageCache cache({});
  int calls = 0;
  auto handler = [&](const Request&) {
    ++calls;
    // A write lands while this page is being built from what it is replacing.
    const std::vector<std::string> tags = {"site"};
    if (calls == 1) cache.Invalidate(tags);
    Response response = Response::Html(200, "<p>x</p>");
    response.cache_tags = {"site"};
    return response;
  };
  cache.Serve(Get("/a/"), handler);
  cache.Serve(Get("/a/"), handler);
  cache.Serve(Get("/a/"), handler);
  EXPECT_EQ(calls, 2);
}

TEST(PageCacheTest, ClearDropsEveryPage) {
  PageCache cache({});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  cache.Clear();
  cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 2);
}

TEST(PageCacheTest, APageIsAskedForAgainAfterItsMaxAge) {
  steady_clock::time_point now{};
  PageCache cache({.max_age = seconds(60)}, [&now] { return now; });
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  now += seconds(59);
  cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 1);
  now += seconds(1);
  cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 2);
}

TEST(PageCacheTest, MemoryBoundHoldsByDroppingTheLeastRecentlyUsed) {
  CountingHandler handler;
  PageCache probe({});
  probe.Serve(Get("/p0/"), handler.Fn());
  const size_t page_bytes = probe.Stats().bytes;

  PageCache cache({.memory_bytes = page_bytes * 3 + page_bytes / 2});
  for (const char* target : {"/p1/", "/p2/", "/p3/"}) cache.Serve(Get(target), handler.Fn());
  cache.Serve(Get("/p1/"), handler.Fn());  // p2 is now the least recently used
  cache.Serve(Get("/p4/"), handler.Fn());
  EXPECT_EQ(cache.Stats().pages, 3u);
  EXPECT_LE(cache.Stats().bytes, page_bytes * 3 + page_bytes / 2);
  EXPECT_EQ(cache.Stats().evictions, 1u);

  const int calls = handler.calls;
  for (const char* kept : {"/p1/", "/p3/", "/p4/"}) {
    EXPECT_EQ(cache.Serve(Get(kept), handler.Fn()).Header("X-Cache"), "hit") << kept;
  }
  EXPECT_EQ(handler.calls, calls);
  EXPECT_EQ(cache.Serve(Get("/p2/"), handler.Fn()).Header("X-Cache"), "miss");
}

TEST(PageCacheTest, ManyPagesStayWithinTheBound) {
  CountingHandler handler;
  const size_t bound = 100 * 1024;
  PageCache cache({.memory_bytes = bound});
  for (int i = 0; i < 500; ++i) {
    cache.Serve(Get("/many/" + std::to_string(i) + "/"), handler.Fn());
    ASSERT_LE(cache.Stats().bytes, bound);
  }
  EXPECT_GT(cache.Stats().pages, 1u);
  EXPECT_GT(cache.Stats().evictions, 0u);
}

TEST(PageCacheTest, AZeroBoundTurnsTheCacheOff) {
  PageCache cache({.memory_bytes = 0});
  CountingHandler handler;
  cache.Serve(Get("/a/"), handler.Fn());
  Response second = cache.Serve(Get("/a/"), handler.Fn());
  EXPECT_EQ(handler.calls, 2);
  EXPECT_EQ(second.Header("X-Cache"), "");
}

TEST(PageCacheTest, EveryHitCallsTheKeptHitCallback) {
  PageCache cache({});
  int hits = 0;
  auto handler = [&hits](const Request&) {
    Response response = Response::Html(200, "<p>article</p>");
    response.cache_tags = {"article:1"};
    response.on_cache_hit = [&hits] { ++hits; };
    return response;
  };
  cache.Serve(Get("/a/"), handler);
  EXPECT_EQ(hits, 0);
  cache.Serve(Get("/a/"), handler);
  cache.Serve(Get("/a/"), handler);
  EXPECT_EQ(hits, 2);
}

TEST(PageCacheTest, AThrowingHandlerLeavesNoWaitersAndNoPage) {
  PageCache cache({});
  int calls = 0;
  auto handler = [&calls](const Request&) -> Response {
    if (++calls == 1) throw std::runtime_error("store failed");
    Response response = Response::Html(200, "<p>x</p>");
    response.cache_tags = {"site"};
    return response;
  };
  EXPECT_THROW(cache.Serve(Get("/a/"), handler), std::runtime_error);
  EXPECT_EQ(cache.Serve(Get("/a/"), handler).Header("X-Cache"), "miss");
  EXPECT_EQ(calls, 2);
}

TEST(PageCacheTest, ConcurrentMissesOfOnePageRenderOnce) {
  constexpr int kRequests = 50;
  PageCache cache({});
  std::mutex mutex;
  std::condition_variable all_started;
  int started = 0;
  std::atomic<int> renders{0};
  // The first render holds until every request has been sent, so that the others arrive while it
  // is in flight (or after it, when the page is kept): either way none of them renders again.
  auto handler = [&](const Request& request) {
    ++renders;
    std::unique_lock lock(mutex);
    all_started.wait(lock, [&] { return started == kRequests; });
    Response response = Response::Html(200, PageBody(request.target));
    response.cache_tags = {"site"};
    return response;
  };

  std::vector<Response> responses(kRequests);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] {
      {
        std::lock_guard lock(mutex);
        ++started;
      }
      all_started.notify_all();
      responses[i] = cache.Serve(Get("/cold/", "gzip"), handler);
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(renders, 1);
  int misses = 0;
  for (const Response& response : responses) {
    EXPECT_EQ(testing::Gunzip(response.body), PageBody("/cold/"));
    misses += response.Header("X-Cache") == "miss";
  }
  EXPECT_EQ(misses, 1);
  EXPECT_EQ(cache.Stats().renders, 1u);
}

TEST(PageCacheTest, WaitersOfAnUnkeepableAnswerEachAskTheHandler) {
  PageCache cache({});
  std::atomic<int> calls{0};
  auto handler = [&calls](const Request&) {
    ++calls;
    return Response::Html(404, "<p>missing</p>");
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] { cache.Serve(Get("/missing/"), handler); });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(calls, 8);
}

}  // namespace
}  // namespace gazette::http
