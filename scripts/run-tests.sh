#!/usr/bin/env bash
# Everything `make test` does: installs what the tests need, builds Gazette with AddressSanitizer
# and UndefinedBehaviorSanitizer (Debug) into build-test/, starts a throwaway PostgreSQL cluster
# (scripts/test-postgres.sh, removed again however the run ends), runs CTest (unit and
# integration tests, the PostgreSQL ones through GAZETTE_TEST_POSTGRES_URL), then the Playwright
# browser tests against the built binary. The last line printed is
# "N passed, N failed" over both; the exit status is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

build_dir=build-test
jobs=$(nproc)
log_dir=$(mktemp -d)
postgres_dir=$(mktemp -d)
trap 'scripts/test-postgres.sh stop "$postgres_dir"; rm -rf "$log_dir"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0

finish() {
  echo "$passed passed, $failed failed"
  if ((failed > 0)); then
    exit 1
  fi
  exit 0
}

# Runs a setup step quietly; on failure shows its output and stops with one failure counted.
step() {
  local name=$1
  shift
  if ! "$@" >"$log_dir/step.log" 2>&1; then
    cat "$log_dir/step.log"
    echo "run-tests: $name failed" >&2
    failed=$((failed + 1))
    finish
  fi
}

echo "== dependencies"
step "installing dependencies" scripts/install-deps.sh --test

echo "== build ($build_dir, Debug, ASan+UBSan, -j$jobs)"
step "configuring" cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DGAZETTE_SANITIZE=ON \
  -DGAZETTE_BUILD_TESTS=ON
step "building" cmake --build "$build_dir" -j"$jobs"

echo "== PostgreSQL (throwaway cluster)"
step "starting PostgreSQL" scripts/test-postgres.sh start "$postgres_dir"
GAZETTE_TEST_POSTGRES_URL=$(tail -n 1 "$log_dir/step.log")
export GAZETTE_TEST_POSTGRES_URL

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "== ctest"
ctest --test-dir "$build_dir" --output-on-failure -j2 2>&1 | tee "$log_dir/ctest.log"
summary=$(grep -E '[0-9]+ tests failed out of [0-9]+' "$log_dir/ctest.log" | tail -n 1)
if [[ $summary =~ ([0-9]+)\ tests\ failed\ out\ of\ ([0-9]+) ]]; then
  passed=$((passed + BASH_REMATCH[2] - BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[1]))
else
  echo "run-tests: no CTest summary found" >&2
  failed=$((failed + 1))
fi

echo "== browser tests"
browser_dir=tests/browser
results=$browser_dir/playwright-report/results.json
rm -f "$results"
step "installing Playwright" env -C "$browser_dir" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  npm ci --no-audit --no-fund
GAZETTE_BIN="$PWD/$build_dir/src/app/gazette" \
  env -C "$browser_dir" npx --no-install playwright test
if [[ -f $results ]]; then
  read -r browser_passed browser_failed < <(node -e '
    const { stats } = require(process.argv[1]);
    console.log(stats.expected + stats.flaky, stats.unexpected);
  ' "$PWD/$results")
  passed=$((passed + browser_passed))
  failed=$((failed + browser_failed))
else
  echo "run-tests: Playwright wrote no results" >&2
  failed=$((failed + 1))
fi

finish
