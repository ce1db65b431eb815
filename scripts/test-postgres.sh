#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a folder of its own:
#   scripts/test-postgres.sh start DIR   starts a cluster in DIR (new or empty, e.g. from mktemp -d)
#                                        on a free loopback port, and prints its URL
#                                        (postgresql://postgres@127.0.0.1:PORT/)
#   scripts/test-postgres.sh stop DIR    stops that cluster and removes DIR; safe to call twice,
#                                        or after a start that failed halfway
#   scripts/test-postgres.sh halt DIR    stops the server (pg_ctl stop -m fast), keeping DIR: the
#                                        database is lost to its clients
#   scripts/test-postgres.sh resume DIR  starts the halted server again on the same port
# Any number of clusters can run at once, each in its own DIR on its own port.
# The server refuses to run as root, so as root the cluster belongs to the `postgres` user.
# Authentication is `trust`: the server listens on 127.0.0.1 only, for the length of a test run.
set -euo pipefail

bin=${GAZETTE_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

# Runs a server program as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=$1
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  # Another program may take the port between free_port and the server's bind: try a few.
  local port
  for _ in 1 2 3; do
    port=$(free_port)
    if run_server "$dir" "$port"; then
      echo "$port" >"$dir/port"
      echo "postgresql://postgres@127.0.0.1:$port/"
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  return 1
}

# Starts the cluster in $1 on port $2 and waits until it accepts connections.
run_server() {
  as_owner "$bin/pg_ctl" --pgdata="$1/data" --log="$1/server.log" --wait \
    --options="-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories='$1' \
      -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null 2>&1
}

halt() {
  as_owner "$bin/pg_ctl" --pgdata="$1/data" --mode=fast --wait stop >/dev/null
}

resume() {
  run_server "$1" "$(cat "$1/port")" || {
    cat "$1/server.log" >&2
    return 1
  }
}

stop() {
  local dir=$1
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}:${2:-}" in
  start:?*) start "$2" ;;
  stop:?*) stop "$2" ;;
  halt:?*) halt "$2" ;;
  resume:?*) resume "$2" ;;
  *)
    echo "usage: $0 start|stop|halt|resume DIR" >&2
    exit 2
    ;;
esac
