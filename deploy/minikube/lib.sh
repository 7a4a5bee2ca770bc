# shellcheck shell=bash
# Settings and helpers shared by up.sh, down.sh, demo.sh and mcp-token.sh (sourced, never run).
#
# Every kubectl, helm and minikube call names the Minikube profile's context explicitly, so a
# script never acts on whatever cluster the current kubectl context happens to point at.
#
# An existing cluster instead of Minikube: KUBE_CONTEXT names its kubectl context. Every script
# then acts on that context, and up.sh skips what only Minikube has (starting it, its addons,
# building inside it); see up.sh for how the images get there.

MINIKUBE_PROFILE="${MINIKUBE_PROFILE:-todo-chatbot}"
KUBE_CONTEXT="${KUBE_CONTEXT:-}"
CONTEXT="${KUBE_CONTEXT:-$MINIKUBE_PROFILE}"
TODO_NAMESPACE="${TODO_NAMESPACE:-todo-chatbot}"
TODO_RELEASE="${TODO_RELEASE:-todo-chatbot}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHART_DIR="${CHART_DIR:-$REPO_ROOT/deploy/helm/todo-chatbot}"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  _bold=$'\033[1m' _dim=$'\033[2m' _red=$'\033[31m' _green=$'\033[32m' _reset=$'\033[0m'
else
  _bold='' _dim='' _red='' _green='' _reset=''
fi

log() { printf '%s==> %s%s\n' "$_bold" "$*" "$_reset"; }
info() { printf '    %s\n' "$*"; }
ok() { printf '    %s%s%s\n' "$_green" "$*" "$_reset"; }
warn() { printf '%swarning:%s %s\n' "$_red" "$_reset" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_red" "$_reset" "$*" >&2
  exit 1
}
# Shows a command before running it (the audience of a demo sees what is typed).
show() { printf '    %s$ %s%s\n' "$_dim" "$*" "$_reset"; }

# Prints the calling script's header comment as its --help, and exits.
print_help_if_asked() {
  case "$1" in
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[1]}" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0
      ;;
  esac
}

existing_cluster() { [ -n "$KUBE_CONTEXT" ]; }
mk() { minikube --profile "$MINIKUBE_PROFILE" "$@"; }
kc() { kubectl --context "$CONTEXT" --namespace "$TODO_NAMESPACE" "$@"; }
hc() { helm --kube-context "$CONTEXT" --namespace "$TODO_NAMESPACE" "$@"; }

# The chart's appVersion: the tag both images get and the chart expects.
chart_app_version() {
  local version
  version="$(sed -n 's/^appVersion:[[:space:]]*//p' "$CHART_DIR/Chart.yaml" | head -n 1 | tr -d "\"' \r")"
  [ -n "$version" ] || die "no appVersion in $CHART_DIR/Chart.yaml"
  printf '%s\n' "$version"
}

# Name (without kind/) of this release's object of one component, e.g. `release_object deployment api`.
release_object() {
  local kind="$1" component="$2" name
  name="$(kc get "$kind" \
    --selector "app.kubernetes.io/instance=$TODO_RELEASE,app.kubernetes.io/component=$component" \
    --output name 2>/dev/null | head -n 1)"
  [ -n "$name" ] || return 1
  printf '%s\n' "${name#*/}"
}

# The port of a Service of the release (8080, the chart's default, when it cannot be read).
service_port() {
  local port
  port="$(kc get service "$1" --output 'jsonpath={.spec.ports[0].port}' 2>/dev/null || true)"
  printf '%s\n' "${port:-8080}"
}

# The ingress host of the release (empty when it has no Ingress).
release_ingress_host() {
  kc get ingress --selector "app.kubernetes.io/instance=$TODO_RELEASE" \
    --output 'jsonpath={.items[0].spec.rules[0].host}' 2>/dev/null || true
}

# A private scratch directory (0700), removed when the script exits.
make_work_dir() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/todo-chatbot.XXXXXX")"
  chmod 700 "$WORK"
}

# ---- HTTP without secrets on the command line -------------------------------------------------
# The bearer token lives in "$WORK/auth.header" (read by curl as -H @file) and request bodies in
# files (--data-binary @file), so neither appears in `ps` or in a shell trace.

