#!/usr/bin/env bash
# Builds the images the local cluster itself runs, with podman, since no registry can be reached:
#   localhost/todo-chatbot-cluster/pause          the pod sandbox (a static pause.c)
#   localhost/todo-chatbot-cluster/coredns        cluster DNS
#   localhost/todo-chatbot-cluster/local-path-provisioner   the default StorageClass
#   localhost/todo-chatbot-cluster/metrics-server the resource metrics API (HPA, kubectl top)
#   localhost/todo-chatbot-cluster/traefik        the ingress and Gateway API controller
#   localhost/todo-chatbot-cluster/toolbox        sh + curl: helm test pods, provisioner helpers
#   localhost/todo-chatbot-cluster/postgres       the chart's in-cluster PostgreSQL
# and saves them as one archive in the cache, keyed by its inputs; prints the archive's path.
# Needs build.sh's binaries, gcc with static glibc, and podman (scripts/containers/setup-host.sh).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

images_dir="$LOCAL_CLUSTER_DIR/images"
repo_root="$(cd "$LOCAL_CLUSTER_DIR/../.." && pwd)"

bash "$repo_root/scripts/containers/setup-host.sh"
debian_image="$(bash "$repo_root/scripts/containers/make-base-images.sh" | sed -n 's/^DEBIAN_IMAGE=//p')"
[ -n "$debian_image" ] || cluster_die "make-base-images.sh named no Debian image"

images=("$PAUSE_IMAGE" "$COREDNS_IMAGE" "$PROVISIONER_IMAGE" "$METRICS_SERVER_IMAGE" "$TRAEFIK_IMAGE"
  "$TOOLBOX_IMAGE" "$POSTGRES_IMAGE")

key="$({
  echo "$debian_image" "${images[@]}"
  basename "$CLUSTER_BIN"
  cat "$images_dir"/* "${BASH_SOURCE[0]}"
} | sha256sum | cut -c1-12)"
archive="$CLUSTER_CACHE/images/cluster-images-$key.tar"
if [ -s "$archive" ]; then
  echo "$archive"
  exit 0
fi

started=$SECONDS
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp "$images_dir"/* "$context/"
gcc -static -O2 -Wall -Wextra -Werror -o "$context/pause" "$images_dir/pause.c"
strip "$context/pause"
cp "$CLUSTER_BIN/coredns" "$CLUSTER_BIN/local-path-provisioner" "$CLUSTER_BIN/metrics-server" \
  "$CLUSTER_BIN/traefik" "$context/"

build_image() {
  local tag="$1" file="$2"
  cluster_log "building $tag"
  podman build --quiet --network=host --pull=never --format docker \
    --build-arg DEBIAN_IMAGE="$debian_image" -f "$context/$file" -t "$tag" "$context" >/dev/null
}
build_image "$PAUSE_IMAGE" pause.Containerfile
build_image "$COREDNS_IMAGE" coredns.Containerfile
build_image "$PROVISIONER_IMAGE" local-path-provisioner.Containerfile
build_image "$METRICS_SERVER_IMAGE" metrics-server.Containerfile
build_image "$TRAEFIK_IMAGE" traefik.Containerfile
build_image "$TOOLBOX_IMAGE" toolbox.Containerfile
build_image "$POSTGRES_IMAGE" postgres.Containerfile

mkdir -p "$(dirname "$archive")"
podman save --quiet --multi-image-archive --format docker-archive -o "$archive.partial.$$" "${images[@]}"
mv "$archive.partial.$$" "$archive"
find "$(dirname "$archive")" -name 'cluster-images-*.tar' ! -name "$(basename "$archive")" -delete
cluster_log "cluster images built in $((SECONDS - started)) s: $archive"
echo "$archive"
