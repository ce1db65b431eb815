// How long the import path takes on a WordPress post of typical length: the allow-list sanitizer,
// and HTML → Markdown, which walks the same tree.
#include <benchmark/benchmark.h>

#include <string>

#include "content/html_sanitizer.h"
#include "content/html_to_markdown.h"

namespace {

// About `paragraphs` × 90 words of the HTML WordPress stores: links, emphasis, a footnote mark
// per paragraph, a subheading every fourth paragraph, a figure, a table, and what the sanitizer
// must remove (an inline handler, a style, a script, an iframe).
std::string SamplePost(int paragraphs) {
  std::string html;
  for (int i = 1; i <= paragraphs; ++i) {
    if (i % 4 == 0) html += "<h2 id=\"part-" + std::to_string(i) + "\">Part</h2>\n";
    html += "<p class=\"wp-block-paragraph\" style=\"color:#333\">";
    for (int s = 0; s < 6; ++s) {
      html +=
          "Delegates returned to the <a href=\"https://example.org/talks\" onclick=\"track()\">"
          "fisheries talks</a> with <em>new quotas</em> and older grievances. ";
    }
    html +=
        "<sup><a href=\"#fn" + std::to_string(i) + "\">" + std::to_string(i) + "</a></sup></p>\n";
    if (i == paragraphs / 2) {
      html +=
          "<figure><img src=\"/wp-content/uploads/harbour.jpg\" alt=\"A harbour\" width=\"960\">"
          "<figcaption>The northern harbour.</figcaption></figure>\n"
          "<script>document.write('x')</script><iframe src=\"https://ads.example\"></iframe>\n"
          "<table><thead><tr><th>Port</th><th>Tonnage</th></tr></thead>"
          "<tbody><tr><td>North</td><td>120</td></tr><tr><td>South</td><td>95</td></tr></tbody>"
          "</table>\n";
    }
  }
  html += "<ol class=\"footnotes\">";
  for (int i = 1; i <= paragraphs; ++i) {
    html += "<li id=\"fn" + std::to_string(i) + "\">Harbour authority report " + std::to_string(i) +
            ", 2025.</li>";
  }
  return html + "</ol>\n";
}

void BM_SanitizeHtml(benchmark::State& state) {
  const std::string html = SamplePost(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gazette::content::SanitizeHtml(html));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_SanitizeHtml)->Arg(10)->Arg(40);

void BM_HtmlToMarkdown(benchmark::State& state) {
  const std::string html = SamplePost(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gazette::content::HtmlToMarkdown(html));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_HtmlToMarkdown)->Arg(10)->Arg(40);

}  // namespace
