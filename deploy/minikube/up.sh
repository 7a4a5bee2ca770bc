#!/usr/bin/env bash
# From a laptop to todo-chatbot running on Minikube: checks the tools, starts (or reuses) the
# cluster, enables the Traefik (ingress) and metrics-server addons, builds both images straight
# into the cluster's container runtime, installs or upgrades the Helm chart with
# values-local.yaml, waits for the rollout and `helm test`, and prints the URL. Running it again
# upgrades in place.
#
#   deploy/minikube/up.sh [extra helm upgrade arguments, e.g. --set api.replicaCount=2]
#
# An existing cluster instead (kind, k3d, a real one, deploy/local-cluster): KUBE_CONTEXT=<its
# kubectl context>. Then Minikube is neither needed nor touched: the cluster's own ingress
# controller and metrics-server are used, the images are built here with podman
# (scripts/containers/build-images.sh, as localhost/todo-chatbot-{api,web}:<version>) and handed to
# IMAGE_LOADER, a command that puts them where the cluster finds them (deploy/local-cluster/
# load-images.sh, `kind load docker-image`, a push script), and the extra helm arguments name the
# image registry (deploy/local-cluster/values-cluster.yaml does). Every later step is the same.
#
# Environment (all optional):
#   MINIKUBE_PROFILE (todo-chatbot)  MINIKUBE_CPUS (4)  MINIKUBE_MEMORY (6g)  MINIKUBE_DRIVER
#   MINIKUBE_KUBERNETES_VERSION      TODO_NAMESPACE (todo-chatbot)  TODO_RELEASE (todo-chatbot)
#   IMAGE_BUILDER  auto (default): `docker build` against Minikube's Docker engine when it runs
#                  one, else `minikube image build`; or force `docker-env` / `minikube`
#   SKIP_BUILD=1   reuse the images already in the cluster    SKIP_TESTS=1  skip `helm test`
#   HELM_TIMEOUT (10m)   LOCAL_PORT (8080): the port-forward fallback, trusted for sign-in
# Secrets, read from the environment and never printed or put on a command line (they reach
# Helm in a values file readable only by you, deleted on exit):
#   OPENAI_API_KEY      switches chat to the `openai` provider (unless LLM_PROVIDER says otherwise)
#   BETTER_AUTH_SECRET  (>= 32 characters) instead of the one the chart generates and keeps
# Non-secret chat settings: LLM_PROVIDER, LLM_MODEL, OPENAI_BASE_URL.
# With KUBE_CONTEXT: IMAGE_LOADER (required unless SKIP_BUILD=1).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MINIKUBE_CPUS="${MINIKUBE_CPUS:-4}"
MINIKUBE_MEMORY="${MINIKUBE_MEMORY:-6g}"
IMAGE_BUILDER="${IMAGE_BUILDER:-auto}"
HELM_TIMEOUT="${HELM_TIMEOUT:-10m}"
LOCAL_PORT="${LOCAL_PORT:-8080}"
HOSTS_FILE="${HOSTS_FILE:-/etc/hosts}"

print_help_if_asked "${1:-}"

umask 077
make_work_dir
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. prerequisites -----------------------------------------------------------------------
no_control_characters() {
  case "$2" in *[[:cntrl:]]*) die "$1 contains a control character (a stray newline?)" ;; esac
}

check_prerequisites() {
  local missing=0
  if existing_cluster; then
    check_existing_cluster_tools
    return
  fi
  case "${MINIKUBE_DRIVER:-}" in
    "" | docker | podman)
      local engines=(docker podman)
      if [ -n "${MINIKUBE_DRIVER:-}" ]; then engines=("$MINIKUBE_DRIVER"); fi
      local found='' engine
      for engine in "${engines[@]}"; do
        if command -v "$engine" >/dev/null 2>&1; then
          found="$engine"
          break
        fi
      done
      if [ -z "$found" ]; then
        if [ "${#engines[@]}" -eq 2 ]; then
          warn "missing: a container engine, docker or podman. Install Docker Desktop or Docker Engine (https://docs.docker.com/get-started/get-docker/) or Podman (https://podman.io/docs/installation)."
        else
          warn "missing: ${engines[0]} (MINIKUBE_DRIVER=$MINIKUBE_DRIVER). Install it, or unset MINIKUBE_DRIVER."
        fi
        missing=1
      elif ! "$found" info >/dev/null 2>&1; then
        warn "$found is installed but not running (\`$found info\` fails): start Docker Desktop, the Docker service or \`podman machine start\`."
        missing=1
      fi
      ;;
    *) ;; # a VM driver (kvm2, hyperkit, qemu, vfkit, virtualbox, hyperv...) needs no engine
  esac
  if ! command -v minikube >/dev/null 2>&1; then
    warn "missing: minikube. Install it: https://minikube.sigs.k8s.io/docs/start/"
    missing=1
  fi
  if ! command -v kubectl >/dev/null 2>&1; then
    warn "missing: kubectl. Install it: https://kubernetes.io/docs/tasks/tools/"
    missing=1
  fi
  if ! command -v helm >/dev/null 2>&1; then
    warn "missing: helm (3 or 4). Install it: https://helm.sh/docs/intro/install/"
    missing=1
  fi
  if [ "$missing" -ne 0 ]; then die "install what is missing above, then run $0 again"; fi
  check_settings
}

