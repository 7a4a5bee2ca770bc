#!/bin/sh
# Stand-in for the nginx image's /docker-entrypoint.sh: when the command is nginx, run the hooks
# in /docker-entrypoint.d in order (source executable *.envsh, run executable *.sh), then exec
# the command, so nginx ends up as PID 1.
set -e

log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$@"
  fi
}

if [ "${1:-}" = "nginx" ] || [ "${1:-}" = "nginx-debug" ]; then
  hooks=$(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f 2>/dev/null | sort -V)
  if [ -n "$hooks" ]; then
    log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
    for hook in $hooks; do
      case "$hook" in
        *.envsh)
          if [ -x "$hook" ]; then
            log "$0: Sourcing $hook"
            # shellcheck disable=SC1090
            . "$hook"
          else
            log "$0: Ignoring $hook, not executable"
          fi
          ;;
        *.sh)
          if [ -x "$hook" ]; then
            log "$0: Launching $hook"
            "$hook"
          else
            log "$0: Ignoring $hook, not executable"
          fi
          ;;
        *) log "$0: Ignoring $hook" ;;
      esac
    done
    log "$0: Configuration complete; ready for start up"
  else
    log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
  fi
fi

exec "$@"
