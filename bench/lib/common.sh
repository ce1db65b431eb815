# shellcheck shell=bash
# Shared settings and helpers of the side-by-side benchmark (bench/run, bench/callgrind and
# the peers in bench/peers/). Sourced, not run.
#
# Everything listens on 127.0.0.1 only (or on unix sockets under $BENCH_RUN); every daemon is
# started directly, without systemd, writes its pid file under $BENCH_RUN and is stopped by that
# pid only (StopPidFile), so nothing else on the machine is touched.
set -euo pipefail
# A failure inside $(...) ends the script too, not only the substitution.
shopt -s inherit_errexit

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"

# All mutable state (site folders, MariaDB's datadir, sockets, pid files, logs, saved pages)
# lives here, so that a second run reuses the WordPress already loaded with the same articles.
BENCH_STATE="${GAZETTE_BENCH_STATE:-/var/lib/gazette-bench}"
BENCH_RUN="$BENCH_STATE/run"
BENCH_LOG="$BENCH_STATE/log"

# One port per peer, away from Gazette's default 8080 that a developer may be using.
GAZETTE_PORT="${GAZETTE_BENCH_GAZETTE_PORT:-18080}"
STATIC_PORT="${GAZETTE_BENCH_STATIC_PORT:-18081}"
WP_PORT="${GAZETTE_BENCH_WP_PORT:-18082}"

Log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
Die() {
  Log "error: $*"
  exit 1
}

# PidAlive FILE: true when FILE names a running process.
PidAlive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# WaitFor DESCRIPTION SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
WaitFor() {
  local what=$1 seconds=$2 i
  shift 2
  for ((i = 0; i < seconds * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  Die "timed out after ${seconds}s waiting for $what"
}

# StopPidFile NAME FILE: SIGTERM to the process in FILE, SIGKILL if it is still there after
# 30 s. Only ever the pid this rig wrote, never a process found by name.
StopPidFile() {
  local name=$1 file=$2 pid i
  if ! PidAlive "$file"; then
    rm -f "$file"
    return 0
  fi
  pid=$(cat "$file")
  Log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    Log "$name still running after 30 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# PortFree PORT: true when nothing listens on 127.0.0.1:PORT. A peer refuses to start on a port
# someone else uses rather than measure (or disturb) a stranger's server.
PortFree() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HttpCode URL: the status code of a GET of URL (000 when nothing answers).
HttpCode() { curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$1" || true; }

# EnsurePackages PACKAGE...: installs the Debian packages that are missing. The daemons are never
# started by their postinst scripts here (policy-rc.d), and the rig never uses those instances.
EnsurePackages() {
  local missing=() p
  for p in "$@"; do
    case "$p" in *-) continue ;; esac # "pkg-" means "must not be installed": not checked
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || Die "missing packages (${missing[*]}); run as root to install them"
  Log "apt-get install ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "$@" >"$BENCH_LOG/apt.log" 2>&1 ||
    {
      tail -20 "$BENCH_LOG/apt.log" >&2
      Die "apt-get install failed (log: $BENCH_LOG/apt.log)"
    }
}

# StateDirs: creates the state folders. The run folder is world-writable because MariaDB (user
# mysql), php-fpm's workers (www-data) and root all put sockets and pid files there.
StateDirs() {
  mkdir -p "$BENCH_STATE" "$BENCH_RUN" "$BENCH_LOG"
  chmod 0755 "$BENCH_STATE"
  chmod 0777 "$BENCH_RUN" "$BENCH_LOG"
}