check_existing_cluster_tools() {
  local missing=0 tool
  for tool in kubectl helm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      warn "missing: $tool"
      missing=1
    fi
  done
  if [ -z "${SKIP_BUILD:-}" ]; then
    if ! command -v podman >/dev/null 2>&1; then
      warn "missing: podman, which builds the images (or build them yourself and set SKIP_BUILD=1)"
      missing=1
    fi
    [ -n "${IMAGE_LOADER:-}" ] ||
      die "KUBE_CONTEXT is set: also set IMAGE_LOADER to a command that gets images into that cluster (it is given the image names), or SKIP_BUILD=1"
  fi
  if [ "$missing" -ne 0 ]; then die "install what is missing above, then run $0 again"; fi
  kubectl --context "$KUBE_CONTEXT" get --raw /readyz >/dev/null 2>&1 ||
    die "the cluster of kubectl context \"$KUBE_CONTEXT\" does not answer (kubectl --context $KUBE_CONTEXT get --raw /readyz)"
  check_settings
}

check_settings() {
  if [ -n "${BETTER_AUTH_SECRET:-}" ] && [ "${#BETTER_AUTH_SECRET}" -lt 32 ]; then
    die "BETTER_AUTH_SECRET must be at least 32 characters (it is ${#BETTER_AUTH_SECRET})"
  fi
  no_control_characters OPENAI_API_KEY "${OPENAI_API_KEY:-}"
  no_control_characters BETTER_AUTH_SECRET "${BETTER_AUTH_SECRET:-}"
  no_control_characters LLM_PROVIDER "${LLM_PROVIDER:-}"
  no_control_characters LLM_MODEL "${LLM_MODEL:-}"
  no_control_characters OPENAI_BASE_URL "${OPENAI_BASE_URL:-}"
  [ -f "$CHART_DIR/Chart.yaml" ] || die "no chart at $CHART_DIR"
}

# ---- 2. cluster and addons -------------------------------------------------------------------
start_cluster() {
  if existing_cluster; then
    log "Using the existing cluster of kubectl context \"$KUBE_CONTEXT\" (Minikube is not touched)"
    return
  fi
  if mk status >/dev/null 2>&1; then
    log "Minikube profile \"$MINIKUBE_PROFILE\" is running; reusing it"
  else
    log "Starting Minikube profile \"$MINIKUBE_PROFILE\" ($MINIKUBE_CPUS CPUs, $MINIKUBE_MEMORY memory)"
    local args=(start --cpus="$MINIKUBE_CPUS" --memory="$MINIKUBE_MEMORY")
    if [ -n "${MINIKUBE_DRIVER:-}" ]; then args+=(--driver="$MINIKUBE_DRIVER"); fi
    if [ -n "${MINIKUBE_KUBERNETES_VERSION:-}" ]; then
      args+=(--kubernetes-version="$MINIKUBE_KUBERNETES_VERSION")
    fi
    mk "${args[@]}"
  fi
  # Traefik, not the `ingress` addon: that one is ingress-nginx, retired in March 2026.
  log "Enabling the traefik (ingress) and metrics-server addons"
  mk addons enable traefik
  mk addons enable metrics-server
  kubectl --context "$MINIKUBE_PROFILE" --namespace kube-system \
    rollout status deployment/traefik --timeout=5m
}

# ---- 3. images ---------------------------------------------------------------------------------
# A fingerprint of what the images are built from: unchanged sources give the same value, so a
# second run does not restart pods, and changed sources roll them (the tag stays appVersion).
build_id() {
  if [ -n "${BUILD_ID:-}" ]; then
    printf '%s\n' "$BUILD_ID"
    return
  fi
  if git -C "$REPO_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$REPO_ROOT" &&
      git ls-files -z --cached --others --exclude-standard -- \
        apps package.json package-lock.json tsconfig.base.json scripts/containers .dockerignore |
      sort -z | while IFS= read -r -d '' file; do
        [ -f "$file" ] || continue
        printf '%s\n' "$file"
        cat "$file"
      done | sha256 | cut -c 1-16)
  else
    date -u +%Y%m%d%H%M%S
  fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi
}

image_present() {
  local tag="$1" line
  while IFS= read -r line; do
    case "$line" in "$tag" | */"$tag") return 0 ;; esac
  done < <(mk image ls 2>/dev/null)
  return 1
}

