#!/usr/bin/env bash
# Builds every binary of the local cluster from the Go modules pinned in modules/ (through the Go
# module proxy) into a cache directory outside the checkout, keyed by what they are built from.
# A warm cache makes this a no-op; a fresh machine builds once (20–30 minutes on 2 cores).
#   Kubernetes: kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy,
#               kubectl (k8s.io/kubernetes, upstream build flags and version stamps)
#   etcd, containerd (+ shim, ctr), CoreDNS, local-path-provisioner, crictl, metrics-server,
#   kube-router (its NetworkPolicy firewall), Traefik (ingress and Gateway API)
# Prints the directory holding the binaries.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -x "$CLUSTER_BIN/kube-apiserver" ] && [ -f "$CLUSTER_BIN/.complete" ]; then
  echo "$CLUSTER_BIN"
  exit 0
fi
command -v go >/dev/null || cluster_die "go is missing (Go 1.26 or later builds the cluster)"

modules="$LOCAL_CLUSTER_DIR/modules"
staging="$CLUSTER_BIN.partial.$$"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"
started=$SECONDS

# version_of MODULE_DIR MODULE: the version that module's go.mod pins.
version_of() { (cd "$modules/$1" && go list -m -f '{{.Version}}' "$2"); }

# build MODULE_DIR LDFLAGS PACKAGE...: static, reproducible binaries, as the upstream releases are.
build() {
  local dir="$1" ldflags="$2"
  shift 2
  cluster_log "building $* ($((SECONDS - started)) s)"
  (cd "$modules/$dir" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath \
    -tags "${BUILD_TAGS:-}" -ldflags "-s -w $ldflags" -o "$staging/" "$@")
}

k8s="$(version_of kubernetes k8s.io/kubernetes)"
minor="$(echo "$k8s" | cut -d. -f2)"
# The version stamps kubectl and Helm's kubeVersion checks read (hack/lib/version.sh); without
# them the binaries call themselves v0.0.0-master.
stamp=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  stamp="$stamp -X $pkg.gitVersion=$k8s -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
done
BUILD_TAGS="selinux,notest,grpcnotrace" build kubernetes "$stamp" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet \
  k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kubectl

build etcd "" .

containerd="$(version_of containerd github.com/containerd/containerd/v2)"
BUILD_TAGS="no_btrfs,no_devmapper,no_zfs" build containerd \
  "-X github.com/containerd/containerd/v2/version.Version=$containerd" \
  github.com/containerd/containerd/v2/cmd/containerd \
  github.com/containerd/containerd/v2/cmd/containerd-shim-runc-v2 \
  github.com/containerd/containerd/v2/cmd/ctr

build coredns "" github.com/coredns/coredns

build local-path-provisioner "-X main.VERSION=$(version_of local-path-provisioner github.com/rancher/local-path-provisioner)" \
  github.com/rancher/local-path-provisioner

build cri-tools "-X sigs.k8s.io/cri-tools/pkg/version.Version=$(version_of cri-tools sigs.k8s.io/cri-tools)" \
  sigs.k8s.io/cri-tools/cmd/crictl

build metrics-server "-X k8s.io/client-go/pkg/version.gitVersion=$(version_of metrics-server sigs.k8s.io/metrics-server)" \
  sigs.k8s.io/metrics-server/cmd/metrics-server

build kube-router "-X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$(version_of kube-router github.com/cloudnativelabs/kube-router/v2)" \
  github.com/cloudnativelabs/kube-router/v2/cmd/kube-router

build traefik "-X github.com/traefik/traefik/v3/pkg/version.Version=$(version_of traefik github.com/traefik/traefik/v3)" \
  github.com/traefik/traefik/v3/cmd/traefik

for binary in kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl \
  etcd containerd containerd-shim-runc-v2 ctr coredns local-path-provisioner crictl \
  metrics-server kube-router traefik; do
  [ -x "$staging/$binary" ] || cluster_die "the build left no $binary"
done
touch "$staging/.complete"
mkdir -p "$(dirname "$CLUSTER_BIN")"
rm -rf "$CLUSTER_BIN"
mv -T "$staging" "$CLUSTER_BIN"
trap - EXIT
# Keep one generation of binaries.
find "$(dirname "$CLUSTER_BIN")" -mindepth 1 -maxdepth 1 ! -name "$(basename "$CLUSTER_BIN")" -exec rm -rf {} +
cluster_log "built the cluster's binaries in $((SECONDS - started)) s: $CLUSTER_BIN"
echo "$CLUSTER_BIN"
