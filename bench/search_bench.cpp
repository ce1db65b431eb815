// How long the search query parser takes on what readers type: two words, a phrase with a
// prefix term, and a long hostile string that the parser's limits must keep cheap.
#include <benchmark/benchmark.h>

#include <string>

#include "search/query_parser.h"

namespace {

void Parse(benchmark::State& state, const std::string& text) {
  for (auto _ : state) benchmark::DoNotOptimize(gazette::search::ParseQuery(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_ParseTwoWords(benchmark::State& state) { Parse(state, "undersea cables"); }
BENCHMARK(BM_ParseTwoWords);

void BM_ParsePhraseAndPrefix(benchmark::State& state) {
  Parse(state, "\"security council\" reform veto* al-Assad U.S.");
}
BENCHMARK(BM_ParsePhraseAndPrefix);

// Operators, quotes and punctuation repeated past kMaxQueryBytes.
void BM_ParseHostile(benchmark::State& state) {
  std::string text;
  while (text.size() < 4 * gazette::search::kMaxQueryBytes) text += "NEAR(a* \"b ^c\" OR -d) ";
  Parse(state, text);
}
BENCHMARK(BM_ParseHostile);

}  // namespace