# An existing cluster: build with podman here, then IMAGE_LOADER takes the images there.
build_and_load_images() {
  local version="$1" images=()
  log "Building the images with podman (scripts/containers/build-images.sh)"
  VERSION="$version" "$REPO_ROOT/scripts/containers/build-images.sh"
  images=("localhost/todo-chatbot-api:$version" "localhost/todo-chatbot-web:$version")
  log "Loading them into the cluster: $IMAGE_LOADER ${images[*]}"
  # shellcheck disable=SC2086 # IMAGE_LOADER is a command with its own arguments.
  $IMAGE_LOADER "${images[@]}" || die "IMAGE_LOADER failed: the cluster may not have the images"
}

build_images() {
  local version="$1" builder="$IMAGE_BUILDER" revision component
  if [ "$builder" = auto ]; then
    builder=minikube
    if command -v docker >/dev/null 2>&1 && mk docker-env --shell bash >/dev/null 2>&1; then
      builder=docker-env
    fi
  fi
  revision="$(git -C "$REPO_ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
  for component in api web; do
    local dockerfile="apps/$component/Dockerfile" tag="todo-chatbot-$component:$version"
    [ -f "$REPO_ROOT/$dockerfile" ] || die "$dockerfile is missing: the images cannot be built"
    case "$builder" in
      docker-env)
        log "Building $tag with Minikube's Docker engine (minikube docker-env)"
        (
          eval "$(mk docker-env --shell bash)"
          cd "$REPO_ROOT"
          docker build --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
            --file "$dockerfile" --tag "$tag" .
        )
        ;;
      minikube)
        log "Building $tag inside Minikube (minikube image build)"
        (cd "$REPO_ROOT" && mk image build --tag "$tag" --file "$dockerfile" .)
        ;;
      *) die "IMAGE_BUILDER must be auto, docker-env or minikube (not \"$builder\")" ;;
    esac
    # `minikube image build` exits 0 even when the build fails (kubernetes/minikube#16576).
    image_present "$tag" || die "$tag is not in the cluster after the build: read the build output above"
  done
}

# ---- 4. Helm -------------------------------------------------------------------------------------
write_values() {
  local id="$1"
  {
    echo "# Written by deploy/minikube/up.sh for this run."
    echo "config:"
    echo "  trustedOrigins:"
    echo "    - $(json_quote "http://localhost:$LOCAL_PORT")"
    echo "    - $(json_quote "http://127.0.0.1:$LOCAL_PORT")"
    local provider="${LLM_PROVIDER:-}"
    if [ -z "$provider" ] && [ -n "${OPENAI_API_KEY:-}" ]; then provider=openai; fi
    if [ -n "$provider${LLM_MODEL:-}${OPENAI_BASE_URL:-}" ]; then
      echo "  llm:"
      if [ -n "$provider" ]; then echo "    provider: $(json_quote "$provider")"; fi
      if [ -n "${LLM_MODEL:-}" ]; then echo "    model: $(json_quote "$LLM_MODEL")"; fi
      if [ -n "${OPENAI_BASE_URL:-}" ]; then echo "    baseUrl: $(json_quote "$OPENAI_BASE_URL")"; fi
    fi
    local component
    for component in api web; do
      echo "$component:"
      echo "  podAnnotations:"
      echo "    todo-chatbot/build-id: $(json_quote "$id")"
    done
  } >"$WORK/up-values.yaml"

  : >"$WORK/secret-values.yaml"
  if [ -n "${OPENAI_API_KEY:-}${BETTER_AUTH_SECRET:-}" ]; then
    {
      echo "secrets:"
      if [ -n "${OPENAI_API_KEY:-}" ]; then
        printf '  openaiApiKey: %s\n' "$(json_quote "$OPENAI_API_KEY")"
      fi
      if [ -n "${BETTER_AUTH_SECRET:-}" ]; then
        printf '  betterAuthSecret: %s\n' "$(json_quote "$BETTER_AUTH_SECRET")"
      fi
    } >"$WORK/secret-values.yaml"
  fi
}

install_chart() {
  local id="$1"
  shift
  write_values "$id"
  local action=Installing
  if hc status "$TODO_RELEASE" >/dev/null 2>&1; then action='Upgrading (in place)'; fi
  log "$action release \"$TODO_RELEASE\" in namespace \"$TODO_NAMESPACE\""
  if [ -n "${OPENAI_API_KEY:-}" ]; then info "OPENAI_API_KEY: given (passed in a private values file, never on the command line)"; fi
  if [ -n "${BETTER_AUTH_SECRET:-}" ]; then info "BETTER_AUTH_SECRET: given (same)"; fi
  local files=(--values "$CHART_DIR/values-local.yaml" --values "$WORK/up-values.yaml")
  if [ -s "$WORK/secret-values.yaml" ]; then files+=(--values "$WORK/secret-values.yaml"); fi
  hc upgrade --install "$TODO_RELEASE" "$CHART_DIR" --create-namespace \
    "${files[@]}" "$@" --wait --timeout "$HELM_TIMEOUT"
}

