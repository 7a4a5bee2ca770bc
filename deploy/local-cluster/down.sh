#!/usr/bin/env bash
# Tears the local cluster down and leaves the machine as it was before up.sh: every pod removed
# through the container runtime (so the CNI plugins delete their interfaces, addresses and
# iptables rules), every component stopped, kube-proxy's and kube-router's rules and ipsets
# removed, every mount under the cluster's directories unmounted, the bridge deleted, ip_forward
# restored, and the state removed.
# The build cache stays. Safe to run when nothing, or only part of a cluster, is up. It removes
# every KUBE-* and CNI-* iptables chain: do not run it beside another Kubernetes on this machine.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$(id -u)" -eq 0 ] || cluster_die "run as root"
if [ -z "${LOCK_HELD:-}" ]; then
  mkdir -p "$(dirname "$CLUSTER_RUN")"
  exec 9>"$CLUSTER_RUN.lock"
  flock -w 900 9 || cluster_die "another up.sh or down.sh holds $CLUSTER_RUN.lock"
fi

# stop NAME: SIGTERM, up to 20 s to exit, then SIGKILL.
stop() {
  local pid
  pid="$(pid_of "$1")"
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null && cluster_log "$1 did not stop within 20 s: killed"
  fi
  rm -f "$CLUSTER_RUN/$1.pid"
}

stop kube-router
stop kube-proxy
stop kubelet
if is_running containerd && [ -x "$CLUSTER_BIN/crictl" ]; then
  # Stopping each sandbox runs CNI DEL for it: veth, address, masquerade and portmap rules go.
  pods="$(crictl_local pods -q 2>/dev/null)"
  if [ -n "$pods" ]; then
    # shellcheck disable=SC2086
    crictl_local stopp $pods >/dev/null 2>&1
    # shellcheck disable=SC2086
    crictl_local rmp --force $pods >/dev/null 2>&1
  fi
fi
stop containerd
# Shims outlive containerd by design; any still holding a container of this cluster go now.
pkill -KILL -f "containerd-shim-runc-v2 .*-address $CONTAINERD_SOCKET" 2>/dev/null
for component in kube-scheduler kube-controller-manager kube-apiserver etcd; do stop "$component"; done

if [ -x "$CLUSTER_BIN/kube-proxy" ]; then
  "$CLUSTER_BIN/kube-proxy" --cleanup --proxy-mode=iptables >/dev/null 2>&1
fi
if [ -x "$CLUSTER_BIN/kube-router" ]; then
  "$CLUSTER_BIN/kube-router" --cleanup-config >/dev/null 2>&1
fi
# What the cleanup leaves: the kubelet's KUBE-FIREWALL, KUBE-KUBELET-CANARY and
# KUBE-IPTABLES-HINT chains, and the masquerade chains of a sandbox whose CNI DEL did not run.
# First the jumps from the built-in chains, then the chains themselves.
for iptables in iptables ip6tables; do
  command -v "$iptables" >/dev/null || continue
  for table in filter nat mangle raw; do
    rules="$("$iptables" -t "$table" -S 2>/dev/null)" || continue
    grep -E -- '^-A [A-Z]+ .*-j (KUBE|CNI)-' <<<"$rules" | sed 's/^-A /-D /' | while read -r rule; do
      eval "$iptables -t $table $rule" 2>/dev/null
    done
    chains="$(awk '$1 == "-N" && $2 ~ /^(KUBE|CNI)-/ {print $2}' <<<"$rules")"
    for chain in $chains; do "$iptables" -t "$table" -F "$chain" 2>/dev/null; done
    for chain in $chains; do "$iptables" -t "$table" -X "$chain" 2>/dev/null; done
  done
done

# kube-router's ipsets that its cleanup left (they go once no rule refers to them).
if command -v ipset >/dev/null; then
  ipset list -n 2>/dev/null | grep -E '^(KUBE|kube)-' | while read -r set; do ipset destroy "$set" 2>/dev/null; done
fi

# Mounts: container root file systems, pod volumes, the kubelet's own bind mount, network
# namespaces; deepest first.
for root in "$CLUSTER_STATE" "$CLUSTER_RUN" /run/netns/cni-; do
  findmnt -rn -o TARGET | grep -F "$root" | sort -r | while read -r target; do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null
  done
done
ip netns list 2>/dev/null | awk '{print $1}' | grep '^cni-' | while read -r netns; do ip netns delete "$netns"; done
ip link show "$BRIDGE" >/dev/null 2>&1 && ip link delete "$BRIDGE"

# The kubelet's cgroups (per QoS class and per pod), in every v1 hierarchy and in v2.
find /sys/fs/cgroup -depth -type d -path '*/kubepods*' -exec rmdir {} + 2>/dev/null
# The kubelet's links to container logs, which always live in /var/log/containers.
find /var/log/containers -maxdepth 1 -type l -lname "$CLUSTER_STATE/*" -delete 2>/dev/null
if [ -s "$CLUSTER_STATE/host-paths.created" ]; then
  while read -r path; do rm -rf "$path"; done <"$CLUSTER_STATE/host-paths.created"
fi

if [ -s "$CLUSTER_STATE/ip_forward.before" ]; then
  sysctl -qw "net.ipv4.ip_forward=$(cat "$CLUSTER_STATE/ip_forward.before")"
fi
rm -rf "$CLUSTER_STATE" "$CLUSTER_RUN"
cluster_log "the local cluster is down"
