// How long the router takes to pick a handler for the reader routes.
#include <benchmark/benchmark.h>

#include "http/router.h"

namespace {

using gazette::http::Method;
using gazette::http::PathParams;
using gazette::http::Request;
using gazette::http::Response;
using gazette::http::Router;

Router ReaderRoutes() {
  Router router;
  auto ok = [](const Request&, const PathParams&) { return Response::Text(200, "ok"); };
  for (const char* pattern : {"/", "/{section}/", "/{section}/{slug}/", "/author/{slug}/",
                              "/partner/{slug}/", "/tag/{slug}/", "/assets/{file}", "/healthz"}) {
    router.Add(Method::kGet, pattern, ok);
  }
  return router;
}

void BM_DispatchArticle(benchmark::State& state) {
  const Router router = ReaderRoutes();
  Request request;
  request.target = "/east-asia/why-seoul-and-tokyo-keep-rediscovering-each-other/";
  request.path = request.target;
  for (auto _ : state) benchmark::DoNotOptimize(router.Dispatch(request));
}
BENCHMARK(BM_DispatchArticle);

void BM_DispatchNotFound(benchmark::State& state) {
  const Router router = ReaderRoutes();
  Request request;
  request.target = "/no/such/page/here";
  request.path = request.target;
  for (auto _ : state) benchmark::DoNotOptimize(router.Dispatch(request));
}
BENCHMARK(BM_DispatchNotFound);

}  // namespace
