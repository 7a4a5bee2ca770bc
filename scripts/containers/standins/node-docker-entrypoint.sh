#!/bin/sh
# Stand-in for the node image's entrypoint: a flag, an unknown command or a plain (not
# executable) file is handed to node; an executable command runs as given.
set -e
case "${1:-}" in
  -*) set -- node "$@" ;;
  *)
    if [ "$#" -gt 0 ] && { ! command -v "$1" >/dev/null 2>&1 || { [ -f "$1" ] && [ ! -x "$1" ]; }; }; then
      set -- node "$@"
    fi
    ;;
esac
exec "$@"
