#!/usr/bin/env bash
# Copies images from podman's local storage into the local cluster's containerd, where pods with
# imagePullPolicy Never find them (nothing can be pulled here).
#   deploy/local-cluster/load-images.sh localhost/todo-chatbot-api:0.1.0 localhost/todo-chatbot-web:0.1.0
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$#" -gt 0 ] || cluster_die "usage: load-images.sh IMAGE..."
is_running containerd || cluster_die "the local cluster is not up (deploy/local-cluster/up.sh)"
archive="$(mktemp --suffix=.tar)"
trap 'rm -f "$archive"' EXIT
podman save --quiet --multi-image-archive --format docker-archive -o "$archive" "$@"
ctr_local images import "$archive" >/dev/null
for image in "$@"; do
  crictl_local inspecti "$image" >/dev/null 2>&1 || cluster_die "$image did not arrive in containerd"
done
cluster_log "loaded into the cluster: $*"
