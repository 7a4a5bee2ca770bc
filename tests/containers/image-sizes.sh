#!/usr/bin/env bash
# Reports the size of the API and web images: the layers this repository adds (on disk and
# gzip-compressed, as pushed), the upstream base each one runs on, and the total.
#
#   tests/containers/image-sizes.sh [API_IMAGE [WEB_IMAGE]]
#
# Images built here run on local stand-ins for their upstream bases, so the base's size comes
# from documentation where it is published (the compressed size Docker Hub and docker-library
# list), or else from the stand-in when it is made of the very same packages (distroless cc:
# the same Debian 12 packages). API_BASE_IMAGE / WEB_BASE_IMAGE name the image each was built
# FROM when that is not the current stand-in (e.g. built with USE_UPSTREAM_BASES=1).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
version="$(node -p 'require("./package.json").version')"
api_image="${1:-localhost/todo-chatbot-api:$version}"
web_image="${2:-localhost/todo-chatbot-web:$version}"

if [ -z "${API_BASE_IMAGE:-}" ] || [ -z "${WEB_BASE_IMAGE:-}" ]; then
  while IFS='=' read -r name value; do
    case "$name" in
      RUNTIME_IMAGE) API_BASE_IMAGE="${API_BASE_IMAGE:-$value}" ;;
      NGINX_IMAGE) WEB_BASE_IMAGE="${WEB_BASE_IMAGE:-$value}" ;;
    esac
  done < <(bash scripts/containers/make-base-images.sh 2>/dev/null)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# layer_sizes IMAGE: one line per layer, "<disk bytes> <gzip bytes>", base layers first.
layer_sizes() {
  local dir
  dir="$work/$(echo "$1" | tr '/:' '__')"
  podman save --quiet --format docker-dir --compress -o "$dir" "$1" >/dev/null
  # shellcheck disable=SC2016 # JavaScript, not shell
  node -e '
    const fs = require("fs"), path = require("path"), { execFileSync } = require("child_process");
    const dir = process.argv[1];
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json")));
    for (const layer of manifest.layers) {
      const file = path.join(dir, layer.digest.replace(/^sha256:/, ""));
      // On disk: the uncompressed tar stream of the layer.
      const disk = Number(execFileSync("sh", ["-c", `gzip -dc "${file}" | wc -c`]).toString().trim());
      console.log(disk, fs.statSync(file).size);
    }' "$dir"
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }

# report NAME IMAGE BASE UPSTREAM DOC_GZIP_MB TARGET_MB
report() {
  local name="$1" image="$2" base="$3" upstream="$4" documented_gzip="$5" target="$6"
  local base_count ours_disk=0 ours_gzip=0 base_disk=0 base_gzip=0 i=0 disk gzip
  base_count="$(podman image inspect "$base" --format '{{len .RootFS.Layers}}')"
  while read -r disk gzip; do
    if [ "$i" -lt "$base_count" ]; then
      base_disk=$((base_disk + disk))
      base_gzip=$((base_gzip + gzip))
    else
      ours_disk=$((ours_disk + disk))
      ours_gzip=$((ours_gzip + gzip))
    fi
    i=$((i + 1))
  done < <(layer_sizes "$image")

  echo "$name ($image)"
  echo "  our layers:    $(mb "$ours_disk") MB on disk, $(mb "$ours_gzip") MB compressed"
  if [ -n "$documented_gzip" ]; then
    echo "  upstream base: $upstream — $documented_gzip MB compressed (documented);" \
      "stand-in used here: $(mb "$base_disk") MB on disk"
    echo "  total:         $(awk -v a="$ours_gzip" -v b="$documented_gzip" 'BEGIN { printf "%.1f", a / 1e6 + b }') MB compressed" \
      "with the upstream base (target < $target MB)"
  else
    echo "  upstream base: $upstream — $(mb "$base_disk") MB on disk, $(mb "$base_gzip") MB compressed" \
      "(measured on the stand-in, made of the same Debian packages)"
    echo "  total:         $(mb $((ours_disk + base_disk))) MB on disk, $(mb $((ours_gzip + base_gzip))) MB compressed" \
      "(target < $target MB)"
  fi
}

# Documented: docker-library/repo-info, nginx:stable-alpine-slim (1.30), linux/amd64, compressed
# transfer size 8.2 MB; the unprivileged variant adds a few KB of configuration.
report "API" "$api_image" "$API_BASE_IMAGE" "gcr.io/distroless/cc-debian12:nonroot" "" 150
report "web" "$web_image" "$WEB_BASE_IMAGE" "docker.io/nginxinc/nginx-unprivileged:1.30-alpine-slim" "8.2" 100
