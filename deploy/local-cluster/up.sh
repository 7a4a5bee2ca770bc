#!/usr/bin/env bash
# Brings up a real single-node Kubernetes on this machine, built from pinned upstream sources
# (build.sh): etcd → kube-apiserver → kube-controller-manager → kube-scheduler → containerd (with
# Debian's runc and CNI plugins) → kubelet → kube-proxy → kube-router (NetworkPolicy), then inside
# the cluster CoreDNS, a default StorageClass (local-path-provisioner), metrics-server and Traefik
# (ingress and Gateway API on the node's port 80). Modelled on kubernetes' hack/local-up-cluster.sh.
#
#   deploy/local-cluster/up.sh        then: export KUBECONFIG=/var/lib/todo-chatbot-cluster/admin.kubeconfig
#
# A cluster that is already up and healthy, from the same binaries, is reused; anything else left
# behind is torn down first (down.sh), so two clusters never share ports or state. Every wait is
# bounded and a component that does not come up fails the script with the end of its log.
# Needs root, Linux with cgroups, Go, gcc, podman and Debian's packages (installed when missing).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$(id -u)" -eq 0 ] || cluster_die "run as root: the kubelet and containerd manage mounts, cgroups and networks"
started=$SECONDS
timing() { cluster_log "$1 ($((SECONDS - started)) s)"; }

