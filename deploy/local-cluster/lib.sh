# Shared by the local cluster's scripts: where things live, the cluster's fixed addresses, logging
# and bounded waits that print the failing component's log. Sourced, never run.
# shellcheck shell=bash disable=SC2034

LOCAL_CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Built binaries and images: kept between runs, keyed by what they are built from.
CLUSTER_CACHE="${TODO_CHATBOT_CACHE:-$HOME/.cache/todo-chatbot}/local-cluster"
# One cluster's state (etcd, containerd, kubelet, certificates, logs): removed by down.sh.
CLUSTER_STATE="${LOCAL_CLUSTER_STATE:-/var/lib/todo-chatbot-cluster}"
# Sockets and process ids: removed by down.sh.
CLUSTER_RUN="${LOCAL_CLUSTER_RUN:-/run/todo-chatbot-cluster}"

CLUSTER_NAME=todo-chatbot-local
NODE_NAME="${LOCAL_CLUSTER_NODE_NAME:-todo-chatbot-node}"
POD_CIDR=10.244.0.0/24
CLUSTER_CIDR=10.244.0.0/16
SERVICE_CIDR=10.96.0.0/16
KUBERNETES_SERVICE_IP=10.96.0.1
DNS_SERVICE_IP=10.96.0.10
CLUSTER_DOMAIN=cluster.local
BRIDGE=tcbr0
# Host paths the components create outside the cluster's directories (see up.sh).
HOST_PATHS_CREATED="/var/lib/cni /var/lib/kubelet /var/log/containers /run/netns"
API_PORT="${LOCAL_CLUSTER_API_PORT:-6443}"
ETCD_CLIENT_PORT=2379
ETCD_PEER_PORT=2380

CERTS="$CLUSTER_STATE/pki"
LOGS="$CLUSTER_STATE/logs"
CONFIGS="$CLUSTER_STATE/config"
KUBECONFIG_ADMIN="$CLUSTER_STATE/admin.kubeconfig"
CONTAINERD_SOCKET="$CLUSTER_RUN/containerd/containerd.sock"

# The processes up.sh starts, in start order; down.sh stops them in reverse.
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet kube-proxy kube-router)

cluster_log() { echo "[local-cluster] $*" >&2; }
cluster_die() {
  cluster_log "error: $*"
  exit 1
}

# The address pods reach the node on: the source address of the default route (pods cannot
# reach the node's 127.0.0.1).
node_ip() {
  local ip
  ip="$(ip -4 route get 1.0.0.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p' | head -n 1)"
  [ -n "$ip" ] || ip="$(ip -4 -o addr show scope global | awk '{print $4}' | cut -d/ -f1 | head -n 1)"
  echo "$ip"
}

pid_of() { cat "$CLUSTER_RUN/$1.pid" 2>/dev/null || true; }
is_running() {
  local pid
  pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# log_tail COMPONENT: the end of a component's log, for a failure message.
log_tail() {
  local file="$LOGS/$1.log"
  if [ -s "$file" ]; then
    echo "----- last lines of $file -----" >&2
    tail -n "${LOG_TAIL_LINES:-40}" "$file" >&2
    echo "-----" >&2
  fi
}

# wait_until COMPONENT SECONDS COMMAND...: polls COMMAND every half second; fails with the
# component's log tail if it does not succeed in time or the component's process has exited.
# LOCAL_CLUSTER_WAIT_<COMPONENT> (e.g. LOCAL_CLUSTER_WAIT_KUBE_PROXY=10) shortens one wait, so a
# test of the failure path need not sit out the full bound.
wait_until() {
  local component="$1" override deadline seconds
  override="LOCAL_CLUSTER_WAIT_${component^^}"
  override="${override//-/_}"
  seconds="${!override:-$2}"
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ -f "$CLUSTER_RUN/$component.pid" ] && ! is_running "$component"; then
      log_tail "$component"
      cluster_die "$component exited while starting"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tail "$component"
      cluster_die "$component was not ready within $seconds s"
    fi
    sleep 0.5
  done
}

kubectl_admin() { "$CLUSTER_BIN/kubectl" --kubeconfig "$KUBECONFIG_ADMIN" "$@"; }
crictl_local() { "$CLUSTER_BIN/crictl" --runtime-endpoint "unix://$CONTAINERD_SOCKET" --timeout 20s "$@"; }
ctr_local() { "$CLUSTER_BIN/ctr" --address "$CONTAINERD_SOCKET" --namespace k8s.io "$@"; }

# The binaries' directory, named after the Kubernetes version and a hash of everything they are
# built from, so a changed pin or build step builds anew and an unchanged one is reused.
# module_version DIR MODULE: the version modules/DIR/go.mod pins for MODULE.
module_version() {
  awk -v module="$2" '($1 == "require" && $2 == module) { print $3; exit } ($1 == module) { print $2; exit }' \
    "$LOCAL_CLUSTER_DIR/modules/$1/go.mod"
}
kubernetes_version() { module_version kubernetes k8s.io/kubernetes; }
bin_key() {
  (cd "$LOCAL_CLUSTER_DIR" && cat build.sh modules/*/go.mod modules/*/go.sum modules/*/*.go 2>/dev/null) | sha256sum | cut -c1-12
}
CLUSTER_BIN="$CLUSTER_CACHE/bin/$(kubernetes_version)-$(bin_key)"

# The images the cluster runs besides the app's (images.sh builds them).
CLUSTER_IMAGES=localhost/todo-chatbot-cluster
PAUSE_IMAGE="$CLUSTER_IMAGES/pause:3.10-local"
COREDNS_IMAGE="$CLUSTER_IMAGES/coredns:$(module_version coredns github.com/coredns/coredns)"
PROVISIONER_IMAGE="$CLUSTER_IMAGES/local-path-provisioner:$(module_version local-path-provisioner github.com/rancher/local-path-provisioner)"
METRICS_SERVER_IMAGE="$CLUSTER_IMAGES/metrics-server:$(module_version metrics-server sigs.k8s.io/metrics-server)"
TRAEFIK_IMAGE="$CLUSTER_IMAGES/traefik:$(module_version traefik github.com/traefik/traefik/v3)"
TOOLBOX_IMAGE="$CLUSTER_IMAGES/toolbox:bookworm"
POSTGRES_IMAGE="$CLUSTER_IMAGES/postgres:15-bookworm"
