# shellcheck shell=bash
# Peer 2 of bench/run: nginx serving Gazette's own pages saved as files — the physical limit of
# this machine for these bytes, and what a perfect page cache could reach. Sourced by bench/run
# (after bench/lib/common.sh, bench/lib/nginx.sh and bench/peers/gazette.sh), not run.
#
#   StaticSave PATH...   saves each page of the running Gazette, identity and gzip, with its
#                        Content-Type, under $STATIC_ROOT
#   StaticStart          serves them on 127.0.0.1:$STATIC_PORT at the same paths
#   StaticStop           stops that nginx

STATIC_ROOT="$BENCH_STATE/static"
STATIC_URL="http://127.0.0.1:$STATIC_PORT"

# Each saved page is pages/N (identity) and pages/N.gz (Gazette's own gzip answer, byte for byte,
# which `gzip_static` sends to clients that accept gzip), and one exact `location` that maps its
# path — the query string aside, as for /search — to the file with Gazette's Content-Type.
StaticSave() {
  local n=0 path type encoding locations=""
  rm -rf "$STATIC_ROOT"
  mkdir -p "$STATIC_ROOT/pages"
  for path in "$@"; do
    n=$((n + 1))
    type=$(curl -sSf --max-time 60 -o "$STATIC_ROOT/pages/$n" -w '%{content_type}' "$GAZETTE_URL$path") ||
      Die "could not save $GAZETTE_URL$path"
    encoding=$(curl -sSf --max-time 60 -H 'Accept-Encoding: gzip' -o "$STATIC_ROOT/pages/$n.gz" \
      -w '%header{content-encoding}' "$GAZETTE_URL$path") || Die "could not save $path (gzip)"
    [[ $encoding == gzip ]] || Die "Gazette sent $path without gzip (Content-Encoding '$encoding')"
    locations+="    location = ${path%%\?*} { default_type \"$type\"; try_files /pages/$n =404; }"$'\n'
    Log "saved $path ($(stat -c %s "$STATIC_ROOT/pages/$n") bytes, gzip $(stat -c %s "$STATIC_ROOT/pages/$n.gz"))"
  done
  chmod -R a+rX "$STATIC_ROOT"
  printf '%s' "$locations" >"$STATIC_ROOT/locations.conf"
}

StaticStart() {
  PortFree "$STATIC_PORT" || Die "127.0.0.1:$STATIC_PORT is already in use"
  # `types {}`: the saved files have no extension, each location names its type. `gzip_vary`
  # sends `Vary: Accept-Encoding` as Gazette does.
  NginxStart static "
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $STATIC_ROOT;
        types {}
        gzip_static on;
        gzip_vary on;
$(cat "$STATIC_ROOT/locations.conf")
        location / { return 404; }
    }"
  WaitFor "nginx on $STATIC_URL" 10 curl -sf -o /dev/null "$STATIC_URL/"
}

StaticStop() { NginxStop static; }

# StaticCheck PATH...: each page as nginx sends it is the saved copy, in both encodings.
StaticCheck() {
  local n=0 path
  for path in "$@"; do
    n=$((n + 1))
    cmp -s <(curl -s "$STATIC_URL$path") "$STATIC_ROOT/pages/$n" ||
      Die "nginx does not send the saved $path"
    cmp -s <(curl -s -H 'Accept-Encoding: gzip' "$STATIC_URL$path") "$STATIC_ROOT/pages/$n.gz" ||
      Die "nginx does not send the saved gzip copy of $path"
  done
}