# http METHOD URL [BODY_FILE]: sets HTTP_STATUS (000 when no answer); the answer is in
# "$WORK/response.json" and its headers in "$WORK/response.headers".
http() {
  local method="$1" url="$2" body="${3:-}"
  local args=(--silent --show-error --request "$method" --max-time "${HTTP_TIMEOUT:-60}"
    --output "$WORK/response.json" --dump-header "$WORK/response.headers"
    --write-out '%{http_code}')
  if [ -s "$WORK/auth.header" ]; then args+=(--header "@$WORK/auth.header"); fi
  if [ -n "$body" ]; then args+=(--header 'content-type: application/json' --data-binary "@$body"); fi
  HTTP_STATUS="$(curl "${args[@]}" "$url" 2>"$WORK/response.err")" || HTTP_STATUS=000
  HTTP_STATUS="${HTTP_STATUS:-000}"
}

# A JSON string literal of $1, for request bodies and values files (refuses control characters).
json_quote() {
  local s="$1"
  case "$s" in *[[:cntrl:]]*) return 1 ;; esac
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# json_field FILE NAME: the first string or number value of "NAME" in a JSON file.
json_field() {
  local file="$1" name="$2"
  if command -v jq >/dev/null 2>&1; then
    jq -r --arg n "$name" 'first(.. | objects | select(has($n)) | .[$n]) // empty' "$file" 2>/dev/null
    return 0
  fi
  local value
  value="$(grep -oE "\"$name\":(\"([^\"\\\\]|\\\\.)*\"|-?[0-9]+)" "$file" | head -n 1 |
    sed -e "s/^\"$name\"://" -e 's/^"//' -e 's/"$//')"
  [ -n "$value" ] || return 0
  printf '%b\n' "${value//\\\"/\"}"
}

# The token of a Better Auth answer (header set-auth-token), written as an Authorization header.
save_auth_header() {
  local token
  token="$(awk 'tolower($1) == "set-auth-token:" { print $2 }' "$WORK/response.headers" | tr -d '\r')"
  [ -n "$token" ] || return 1
  printf 'authorization: Bearer %s\n' "$token" >"$WORK/auth.header"
}

# Polls URL until it answers 2xx or SECONDS pass.
wait_for_url() {
  local url="$1" seconds="$2" started=$SECONDS
  while [ $((SECONDS - started)) -lt "$seconds" ]; do
    if curl --silent --output /dev/null --max-time 3 --fail "$url" 2>/dev/null; then return 0; fi
    sleep 1
  done
  return 1
}

# Sets URL to the app's address: TODO_URL, else http://<ingress host> when it answers from here,
# else a port-forward to the web Service on FORWARD_PORT (its PID in PORT_FORWARD_PID; the
# caller kills it on exit). Needs WORK.
PORT_FORWARD_PID=''
resolve_url() {
  if [ -n "${TODO_URL:-}" ]; then
    URL="${TODO_URL%/}"
    return
  fi
  local host web remote port="${FORWARD_PORT:-18080}"
  host="$(release_ingress_host)"
  if [ -n "$host" ] && curl --silent --fail --output /dev/null --max-time 3 "http://$host/healthz" 2>/dev/null; then
    URL="http://$host"
    return
  fi
  web="$(release_object service web)" ||
    die "release \"$TODO_RELEASE\" not found in namespace \"$TODO_NAMESPACE\": run deploy/minikube/up.sh first"
  remote="$(service_port "$web")"
  info "${host:-The ingress host} does not answer from here; using a port-forward to service/$web instead."
  show "kubectl -n $TODO_NAMESPACE port-forward service/$web $port:$remote &"
  # kubectl itself in the background (not through kc), so $! is its PID and can be stopped.
  kubectl --context "$CONTEXT" --namespace "$TODO_NAMESPACE" \
    port-forward "service/$web" "$port:$remote" >"$WORK/port-forward.log" 2>&1 &
  PORT_FORWARD_PID=$!
  URL="http://127.0.0.1:$port"
  wait_for_url "$URL/healthz" 30 || die "the port-forward did not answer: $(cat "$WORK/port-forward.log")"
}

stop_port_forward() {
  if [ -n "$PORT_FORWARD_PID" ]; then
    kill "$PORT_FORWARD_PID" 2>/dev/null || true
    PORT_FORWARD_PID=''
  fi
}
