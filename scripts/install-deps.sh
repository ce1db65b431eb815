#!/usr/bin/env bash
# Installs the Debian 12 packages Gazette needs to build and run; with --test, also what the
# tests need: Chromium and Node.js/npm (when no `node` is on the PATH) for the browser tests, and
# the PostgreSQL server (with contrib's unaccent) that the PostgreSQL backend's tests run against,
# and nginx with openssl (a throwaway certificate) for the multi-node test, which runs its own
# nginx unprivileged (the service the package may start is not used).
# Idempotent: runs apt-get only for packages that are missing. Quiet unless something fails.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libboost-dev libsqlite3-dev sqlite3
  libcmark-gfm-dev libcmark-gfm-extensions-dev libctemplate-dev libsodium-dev
  libpq-dev libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libexpected-dev
  libvips-dev libwebp-dev liboath-dev libdtl-dev libqrencode-dev libpugixml-dev
  libgumbo-dev libyaml-cpp-dev libgoogle-perftools-dev
  libdeflate-dev zlib1g-dev libbrotli-dev libgtest-dev libgmock-dev
  clang-format curl
)

case "${1:-}" in
  --test)
    packages+=(chromium python3-feedparser postgresql postgresql-contrib nginx openssl)
    if ! command -v node >/dev/null 2>&1; then
      packages+=(nodejs npm)
    fi
    ;;
  "") ;;
  *)
    echo "usage: $0 [--test]" >&2
    exit 2
    ;;
esac

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages (run as root to install): ${missing[*]}" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q "${missing[@]}"; } \
  >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: failed to install: ${missing[*]}" >&2
  exit 1
fi
