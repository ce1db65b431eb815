-- wrk script of bench/run: the requests are wrk's own (the URL and headers of its command line);
-- at the end it prints one machine-readable line, since wrk's --latency table has no p95 and
-- rounds its units:
--   RESULT requests seconds req_per_s p50_ms p95_ms p99_ms errors non_2xx_3xx
-- where errors counts connect, read, write and timeout errors.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.0f %.2f %.2f %.2f %d %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
