# shellcheck shell=bash
# The pages every peer is measured on, and their addresses on each peer. Sourced after
# bench/lib/common.sh; PagePath needs the variables of $BENCH_STATE/pages.env (GazettePages).

PAGES=(article home section search feed)

# PagePath PEER PAGE: the address of PAGE on PEER. nginx serves Gazette's addresses; WordPress
# has the same article addresses (permalinks /%category%/%postname%/) and its own for the rest.
PagePath() {
  local words=${SEARCH_WORDS// /+}
  case "$1:$2" in
    *:article) echo "/$SECTION_SLUG/$ARTICLE_SLUG/" ;;
    *:home) echo "/" ;;
    wordpress:section) echo "/category/$SECTION_SLUG/" ;;
    *:section) echo "/$SECTION_SLUG/" ;;
    wordpress:search) echo "/?s=$words" ;;
    *:search) echo "/search?q=$words" ;;
    wordpress:feed) echo "/category/$SECTION_SLUG/feed/" ;;
    *:feed) echo "/$SECTION_SLUG/feed/" ;;
  esac
}

