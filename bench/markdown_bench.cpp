// How long Markdown → HTML takes for an article of typical length, with footnotes and a table.
#include <benchmark/benchmark.h>

#include <string>

#include "content/markdown.h"
#include "content/text_stats.h"

namespace {

// About `paragraphs` × 90 words, a subheading every fourth paragraph, a pull quote, a table
// and one footnote per paragraph.
std::string SampleArticle(int paragraphs) {
  std::string md;
  for (int i = 1; i <= paragraphs; ++i) {
    if (i % 4 == 0) md += "## Part " + std::to_string(i / 4) + "\n\n";
    for (int s = 0; s < 6; ++s) {
      md +=
          "Ministers met again this week to weigh *tariff schedules*, port access and the "
          "costs of insuring cargo through contested waters. ";
    }
    md += "The figures are disputed.[^" + std::to_string(i) + "]\n\n";
    if (i == paragraphs / 2) {
      md += "> Whoever controls the processing controls the price.\n\n";
      md +=
          "| Port | Tonnage | Change |\n|---|---:|---:|\n| North | 120 | +4% |\n| South | 95 | "
          "-2% |\n\n";
    }
  }
  for (int i = 1; i <= paragraphs; ++i) {
    md += "[^" + std::to_string(i) + "]: Lakeside Institute, working paper " + std::to_string(i) +
          ", 2026.\n";
  }
  return md;
}

void BM_RenderMarkdown(benchmark::State& state) {
  const std::string md = SampleArticle(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gazette::content::RenderMarkdown(md));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * md.size()));
}
BENCHMARK(BM_RenderMarkdown)->Arg(10)->Arg(40);

void BM_CountWords(benchmark::State& state) {
  const std::string md = SampleArticle(10);
  for (auto _ : state) benchmark::DoNotOptimize(gazette::content::CountWords(md));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * md.size()));
}
BENCHMARK(BM_CountWords);

}  // namespace
