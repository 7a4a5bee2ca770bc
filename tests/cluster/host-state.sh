#!/usr/bin/env bash
# Prints what a cluster could leave behind on this machine, normalised so that two reports taken
# before up.sh and after down.sh are equal when the teardown is clean: the cluster's processes,
# mounts, network interfaces and namespaces, iptables and nftables rules (no counters), sysctls,
# cgroups, and the host paths Kubernetes components write to by default.
set -uo pipefail

section() { echo "## $1"; }

section processes
pgrep -af 'todo-chatbot-cluster|local-cluster/bin/|containerd-shim|/pause$|/coredns |local-path-provisioner' |
  cut -d' ' -f2- | grep -v host-state | sort
section mounts
findmnt -rn -o TARGET,FSTYPE | sort
section links
ip -o link show | awk '{print $2, $3}' | sed 's/@[^:]*:/:/' | sort
section netns
ip netns list 2>/dev/null | sort
for save in iptables-save ip6tables-save; do
  section "$save"
  # A table the kernel loaded on first use, with no rule and every built-in chain accepting,
  # filters nothing: only rules, chains of our own and other policies count.
  "$save" 2>/dev/null | grep -v '^#' | sed 's/ *\[[0-9]*:[0-9]*\]//' |
    grep -Ev '^(\*[a-z]+|COMMIT|:(INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) ACCEPT)$' | sort
done
section ipsets
ipset list -n 2>/dev/null | sort
section nftables
nft list tables 2>/dev/null | sort
section sysctl
sysctl net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables 2>/dev/null
section cgroups
find /sys/fs/cgroup -maxdepth 2 -name 'kubepods*' 2>/dev/null | sort
section paths
for path in /var/lib/cni /etc/cni /opt/cni /opt/containerd /var/log/pods /var/log/containers \
  /run/containerd /var/run/containerd /var/lib/containerd /var/lib/kubelet /etc/kubernetes \
  /var/run/kubernetes /var/run/netns /run/todo-chatbot-cluster /var/lib/todo-chatbot-cluster; do
  if [ -e "$path" ]; then echo "$path: $(find "$path" -mindepth 1 2>/dev/null | wc -l) entries"; fi
done