wait_for_rollout() {
  log "Waiting for the rollout"
  local kind name
  for kind in deployment statefulset; do
    while IFS= read -r name; do
      [ -n "$name" ] || continue
      kc rollout status "$name" --timeout=5m
    done < <(kc get "$kind" --selector "app.kubernetes.io/instance=$TODO_RELEASE" --output name)
  done
}

run_helm_tests() {
  if [ -n "${SKIP_TESTS:-}" ]; then
    info "SKIP_TESTS is set: not running helm test"
    return
  fi
  log "Running helm test (API readiness, the web proxy, sign-up + task + chat)"
  hc test "$TODO_RELEASE" --logs --timeout 5m
}

# ---- 5. how to reach it ----------------------------------------------------------------------------
host_mapped() {
  [ -r "$HOSTS_FILE" ] || return 1
  awk -v host="$1" '$1 !~ /^#/ { for (i = 2; i <= NF; i++) if ($i == host) found = 1 } END { exit !found }' "$HOSTS_FILE"
}

# How to point the ingress host at the cluster, for this machine and driver.
hosts_hint() {
  local host="$1" ip="$2"
  if existing_cluster; then
    info "  echo \"$ip $host\" | sudo tee -a $HOSTS_FILE"
    return
  fi
  case "$(uname -s)" in
    Darwin | MINGW* | MSYS* | CYGWIN*)
      info "  Docker driver on macOS/Windows: run \`minikube -p $MINIKUBE_PROFILE tunnel\` in another terminal, then"
      info "    echo \"127.0.0.1 $host\" | sudo tee -a $HOSTS_FILE"
      info "  VM drivers: echo \"$ip $host\" | sudo tee -a $HOSTS_FILE"
      ;;
    *)
      info "  echo \"$ip $host\" | sudo tee -a $HOSTS_FILE"
      info "  (Docker driver on macOS/Windows instead: \`minikube -p $MINIKUBE_PROFILE tunnel\` and 127.0.0.1)"
      ;;
  esac
}

print_access() {
  local host ip web port
  host="$(release_ingress_host)"
  web="$(release_object service web || echo "$TODO_RELEASE-web")"
  port="$(service_port "$web")"
  if existing_cluster; then
    # The address the ingress controller publishes in the Ingress status.
    ip="$(kc get ingress --selector "app.kubernetes.io/instance=$TODO_RELEASE" \
      --output 'jsonpath={.items[0].status.loadBalancer.ingress[0].ip}' 2>/dev/null || true)"
    ip="${ip:-<the ingress address>}"
  else
    ip="$(mk ip 2>/dev/null || echo '<minikube ip>')"
  fi
  echo
  log "todo-chatbot is ready"
  if [ -n "$host" ]; then
    info "Open http://$host"
    if host_mapped "$host"; then
      info "($host is already in $HOSTS_FILE)"
    else
      info "$host must point at the cluster's ingress. Add it to $HOSTS_FILE once:"
      hosts_hint "$host" "$ip"
    fi
    info "Without $HOSTS_FILE: the ingress controller's own URL (send the Host header yourself)"
    if existing_cluster; then
      info "  curl -H 'Host: $host' http://$ip/api/openapi.json"
    else
      info "  minikube -p $MINIKUBE_PROFILE service -n kube-system traefik --url"
      info "  curl -H 'Host: $host' <that URL>/api/openapi.json"
    fi
  fi
  info "Or in a browser without DNS or a tunnel (sign-in trusts this origin):"
  info "  kubectl --context $CONTEXT -n $TODO_NAMESPACE port-forward service/$web $LOCAL_PORT:$port"
  info "  then open http://localhost:$LOCAL_PORT"
  info "Demo: deploy/minikube/demo.sh    Remove: deploy/minikube/down.sh [--delete-data]"
}

main() {
  check_prerequisites
  local version id
  version="$(chart_app_version)"
  start_cluster
  if [ -n "${SKIP_BUILD:-}" ]; then
    log "SKIP_BUILD is set: using the images already in the cluster"
    local component
    if ! existing_cluster; then
      for component in api web; do
        image_present "todo-chatbot-$component:$version" ||
          die "todo-chatbot-$component:$version is not in the cluster: run without SKIP_BUILD"
      done
    fi
  elif existing_cluster; then
    build_and_load_images "$version"
  else
    build_images "$version"
  fi
  id="$(build_id)"
  install_chart "$id" "$@"
  wait_for_rollout
  run_helm_tests
  print_access
}

main "$@"
