# shellcheck shell=bash
# An nginx instance of the benchmark rig (never the system's nginx): its own prefix folder,
# configuration and pid file, one per peer, so that each peer starts and stops on its own.
# Sourced after bench/lib/common.sh.
#
#   NginxStart NAME SERVER_BLOCK   writes $BENCH_STATE/nginx-NAME/nginx.conf around SERVER_BLOCK
#                                  (an nginx `server { ... }`), checks it and starts nginx
#   NginxStop NAME                 stops that instance

NginxPidFile() { printf '%s/nginx-%s.pid' "$BENCH_RUN" "$1"; }

NginxStart() {
  local name=$1 server=$2 prefix="$BENCH_STATE/nginx-$1" pid_file
  pid_file=$(NginxPidFile "$name")
  mkdir -p "$prefix/logs"
  # Debian's stock http settings (sendfile, tcp_nopush, keep-alive) plus the two every peer
  # needs under wrk: many requests per connection, and no access log (Gazette runs without one).
  cat >"$prefix/nginx.conf" <<CONF
# nginx instance "$name" of Gazette's bench/run (not the system nginx).
user www-data;
worker_processes auto;
pid $pid_file;
error_log $BENCH_LOG/nginx-$name-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    access_log off;
    client_body_temp_path $prefix/client_body;
    fastcgi_temp_path $prefix/fastcgi;
    proxy_temp_path $prefix/proxy;
    scgi_temp_path $prefix/scgi;
    uwsgi_temp_path $prefix/uwsgi;
$server
}
CONF
  nginx -t -p "$prefix" -c "$prefix/nginx.conf" >"$BENCH_LOG/nginx-$name-test.log" 2>&1 ||
    {
      cat "$BENCH_LOG/nginx-$name-test.log" >&2
      Die "nginx ($name) configuration refused"
    }
  Log "starting nginx ($name)"
  nginx -p "$prefix" -c "$prefix/nginx.conf"
  WaitFor "nginx ($name) pid file" 10 test -s "$pid_file"
}

NginxStop() { StopPidFile "nginx ($1)" "$(NginxPidFile "$1")"; }
