# shellcheck shell=bash
# Peer 1 of bench/run: Gazette itself, `gazette serve` from a Release build, on a site folder
# filled with the benchmark's articles. Sourced by bench/run and bench/callgrind (after
# bench/lib/common.sh), not run.
#
#   GazetteBuild                 builds build-bench/ (Release) when the binary is missing or stale
#   GazetteSite ARTICLES         the site folder for ARTICLES articles (0: the demo magazine),
#                                created once and reused; prints its path. The time bench-data
#                                took to create it is kept in SITE.bench-data-ms.
#   GazetteStart SITE [PREFIX]   serves SITE on 127.0.0.1:$GAZETTE_PORT (PREFIX: a command such as
#                                valgrind that runs gazette); GAZETTE_PAGE_CACHE=off starts it
#                                with its page cache off. Sets GAZETTE_START_MS: the time from
#                                starting the process to its first answer (the home page, polled
#                                every 10 ms).
#   GazetteStop                  stops it
#   GazettePages                 picks the benchmarked pages from the Content API and writes them
#                                to $BENCH_STATE/pages.env

GAZETTE_BUILD="$REPO_DIR/build-bench"
GAZETTE_BIN="$GAZETTE_BUILD/src/app/gazette"
GAZETTE_PID="$BENCH_RUN/gazette.pid"
GAZETTE_URL="http://127.0.0.1:$GAZETTE_PORT"

GazetteBuild() {
  if [[ ! -f "$GAZETTE_BUILD/CMakeCache.txt" ]]; then
    Log "configuring the Release build in $GAZETTE_BUILD"
    cmake -S "$REPO_DIR" -B "$GAZETTE_BUILD" -DCMAKE_BUILD_TYPE=Release -DGAZETTE_BUILD_BENCH=ON \
      -DGAZETTE_BUILD_TESTS=OFF >"$BENCH_LOG/cmake-configure.log" 2>&1 ||
      Die "cmake configure failed (log: $BENCH_LOG/cmake-configure.log)"
  fi
  # Always asks the build: a binary older than the sources would measure the wrong commit.
  Log "building gazette (Release)"
  cmake --build "$GAZETTE_BUILD" --target gazette -j"$(nproc)" >"$BENCH_LOG/cmake-build.log" 2>&1 ||
    Die "build failed (log: $BENCH_LOG/cmake-build.log)"
}

# HasBenchData: true when this gazette has the synthetic-archive command of issue 5 (listed
# among the subcommands of its --help).
HasBenchData() { "$GAZETTE_BIN" --help 2>/dev/null | grep -q '^  bench-data '; }

GazetteSite() {
  local articles=$1 site
  if ((articles == 0)); then
    site="$BENCH_STATE/gazette-demo"
  else
    HasBenchData || Die "this gazette has no 'bench-data' command: run with --articles 0 (demo)"
    site="$BENCH_STATE/gazette-$articles"
  fi
  # A folder without its database is a creation that failed half-way: start it again.
  if [[ ! -s "$site/gazette.db" ]]; then
    rm -rf "$site" "$site.bench-data-ms"
    if ((articles == 0)); then
      Log "creating the demo site in $site"
      "$GAZETTE_BIN" init --demo "$site" >"$BENCH_LOG/gazette-init.log" 2>&1 ||
        Die "gazette init failed (log: $BENCH_LOG/gazette-init.log)"
    else
      Log "creating a site with $articles synthetic articles in $site"
      local started
      started=$(date +%s%N)
      "$GAZETTE_BIN" bench-data "$site" --articles "$articles" >&2 ||
        {
          rm -rf "$site"
          Die "gazette bench-data failed"
        }
      # Kept beside the site, for the report of every run that reuses it.
      echo $((($(date +%s%N) - started) / 1000000)) >"$site.bench-data-ms"
    fi
  fi
  printf '%s\n' "$site"
}

GazetteStart() {
  local site=$1 prefix=${2:-} cache_env=() started now
  PortFree "$GAZETTE_PORT" || Die "127.0.0.1:$GAZETTE_PORT is already in use"
  if [[ ${GAZETTE_PAGE_CACHE:-on} == off ]]; then cache_env=(GAZETTE_CACHE_MEMORY_BYTES=0); fi
  Log "starting gazette serve $site on $GAZETTE_URL, page cache ${GAZETTE_PAGE_CACHE:-on}" \
    "${prefix:+(under ${prefix%% *})}"
  # No access log: nginx runs with `access_log off` too, and a log line per request would
  # measure the terminal (or the file system) rather than the server.
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # PREFIX is a command line, split on purpose
  env GAZETTE_SERVER_ACCESS_LOG=false "${cache_env[@]}" nohup $prefix "$GAZETTE_BIN" serve "$site" \
    --listen "127.0.0.1:$GAZETTE_PORT" >"$BENCH_LOG/gazette.out" 2>&1 </dev/null &
  echo $! >"$GAZETTE_PID"
  # Valgrind starts slowly: give it two minutes.
  while true; do
    if curl -sf -o /dev/null --max-time 5 "$GAZETTE_URL/"; then
      now=$(date +%s%N)
      GAZETTE_START_MS=$(((now - started) / 1000000))
      Log "gazette answered within $GAZETTE_START_MS ms of its start"
      return 0
    fi
    PidAlive "$GAZETTE_PID" || Die "gazette serve exited (log: $BENCH_LOG/gazette.out)"
    now=$(date +%s%N)
    ((now - started < 120000000000)) || Die "timed out after 120 s waiting for gazette on $GAZETTE_URL"
    sleep 0.01
  done
}

GazetteStop() { StopPidFile gazette "$GAZETTE_PID"; }

# ApiGet PATH: a Content API answer (JSON) from the running Gazette.
ApiGet() { curl -sSf --max-time 60 "$GAZETTE_URL/api/content/v1/$1"; }

# The benchmarked pages: the article in the middle of the archive (neither the newest, which
# the home page lists, nor the oldest), its section's page and RSS feed, the home page, and a
# search for two words of that article's title (the two longest, so that they are not "the").
GazettePages() {
  local total article section slug title query
  total=$(ApiGet 'articles/?limit=1' | jq -r '.meta.total')
  ((total > 0)) || Die "the Gazette site has no published article"
  article=$(ApiGet "articles/?limit=1&page=$(((total + 1) / 2))" | jq -c '.articles[0]')
  section=$(jq -r '.section.slug' <<<"$article")
  slug=$(jq -r '.slug' <<<"$article")
  title=$(jq -r '.title' <<<"$article")
  query=$(tr -cs '[:alpha:]' '\n' <<<"$title" | tr '[:upper:]' '[:lower:]' |
    awk 'length > 2 { print length, $0 }' | sort -rn | head -2 | cut -d' ' -f2 | paste -sd' ')
  [[ -n $query ]] || Die "no search words in the title '$title'"
  cat >"$BENCH_STATE/pages.env" <<ENV
ARTICLE_COUNT=$total
SECTION_SLUG=$section
ARTICLE_SLUG=$slug
ARTICLE_TITLE=$(printf '%q' "$title")
SEARCH_WORDS=$(printf '%q' "$query")
ENV
  Log "pages: article /$section/$slug/, section /$section/, search '$query' ($total articles)"
}
