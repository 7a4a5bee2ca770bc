#!/usr/bin/env bash
# Makes sure this (Debian) machine can build and run the images with podman: installs podman,
# runc, debootstrap and their helpers from Debian when one is missing, and a default
# /etc/containers/policy.json when there is none. Does nothing when all is in place.
set -euo pipefail

log() { echo "[setup] $*" >&2; }

needed=()
for tool in podman runc debootstrap newuidmap slirp4netns fuse-overlayfs; do
  command -v "$tool" >/dev/null 2>&1 || needed+=("$tool")
done

if [ "${#needed[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    log "missing ${needed[*]}: install podman, runc, debootstrap, uidmap, slirp4netns and fuse-overlayfs"
    exit 1
  fi
  log "installing podman, runc, debootstrap, uidmap, slirp4netns, fuse-overlayfs (missing: ${needed[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends \
    podman runc debootstrap uidmap slirp4netns fuse-overlayfs >/dev/null
fi

if [ ! -e /etc/containers/policy.json ] && [ "$(id -u)" -eq 0 ]; then
  log "writing /etc/containers/policy.json (accept local images)"
  mkdir -p /etc/containers
  printf '%s\n' '{ "default": [{ "type": "insecureAcceptAnything" }] }' >/etc/containers/policy.json
fi
