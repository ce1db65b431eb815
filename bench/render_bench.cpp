// How long the default theme takes to turn view models into HTML.
#include <benchmark/benchmark.h>

#include "render/testing/sample_views.h"
#include "render/theme.h"

namespace {

using gazette::render::Theme;
namespace samples = gazette::render::testing;

const Theme& DefaultTheme() {
  static const std::shared_ptr<const Theme> theme = Theme::Load(GAZETTE_DEFAULT_THEME_DIR).value();
  return *theme;
}

void BM_RenderArticle(benchmark::State& state) {
  const auto view = samples::SampleArticle();
  for (auto _ : state) benchmark::DoNotOptimize(DefaultTheme().RenderArticle(view));
}
BENCHMARK(BM_RenderArticle);

void BM_RenderHome(benchmark::State& state) {
  const auto view = samples::SampleHome();
  for (auto _ : state) benchmark::DoNotOptimize(DefaultTheme().RenderHome(view));
}
BENCHMARK(BM_RenderHome);

void BM_RenderList(benchmark::State& state) {
  const auto view = samples::SampleList();
  for (auto _ : state) benchmark::DoNotOptimize(DefaultTheme().RenderList(view));
}
BENCHMARK(BM_RenderList);

}  // namespace
