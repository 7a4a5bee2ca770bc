#!/usr/bin/env bash
# Removes the todo-chatbot release from Minikube. By default the data stays: the PostgreSQL
# volume and the chart's generated Secrets (session key, database password) are kept, so a
# later `up.sh` finds the same accounts and tasks.
#
#   deploy/minikube/down.sh [--delete-data] [--delete-cluster]
#
#   --delete-data     also delete the release's volumes and Secrets: every account and task
#   --delete-cluster  delete the whole Minikube profile instead: cluster, release and data
#
# Environment: MINIKUBE_PROFILE (todo-chatbot), TODO_NAMESPACE (todo-chatbot),
# TODO_RELEASE (todo-chatbot), KUBE_CONTEXT (an existing cluster instead of Minikube, as for
# up.sh; --delete-cluster is then refused). Running it twice is harmless.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

delete_data=''
delete_cluster=''
for arg in "$@"; do
  case "$arg" in
    --delete-data) delete_data=1 ;;
    --delete-cluster) delete_cluster=1 delete_data=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument \"$arg\" (try --help)" ;;
  esac
done

if existing_cluster; then
  [ -z "$delete_cluster" ] || die "--delete-cluster deletes Minikube profiles only, not the cluster of context \"$KUBE_CONTEXT\""
else
  command -v minikube >/dev/null 2>&1 || die "missing: minikube. Install it: https://minikube.sigs.k8s.io/docs/start/"
fi

if [ -n "$delete_cluster" ]; then
  # Everything the release had lives in the profile's cluster.
  log "Deleting Minikube profile \"$MINIKUBE_PROFILE\" (the cluster, the release and its data)"
  mk delete
  exit 0
fi

if ! existing_cluster && ! mk status >/dev/null 2>&1; then
  log "Minikube profile \"$MINIKUBE_PROFILE\" is not running: nothing to remove"
  info "(start it with \`minikube -p $MINIKUBE_PROFILE start\` to remove the release, or pass --delete-cluster)"
  exit 0
fi

command -v kubectl >/dev/null 2>&1 || die "missing: kubectl. Install it: https://kubernetes.io/docs/tasks/tools/"
command -v helm >/dev/null 2>&1 || die "missing: helm. Install it: https://helm.sh/docs/intro/install/"

if hc status "$TODO_RELEASE" >/dev/null 2>&1; then
  log "Uninstalling release \"$TODO_RELEASE\" from namespace \"$TODO_NAMESPACE\""
  hc uninstall "$TODO_RELEASE" --wait --timeout 5m
else
  log "Release \"$TODO_RELEASE\" is not installed in namespace \"$TODO_NAMESPACE\""
fi

selector="app.kubernetes.io/instance=$TODO_RELEASE"
if [ -n "$delete_data" ]; then
  log "Deleting the release's data (volumes and Secrets labelled $selector)"
  kc delete persistentvolumeclaims,secrets --selector "$selector" --ignore-not-found --wait=true
else
  kept="$(kc get persistentvolumeclaims,secrets --selector "$selector" --output name 2>/dev/null || true)"
  if [ -n "$kept" ]; then
    log "Kept (so a reinstall finds the same data):"
    printf '%s\n' "$kept" | sed 's/^/    /'
    info "Delete them with: $0 --delete-data"
  fi
fi
log "Done"
