#!/usr/bin/env bash
# A narrated demo of todo-chatbot on Minikube, for a live presentation: signs up a user, drives a
# short chat through the API (add, list, complete), shows the pods, scales the API to 3 replicas,
# restarts them one by one while a loop of requests counts failures (expected: zero), and shows
# the tasks surviving the deletion of the database pod. Run deploy/minikube/up.sh first.
#
#   deploy/minikube/demo.sh
#
# Environment (all optional):
#   TODO_URL        the app's URL; default http://<ingress host> when it answers, else a
#                   kubectl port-forward to the web Service on FORWARD_PORT (18080)
#   DEMO_PAUSE=1    wait for Enter between steps (for a presenter)
#   DEMO_EMAIL, DEMO_PASSWORD  the demo account (default: a new demo-<time>@example.com with a
#                   random password); the password is never printed or put on a command line
#   DEMO_REPLICAS (3)  DEMO_INTERVAL (0.2 s between requests)  DEMO_SETTLE_SECONDS (15)
#   DEMO_MAX_SECONDS (300, the request loop's hard limit)  DEMO_TIME_ZONE (UTC)
#   MINIKUBE_PROFILE, KUBE_CONTEXT, TODO_NAMESPACE, TODO_RELEASE as for up.sh
# Exit status: 0 when no request failed during the restart and the tasks survived, else 1.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

print_help_if_asked "${1:-}"

DEMO_REPLICAS="${DEMO_REPLICAS:-3}"
DEMO_INTERVAL="${DEMO_INTERVAL:-0.2}"
DEMO_WARMUP_SECONDS="${DEMO_WARMUP_SECONDS:-3}"
DEMO_SETTLE_SECONDS="${DEMO_SETTLE_SECONDS:-15}"
DEMO_MAX_SECONDS="${DEMO_MAX_SECONDS:-300}"
DEMO_TIME_ZONE="${DEMO_TIME_ZONE:-UTC}"

for tool in kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || die "missing: $tool (the demo needs kubectl and curl)"
done

