#!/usr/bin/env bash
# Builds the API and web images with podman: todo-chatbot-api:<version> and
# todo-chatbot-web:<version>, version from package.json, OCI labels from git.
#
#   scripts/containers/build-images.sh [api|web]...   (default: both)
#
# Base images: local stand-ins from make-base-images.sh (no registry needed), or the real
# upstream images with USE_UPSTREAM_BASES=1. npm settings of this machine reach the build as
# build secrets, never as layers: extra CAs (NODE_EXTRA_CA_CERTS, npm's cafile, or the system
# bundle when local CAs are installed) and the registry with any
# auth or scope lines of the npmrc files.
#
# Environment: VERSION, REVISION, SOURCE (label values), IMAGE_PREFIX (default: none, giving
# localhost/todo-chatbot-api), USE_UPSTREAM_BASES=1, and NODE_IMAGE / RUNTIME_IMAGE / NGINX_IMAGE
# to choose base images yourself.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
log() { echo "[build] $*" >&2; }

targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(api web)

VERSION="${VERSION:-$(node -p 'require("./package.json").version' 2>/dev/null || echo 0.0.0)}"
REVISION="${REVISION:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}"
SOURCE="${SOURCE:-$(git remote get-url origin 2>/dev/null || echo unknown)}"
prefix="${IMAGE_PREFIX:-}"

base_args=()
if [ -z "${USE_UPSTREAM_BASES:-}" ] && [ -z "${NODE_IMAGE:-}" ]; then
  while IFS='=' read -r name value; do
    case "$name" in
      NODE_IMAGE | RUNTIME_IMAGE | NGINX_IMAGE) base_args+=(--build-arg "$name=$value") ;;
    esac
  done < <("$root/scripts/containers/make-base-images.sh")
else
  for name in NODE_IMAGE RUNTIME_IMAGE NGINX_IMAGE; do
    if [ -n "${!name:-}" ]; then base_args+=(--build-arg "$name=${!name}"); fi
  done
fi

secrets_dir=$(mktemp -d)
trap 'rm -rf "$secrets_dir"' EXIT
secret_args=()
if command -v npm >/dev/null; then
  # Extra CAs for TLS, as this machine's Node and npm get them (a TLS-intercepting proxy).
  cafile="${NODE_EXTRA_CA_CERTS:-}"
  if [ -z "$cafile" ]; then cafile="$(npm config get cafile 2>/dev/null || true)"; fi
  if { [ -z "$cafile" ] || [ "$cafile" = "null" ]; } && compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cafile=/etc/ssl/certs/ca-certificates.crt
  fi
  if [ -n "$cafile" ] && [ "$cafile" != "null" ] && [ -s "$cafile" ]; then
    secret_args+=(--secret "id=npm_ca,src=$cafile")
  fi
  {
    echo "registry=$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)"
    # Registry auth and scoped registries, if any; never other machine-specific settings.
    cat "$HOME/.npmrc" "$(npm config get globalconfig 2>/dev/null || echo /dev/null)" 2>/dev/null |
      grep -E '^[[:space:]]*(//[^ ]+:_|@[^ ]+:registry=|always-auth|strict-ssl)' || true
  } >"$secrets_dir/npmrc"
  secret_args+=(--secret "id=npmrc,src=$secrets_dir/npmrc")
fi

common=(
  --network=host --format docker --layers
  --build-arg "VERSION=$VERSION" --build-arg "REVISION=$REVISION" --build-arg "SOURCE=$SOURCE"
)
if [ -z "${USE_UPSTREAM_BASES:-}" ]; then common+=(--pull=never); fi

for target in "${targets[@]}"; do
  case "$target" in
    api | web) ;;
    *) log "unknown image '$target' (expected api or web)"; exit 2 ;;
  esac
  tag="${prefix}todo-chatbot-$target:$VERSION"
  log "building $tag"
  started=$SECONDS
  podman build "${common[@]}" "${base_args[@]}" "${secret_args[@]}" \
    -f "apps/$target/Dockerfile" -t "$tag" .
  log "built $tag in $((SECONDS - started)) s"
done