# Debian's runc, CNI plugins and the netfilter tools kube-proxy and the bridge plugin call.
missing=()
command -v runc >/dev/null || missing+=(runc)
[ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
command -v iptables >/dev/null || missing+=(iptables)
command -v conntrack >/dev/null || missing+=(conntrack)
command -v ipset >/dev/null || missing+=(ipset)
command -v openssl >/dev/null || missing+=(openssl)
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  cluster_log "installing ${missing[*]} from Debian"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$(dirname "$CLUSTER_RUN")"
exec 9>"$CLUSTER_RUN.lock"
flock -w 900 9 || cluster_die "another up.sh or down.sh holds $CLUSTER_RUN.lock"

healthy() {
  local component
  for component in "${COMPONENTS[@]}"; do is_running "$component" || return 1; done
  [ "$(cat "$CLUSTER_STATE/bin-dir" 2>/dev/null)" = "$CLUSTER_BIN" ] &&
    kubectl_admin get --raw /readyz >/dev/null 2>&1
}
if healthy; then
  cluster_log "reusing the cluster that is already up ($KUBECONFIG_ADMIN)"
  exit 0
fi
if [ -e "$CLUSTER_STATE" ] || [ -e "$CLUSTER_RUN" ]; then
  cluster_log "a cluster was left behind or is unhealthy: tearing it down first"
  LOCK_HELD=1 bash "$LOCAL_CLUSTER_DIR/down.sh"
fi

bash "$LOCAL_CLUSTER_DIR/build.sh" >/dev/null
images_archive="$(bash "$LOCAL_CLUSTER_DIR/images.sh")"
timing "binaries and images ready"

NODE_IP="$(node_ip)"
[ -n "$NODE_IP" ] || cluster_die "no IPv4 address to give the node (pods cannot reach 127.0.0.1)"
for port in "$API_PORT" "$ETCD_CLIENT_PORT" "$ETCD_PEER_PORT" 10250 10257 10259 20244 80; do
  if (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    cluster_die "port $port is in use by another program (ss -ltnp 'sport = :$port')"
  fi
done

mkdir -p "$CLUSTER_STATE" "$CLUSTER_RUN" "$LOGS" "$CONFIGS"
echo "$CLUSTER_BIN" >"$CLUSTER_STATE/bin-dir"
# Restored by down.sh.
sysctl -n net.ipv4.ip_forward >"$CLUSTER_STATE/ip_forward.before"
# Paths the components write to whatever their configuration says: containerd's CNI library
# (/var/lib/cni), the kubelet's device-plugin socket and log links, and CNI's network
# namespaces. down.sh removes those that did not exist before.
for path in $HOST_PATHS_CREATED; do
  [ -e "$path" ] || echo "$path" >>"$CLUSTER_STATE/host-paths.created"
done
sysctl -qw net.ipv4.ip_forward=1
bash "$LOCAL_CLUSTER_DIR/pki.sh" "$NODE_IP"

# kubeconfig NAME USER: a kubeconfig for NAME authenticating with the client certificate USER.
kubeconfig() {
  cat >"$CONFIGS/$1.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: $CLUSTER_NAME
    cluster:
      server: https://$NODE_IP:$API_PORT
      certificate-authority-data: $(base64 -w0 "$CERTS/ca.crt")
users:
  - name: $2
    user:
      client-certificate-data: $(base64 -w0 "$CERTS/$2.crt")
      client-key-data: $(base64 -w0 "$CERTS/$2.key")
contexts:
  - name: $CLUSTER_NAME
    context: {cluster: $CLUSTER_NAME, user: $2}
current-context: $CLUSTER_NAME
EOF
  chmod 0600 "$CONFIGS/$1.kubeconfig"
}
for component in kube-controller-manager kube-scheduler kube-proxy kube-router; do kubeconfig "$component" "$component"; done
kubeconfig kubelet kubelet-client
kubeconfig admin admin
mv "$CONFIGS/admin.kubeconfig" "$KUBECONFIG_ADMIN"

# start NAME ARG...: runs the binary NAME in its own session (it outlives this script), its
# output in $LOGS/NAME.log and its pid in $CLUSTER_RUN/NAME.pid.
start() {
  local name="$1"
  shift
  # 9>&-: the component must not inherit (and so hold) this script's lock.
  PATH="$CLUSTER_BIN:$PATH" setsid "$CLUSTER_BIN/$name" "$@" >"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$CLUSTER_RUN/$name.pid"
}
https_ok() { curl -fsk --max-time 2 "$@"; }

start etcd --name "$NODE_NAME" --data-dir "$CLUSTER_STATE/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
  --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "$NODE_NAME=http://127.0.0.1:$ETCD_PEER_PORT" \
  --log-level warn
wait_until etcd 30 curl -fs --max-time 2 "http://127.0.0.1:$ETCD_CLIENT_PORT/health"
timing "etcd ready"

start kube-apiserver \
  --advertise-address="$NODE_IP" --bind-address=0.0.0.0 --secure-port="$API_PORT" \
  --etcd-servers="http://127.0.0.1:$ETCD_CLIENT_PORT" \
  --tls-cert-file="$CERTS/apiserver.crt" --tls-private-key-file="$CERTS/apiserver.key" \
  --client-ca-file="$CERTS/ca.crt" \
  --kubelet-client-certificate="$CERTS/apiserver-kubelet-client.crt" \
  --kubelet-client-key="$CERTS/apiserver-kubelet-client.key" \
  --kubelet-certificate-authority="$CERTS/ca.crt" \
  --kubelet-preferred-address-types=InternalIP \
  --service-account-issuer="https://kubernetes.default.svc.$CLUSTER_DOMAIN" \
  --service-account-key-file="$CERTS/sa.pub" --service-account-signing-key-file="$CERTS/sa.key" \
  --service-cluster-ip-range="$SERVICE_CIDR" \
  --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction \
  --allow-privileged=true \
  --requestheader-client-ca-file="$CERTS/front-proxy-ca.crt" \
  --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file="$CERTS/front-proxy-client.crt" \
  --proxy-client-key-file="$CERTS/front-proxy-client.key" \
  --enable-aggregator-routing=true --profiling=false --v=1
wait_until kube-apiserver 90 kubectl_admin get --raw /readyz
timing "kube-apiserver ready"

start kube-controller-manager \
  --kubeconfig="$CONFIGS/kube-controller-manager.kubeconfig" \
  --authentication-kubeconfig="$CONFIGS/kube-controller-manager.kubeconfig" \
  --authorization-kubeconfig="$CONFIGS/kube-controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false --use-service-account-credentials=true \
  --service-account-private-key-file="$CERTS/sa.key" --root-ca-file="$CERTS/ca.crt" \
  --cluster-signing-cert-file="$CERTS/ca.crt" --cluster-signing-key-file="$CERTS/ca.key" \
  --service-cluster-ip-range="$SERVICE_CIDR" --cluster-cidr="$CLUSTER_CIDR" \
  --allocate-node-cidrs=true --node-cidr-mask-size=24 --profiling=false --v=1
start kube-scheduler \
  --kubeconfig="$CONFIGS/kube-scheduler.kubeconfig" \
  --authentication-kubeconfig="$CONFIGS/kube-scheduler.kubeconfig" \
  --authorization-kubeconfig="$CONFIGS/kube-scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false --profiling=false --v=1
wait_until kube-controller-manager 60 https_ok https://127.0.0.1:10257/healthz
wait_until kube-scheduler 60 https_ok https://127.0.0.1:10259/healthz
timing "kube-controller-manager and kube-scheduler ready"

# The pod network: one bridge on the node, addresses from the node's pod range, masquerading
# for traffic leaving the node, hairpin so a pod reaches itself through its Service.
mkdir -p "$CLUSTER_STATE/cni/net.d"
cat >"$CLUSTER_STATE/cni/net.d/10-$CLUSTER_NAME.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "$CLUSTER_NAME",
  "plugins": [
    {
      "type": "bridge", "bridge": "$BRIDGE", "isGateway": true, "ipMasq": true, "hairpinMode": true,
      "ipam": {
        "type": "host-local", "dataDir": "$CLUSTER_STATE/cni/ipam",
        "ranges": [[{"subnet": "$POD_CIDR"}]], "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
cat >"$CONFIGS/containerd.toml" <<EOF
version = 3
root = '$CLUSTER_STATE/containerd'
state = '$CLUSTER_RUN/containerd'
imports = []

[grpc]
  address = '$CONTAINERD_SOCKET'

[ttrpc]
  address = '$CONTAINERD_SOCKET.ttrpc'

[plugins.'io.containerd.cri.v1.images'.pinned_images]
  sandbox = '$PAUSE_IMAGE'

[plugins.'io.containerd.cri.v1.runtime']
  cdi_spec_dirs = []
  # Root here lacks CAP_SYS_RESOURCE, so no process may lower its oom_score_adj (the pod sandbox
  # asks for -998): containers get at least containerd's own score instead.
  restrict_oom_score_adj = true

[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
  BinaryName = '$(command -v runc)'
  Root = '$CLUSTER_RUN/runc'
  SystemdCgroup = false

[plugins.'io.containerd.cri.v1.runtime'.cni]
  bin_dirs = ['/usr/lib/cni']
  conf_dir = '$CLUSTER_STATE/cni/net.d'

[plugins.'io.containerd.nri.v1.nri']
  disable = true

[plugins.'io.containerd.shim.v1.manager']
  socket_dir = '$CLUSTER_RUN/s'

[plugins.'io.containerd.internal.v1.opt']
  path = '$CLUSTER_STATE/containerd-opt'
EOF
start containerd --config "$CONFIGS/containerd.toml"
wait_until containerd 30 ctr_local version
ctr_local images import "$images_archive" >/dev/null
timing "containerd ready, cluster images imported"

cat >"$CONFIGS/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
tlsCertFile: $CERTS/kubelet.crt
tlsPrivateKeyFile: $CERTS/kubelet.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $CERTS/ca.crt}
authorization:
  mode: Webhook
containerRuntimeEndpoint: unix://$CONTAINERD_SOCKET
# No systemd here, and the kernel offers cgroup v1 only, which kubelet 1.35+ refuses by default.
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
clusterDNS: [$DNS_SERVICE_IP]
clusterDomain: $CLUSTER_DOMAIN
resolvConf: /etc/resolv.conf
# Images are imported, never pulled: image garbage collection must not remove them however full
# the disk of a CI machine is. Eviction only on a nearly full node.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard:
  memory.available: 200Mi
  nodefs.available: 2Gi
  imagefs.available: 2Gi
  nodefs.inodesFree: 5%
serializeImagePulls: false
podLogsDir: $CLUSTER_STATE/pod-logs
EOF
start kubelet --config="$CONFIGS/kubelet.yaml" --kubeconfig="$CONFIGS/kubelet.kubeconfig" \
  --root-dir="$CLUSTER_STATE/kubelet" --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" \
  --oom-score-adj=0 --v=1
wait_until kubelet 60 curl -fs --max-time 2 http://127.0.0.1:10248/healthz
wait_until kubelet 90 kubectl_admin wait --for=condition=Ready "node/$NODE_NAME" --timeout=2s
timing "kubelet ready, node $NODE_NAME Ready"

cat >"$CONFIGS/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: $CONFIGS/kube-proxy.kubeconfig
hostnameOverride: $NODE_NAME
mode: iptables
clusterCIDR: $CLUSTER_CIDR
bindAddress: $NODE_IP
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
# Lowering it needs CAP_SYS_RESOURCE, which root lacks here (see containerd.toml).
oomScoreAdj: 0
# Leave the host's conntrack settings as they are (as local-up-cluster.sh does).
conntrack:
  maxPerCore: 0
  tcpEstablishedTimeout: 0s
  tcpCloseWaitTimeout: 0s
EOF
start kube-proxy --config="$CONFIGS/kube-proxy.yaml" --v=1
wait_until kube-proxy 60 curl -fs --max-time 2 http://127.0.0.1:10256/healthz
timing "kube-proxy ready"

# NetworkPolicy enforcement: kube-router's firewall alone (routing and service proxy stay with the
# bridge and kube-proxy), with Debian's iptables and ipset.
kubectl_admin apply -f "$LOCAL_CLUSTER_DIR/manifests/kube-router-rbac.yaml" >/dev/null
start kube-router --run-firewall=true --run-router=false --run-service-proxy=false --enable-cni=false \
  --kubeconfig="$CONFIGS/kube-router.kubeconfig" --hostname-override="$NODE_NAME" \
  --service-cluster-ip-range="$SERVICE_CIDR" --health-port=20244 --metrics-port=0 --v=1
wait_until kube-router 60 curl -fs --max-time 2 http://127.0.0.1:20244/healthz
timing "kube-router (NetworkPolicy) ready"

# addon FILE: applies a manifest with this cluster's names filled in.
addon() {
  sed -e "s|__CLUSTER_DOMAIN__|$CLUSTER_DOMAIN|g" -e "s|__DNS_SERVICE_IP__|$DNS_SERVICE_IP|g" \
    -e "s|__COREDNS_IMAGE__|$COREDNS_IMAGE|g" -e "s|__PROVISIONER_IMAGE__|$PROVISIONER_IMAGE|g" \
    -e "s|__TOOLBOX_IMAGE__|$TOOLBOX_IMAGE|g" -e "s|__VOLUME_DIR__|$CLUSTER_STATE/local-path|g" \
    -e "s|__METRICS_SERVER_IMAGE__|$METRICS_SERVER_IMAGE|g" -e "s|__TRAEFIK_IMAGE__|$TRAEFIK_IMAGE|g" \
    -e "s|__NODE_IP__|$NODE_IP|g" \
    "$LOCAL_CLUSTER_DIR/manifests/$1" | kubectl_admin apply -f - >/dev/null
}
addon coredns.yaml
addon local-path-storage.yaml
addon metrics-server.yaml
# The Gateway API CRDs (standard channel) of the version Traefik is built against, from the
# gateway-api module's own files.
gateway_api="$(cd "$LOCAL_CLUSTER_DIR/modules/traefik" && go mod download -json sigs.k8s.io/gateway-api |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$gateway_api/config/crd/standard" ] || cluster_die "no Gateway API CRDs in the module cache ($gateway_api)"
for crd in "$gateway_api"/config/crd/standard/gateway.networking.k8s.io_*.yaml; do
  kubectl_admin apply --server-side -f "$crd" >/dev/null
done
kubectl_admin wait --for=condition=Established crd/gateways.gateway.networking.k8s.io --timeout=60s >/dev/null
addon traefik.yaml
# addon_ready NAMESPACE DEPLOYMENT: waits for its rollout, printing its pods' state on failure.
addon_ready() {
  if ! kubectl_admin -n "$1" rollout status "deployment/$2" --timeout=120s >/dev/null; then
    kubectl_admin -n "$1" get pods -o wide >&2 || true
    kubectl_admin -n "$1" describe pods >&2 || true
    kubectl_admin -n "$1" logs "deployment/$2" --tail=40 >&2 || true
    cluster_die "$1/$2 did not become ready within 120 s"
  fi
}
addon_ready kube-system coredns
addon_ready local-path-storage local-path-provisioner
addon_ready kube-system metrics-server
addon_ready kube-system traefik
timing "CoreDNS, the default StorageClass, metrics-server and Traefik ready"
# The metrics API answers once metrics-server has scraped the kubelet.
wait_until kube-apiserver 90 kubectl_admin get --raw "/apis/metrics.k8s.io/v1beta1/nodes/$NODE_NAME"
timing "resource metrics available"

cluster_log "Kubernetes $(kubernetes_version) is up on $NODE_NAME ($NODE_IP) in $((SECONDS - started)) s"
cluster_log "  export KUBECONFIG=$KUBECONFIG_ADMIN   (kubectl: $CLUSTER_BIN/kubectl)"