umask 077
make_work_dir
LOOP_PID=''
cleanup() {
  if [ -n "$LOOP_PID" ]; then kill "$LOOP_PID" 2>/dev/null || true; fi
  stop_port_forward
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STEP=0
step() {
  STEP=$((STEP + 1))
  echo
  log "Step $STEP: $1"
}
say() { info "$*"; }
pause() {
  if [ -n "${DEMO_PAUSE:-}" ] && [ -t 0 ]; then
    read -r -p "    (Enter to continue) " _
  fi
}
# Runs a kubectl command against the release's namespace, showing it first.
run_kubectl() {
  show "kubectl -n $TODO_NAMESPACE $*"
  kc "$@"
}

# ---- the API, as a client would use it ----------------------------------------------------------
sign_up() {
  local email password
  email="${DEMO_EMAIL:-demo-$(date +%s)-$RANDOM@example.com}"
  password="${DEMO_PASSWORD:-$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')}"
  printf '{"name":"Demo","email":%s,"password":%s}\n' "$(json_quote "$email")" "$(json_quote "$password")" >"$WORK/account.json"
  show "POST /api/auth/sign-up/email {\"name\":\"Demo\",\"email\":\"$email\",\"password\":\"…\"}"
  http POST "$URL/api/auth/sign-up/email" "$WORK/account.json"
  if [ "$HTTP_STATUS" != 200 ] && [ -n "${DEMO_EMAIL:-}" ]; then
    say "($email exists already: signing in instead)"
    printf '{"email":%s,"password":%s}\n' "$(json_quote "$email")" "$(json_quote "$password")" >"$WORK/account.json"
    http POST "$URL/api/auth/sign-in/email" "$WORK/account.json"
  fi
  rm -f "$WORK/account.json"
  [ "$HTTP_STATUS" = 200 ] || die "sign-up answered $HTTP_STATUS: $(head -c 300 "$WORK/response.json" 2>/dev/null)"
  save_auth_header || die "sign-up answered no set-auth-token header"
  ok "Signed up as $email; the session token stays in a private file, never on a command line."
}

CONVERSATION=''
chat() {
  local message="$1" body
  body="{\"message\":$(json_quote "$message"),\"time_zone\":$(json_quote "$DEMO_TIME_ZONE")"
  if [ -n "$CONVERSATION" ]; then body="$body,\"conversation_id\":$CONVERSATION"; fi
  printf '%s}\n' "$body" >"$WORK/chat.json"
  printf '    %syou >%s %s\n' "$_bold" "$_reset" "$message"
  http POST "$URL/api/me/chat" "$WORK/chat.json"
  [ "$HTTP_STATUS" = 200 ] || die "chat answered $HTTP_STATUS: $(head -c 300 "$WORK/response.json" 2>/dev/null)"
  CONVERSATION="$(json_field "$WORK/response.json" conversation_id)"
  json_field "$WORK/response.json" response | sed "1s/^/    ${_bold}assistant >${_reset} /; 2,\$s/^/                /"
}

# Prints this user's tasks, one a line: "[x] title" or "[ ] title".
list_tasks() {
  http GET "$URL/api/me/tasks?sort=created&order=asc&limit=200"
  [ "$HTTP_STATUS" = 200 ] || return 1
  if command -v jq >/dev/null 2>&1; then
    jq -r '.tasks[] | (if .completed then "[x] " else "[ ] " end) + .title' "$WORK/response.json"
  else
    paste -d ' ' \
      <(grep -oE '"completed":(true|false)' "$WORK/response.json" | sed -e 's/.*true$/[x]/' -e 's/.*false$/[ ]/') \
      <(grep -oE '"title":"([^"\\]|\\.)*"' "$WORK/response.json" | sed -e 's/^"title":"//' -e 's/"$//')
  fi
}

# ---- the steps ------------------------------------------------------------------------------------
demo_chat() {
  step "Sign up and talk to the assistant (through the API, the way the web app does)"
  say "App: $URL   Assistant: $(curl --silent --max-time 10 "$URL/api/assistant" 2>/dev/null | head -c 200)"
  pause
  sign_up
  chat "Buy milk tomorrow at 6pm #home"
  chat "add high priority task to finish the slides"
  chat "what's pending?"
  chat "mark buy milk as done"
  say "The same tasks through the REST API (GET /api/me/tasks):"
  list_tasks | sed 's/^/      /' || die "listing tasks answered $HTTP_STATUS"
  pause
}

demo_pods() {
  step "What runs in the cluster"
  run_kubectl get pods --selector "app.kubernetes.io/instance=$TODO_RELEASE" --output wide
  pause
}

API=''
demo_scale() {
  API="$(release_object deployment api)" || die "no API Deployment for release \"$TODO_RELEASE\""
  step "Scale the API to $DEMO_REPLICAS replicas (it keeps no state in memory: any replica answers)"
  run_kubectl scale "deployment/$API" --replicas="$DEMO_REPLICAS"
  run_kubectl rollout status "deployment/$API" --timeout=5m
  run_kubectl get pods --selector "app.kubernetes.io/instance=$TODO_RELEASE,app.kubernetes.io/component=api"
  pause
}

# Sends GET /api/me/tasks every DEMO_INTERVAL seconds until $WORK/stop exists (or the hard
# limit passes), writing each HTTP status (000: no answer) to $WORK/codes.
request_loop() {
  local deadline=$((SECONDS + DEMO_MAX_SECONDS)) code
  while [ ! -e "$WORK/stop" ] && [ "$SECONDS" -lt "$deadline" ]; do
    code="$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 10 \
      --header "@$WORK/auth.header" "$URL/api/me/tasks?limit=1" 2>/dev/null)" || true
    printf '%s\n' "${code:-000}" >>"$WORK/codes"
    sleep "$DEMO_INTERVAL"
  done
}

FAILED=0
demo_rolling_restart() {
  step "Rolling restart under load: every API pod is replaced while requests keep coming"
  say "A loop sends GET /api/me/tasks every ${DEMO_INTERVAL}s and counts every answer that is not 2xx."
  say "New pods must pass /readyz before old ones stop; old ones stop taking traffic, then drain."
  : >"$WORK/codes"
  rm -f "$WORK/stop"
  request_loop &
  LOOP_PID=$!
  sleep "$DEMO_WARMUP_SECONDS"
  run_kubectl rollout restart "deployment/$API"
  run_kubectl rollout status "deployment/$API" --timeout=5m
  say "Rollout complete; keeping the loop running ${DEMO_SETTLE_SECONDS}s while the old pods drain and exit."
  sleep "$DEMO_SETTLE_SECONDS"
  touch "$WORK/stop"
  wait "$LOOP_PID" || true
  LOOP_PID=''
  local total good errors
  total="$(wc -l <"$WORK/codes" | tr -d ' ')"
  good="$(grep -c '^2' "$WORK/codes" || true)"
  errors="$(grep -c '^000$' "$WORK/codes" || true)"
  FAILED=$((total - good))
  if [ "$FAILED" -eq 0 ]; then
    ok "$total requests during the rolling restart, 0 failed."
  else
    warn "$total requests during the rolling restart, $FAILED failed ($errors without an answer, $((FAILED - errors)) non-2xx)."
    sort "$WORK/codes" | uniq -c | sed 's/^/      /' >&2
  fi
  pause
}

DATA_KEPT=0
demo_persistence() {
  local target kind db=''
  if db="$(release_object statefulset postgresql)"; then
    target="$db-0" kind="the PostgreSQL pod"
  else
    target="$(kc get pods --selector "app.kubernetes.io/instance=$TODO_RELEASE,app.kubernetes.io/component=api" --output name | head -n 1)"
    target="${target#pod/}" kind="an API pod (the database is outside the cluster)"
  fi
  step "Delete $kind: the tasks survive"
  list_tasks >"$WORK/before" || die "listing tasks answered $HTTP_STATUS"
  say "Before: $(wc -l <"$WORK/before" | tr -d ' ') tasks."
  run_kubectl delete pod "$target" --wait=true
  if [ -n "${db:-}" ]; then run_kubectl rollout status "statefulset/$db" --timeout=5m; fi
  say "Waiting for the API to answer again (it reports not ready while the database is away)…"
  local started=$SECONDS
  until list_tasks >"$WORK/after" 2>/dev/null; do
    [ $((SECONDS - started)) -lt 180 ] || die "the API did not answer within 180 s (last status $HTTP_STATUS)"
    sleep 2
  done
  sed 's/^/      /' "$WORK/after"
  if cmp -s "$WORK/before" "$WORK/after"; then
    DATA_KEPT=1
    ok "The same $(wc -l <"$WORK/after" | tr -d ' ') tasks, read back after $target was replaced: the data lives on the volume."
  else
    warn "the tasks differ after the pod deletion"
    diff "$WORK/before" "$WORK/after" >&2 || true
  fi
}

main() {
  log "todo-chatbot demo: release \"$TODO_RELEASE\" in namespace \"$TODO_NAMESPACE\" (kubectl context \"$CONTEXT\")"
  resolve_url
  demo_chat
  demo_pods
  demo_scale
  demo_rolling_restart
  demo_persistence
  echo
  log "Summary"
  if [ "$FAILED" -eq 0 ]; then ok "Rolling restart: zero failed requests."; else warn "Rolling restart: $FAILED failed requests."; fi
  if [ "$DATA_KEPT" -eq 1 ]; then ok "Tasks survived the pod deletion."; else warn "Tasks changed after the pod deletion."; fi
  info "The API now runs $DEMO_REPLICAS replicas; deploy/minikube/up.sh returns it to the chart's count."
  [ "$FAILED" -eq 0 ] && [ "$DATA_KEPT" -eq 1 ]
}

main "$@"
