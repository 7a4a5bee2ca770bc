#!/bin/sh
# Stand-in for the nginx image's hook of the same name: renders every
# $NGINX_ENVSUBST_TEMPLATE_DIR/**/*$NGINX_ENVSUBST_TEMPLATE_SUFFIX into $NGINX_ENVSUBST_OUTPUT_DIR
# (same relative path, suffix dropped) with envsubst, replacing only variables that are set in
# the environment and whose names match NGINX_ENVSUBST_FILTER, so nginx's own $variables stay.
set -e
ME=$(basename "$0")

log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$ME: $*"
  fi
}

template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
filter="${NGINX_ENVSUBST_FILTER:-}"

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
  log "ERROR: $template_dir exists, but $output_dir is not writable"
  exit 0
fi

variables=$(awk -v pattern="$filter" 'BEGIN { for (name in ENVIRON) if (name ~ pattern) printf "${%s} ", name }')

find "$template_dir" -follow -type f -name "*$suffix" | sort | while IFS= read -r template; do
  relative="${template#"$template_dir/"}"
  output="$output_dir/${relative%"$suffix"}"
  mkdir -p "$(dirname "$output")"
  log "Running envsubst on $template to $output"
  envsubst "$variables" <"$template" >"$output"
done
