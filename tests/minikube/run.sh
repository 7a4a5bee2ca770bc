#!/usr/bin/env bash
# Tests of the Minikube scripts (deploy/minikube/*.sh) without a cluster: shellcheck on every
# script, then each script run against stub minikube, kubectl, helm, docker and curl
# (stubs/stub.sh) that record their arguments. They prove the command sequence, the idempotent
# second run, the missing-prerequisite messages, and that no secret value appears in any
# argument, stdout or stderr. The values up.sh generates are rendered by the real chart, and the
# AI-operations guide is checked against kagent's CRDs and the chart's values.
#
#   bash tests/minikube/run.sh        (ends with a line "N passed, N failed")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/minikube"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/minikube-tests.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# The scripts run from a copy of the repository's layout: the real scripts and chart, and
# placeholder Dockerfiles (the stubs never read them), so the tests need no image sources.
FAKE="$TMP/repo"
mkdir -p "$FAKE/deploy/helm" "$FAKE/apps/api" "$FAKE/apps/web"
cp -R "$ROOT/deploy/minikube" "$FAKE/deploy/minikube"
cp -R "$ROOT/deploy/helm/todo-chatbot" "$FAKE/deploy/helm/todo-chatbot"
echo "FROM scratch" >"$FAKE/apps/api/Dockerfile"
echo "FROM scratch" >"$FAKE/apps/web/Dockerfile"
SCRIPTS="$FAKE/deploy/minikube"

passed=0
failed=0
problems=0

# ---- a sandbox PATH: the stubs, plus only the ordinary tools the scripts may use -----------------
SYS="$TMP/sys"
mkdir -p "$SYS"
for tool in bash env cat sed awk grep mktemp rm mkdir chmod tr head tail sort uniq cut date sleep \
  wc tee od paste cmp diff base64 basename dirname git xargs stat touch cp mv uname id ls find \
  sha256sum shasum; do
  if path="$(command -v "$tool")"; then ln -s "$path" "$SYS/$tool"; fi
done
# TEST_AWK=gawk runs the scripts with another awk than the machine's (CI runs mawk and gawk).
if [ -n "${TEST_AWK:-}" ]; then ln -sf "$(command -v "$TEST_AWK")" "$SYS/awk"; fi

OPENAI_SECRET='sk-test-SECRET-openai-0123456789'
AUTH_SECRET='auth-SECRET-0123456789abcdefghijklmnopqrstuvwxyz'
DEMO_SECRET='demo-SECRET-password-24680'
SESSION_SECRET='stubsession-SECRET-4242'
TOKEN_SECRET='todo_stubtoken-SECRET-9876'

# new_case [TOOLS...]: a fresh log, state and bin directory with stubs for TOOLS (default: all).
new_case() {
  CASE="$(mktemp -d "$TMP/case.XXXXXX")"
  LOG="$CASE/log" STATE="$CASE/state" BIN="$CASE/bin"
  mkdir -p "$LOG" "$STATE" "$BIN" "$CASE/tmp"
  touch "$LOG/calls.log"
  local tools=("$@")
  [ "${#tools[@]}" -gt 0 ] || tools=(minikube kubectl helm docker curl)
  local tool
  for tool in "${tools[@]}"; do ln -s "$HERE/stubs/stub.sh" "$BIN/$tool"; done
}

# run SCRIPT [ARGS...]: runs deploy/minikube/SCRIPT in a clean environment (plus the variables
# in the array EXTRA_ENV); sets RC, output in $CASE/out and $CASE/err.
EXTRA_ENV=()
run() {
  local script="$1"
  shift
  RC=0
  env -i HOME="$CASE" PATH="$BIN:$SYS" TMPDIR="$CASE/tmp" LANG=C.UTF-8 \
    STUB_LOG="$LOG" STUB_STATE="$STATE" BUILD_ID=test-build-1 HOSTS_FILE="$CASE/hosts" \
    DEMO_INTERVAL=0.05 DEMO_WARMUP_SECONDS=0 DEMO_SETTLE_SECONDS=2 \
    ${EXTRA_ENV[@]+"${EXTRA_ENV[@]}"} \
    "$SCRIPTS/$script" "$@" >"$CASE/out" 2>"$CASE/err" </dev/null || RC=$?
}

# ---- expectations ---------------------------------------------------------------------------------
expect() { # expect DESCRIPTION COMMAND...
  local what="$1"
  shift
  if ! "$@"; then
    echo "    expected: $what"
    problems=$((problems + 1))
  fi
}
rc_is() { [ "$RC" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$CASE/out"; }
err_has() { grep -qF -- "$1" "$CASE/err"; }
calls_have() { grep -qE -- "$1" "$LOG/calls.log"; }
calls_lack() { ! grep -qE -- "$1" "$LOG/calls.log"; }
count_calls() { grep -cE -- "$1" "$LOG/calls.log" || true; }
# The calls matching each pattern appear in this order.
in_order() {
  local last=0 pattern line
  for pattern in "$@"; do
    line="$(grep -nE -- "$pattern" "$LOG/calls.log" | cut -d: -f1 | awk -v after="$last" '$1 > after { print; exit }')"
    if [ -z "$line" ]; then
      echo "    (no call matching /$pattern/ after line $last)"
      return 1
    fi
    last="$line"
  done
}
# No secret appears in any recorded argument, environment, stdout or stderr.
no_secret_anywhere() {
  local secret files=("$LOG/calls.log" "$LOG/cwd.log" "$CASE/out" "$CASE/err")
  if [ -e "$LOG/env.log" ]; then files+=("$LOG/env.log"); fi
  for secret in "$@"; do
    if grep -qF -- "$secret" "${files[@]}"; then
      echo "    (found a secret value in arguments or output)"
      return 1
    fi
  done
}
every_call_targets_profile() {
  awk '
    $1 == "minikube" && $0 !~ / --profile todo-chatbot / { bad = 1 }
    $1 == "kubectl" && $0 !~ / --context todo-chatbot / { bad = 1 }
    $1 == "helm" && $0 !~ / --kube-context todo-chatbot / { bad = 1 }
    END { exit bad }' "$LOG/calls.log"
}
# A killed process may linger a moment as a zombie until it is reaped.
process_gone() {
  local tries=0
  while kill -0 "$1" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || return 1
    sleep 0.1
  done
}
private_dir_removed() { [ -z "$(ls -A "$CASE/tmp")" ]; }
show_case() {
  echo "    --- stdout"
  sed 's/^/    | /' "$CASE/out" | tail -n 30
  echo "    --- stderr"
  sed 's/^/    | /' "$CASE/err" | tail -n 30
  echo "    --- calls"
  sed 's/^/    | /' "$LOG/calls.log" | tail -n 60
}

test_case() { # test_case DESCRIPTION FUNCTION
  local description="$1" fn="$2" output
  problems=0
  output="$("$fn" 2>&1)" || problems=$((problems + 1))
  # Functions run in a subshell above; they report problems by printing "expected:" lines.
  if [ "$problems" -eq 0 ] && ! grep -q '^    expected:' <<<"$output"; then
    passed=$((passed + 1))
    echo "ok - $description"
  else
    failed=$((failed + 1))
    echo "not ok - $description"
    printf '%s\n' "$output"
  fi
}

# ---- the tests --------------------------------------------------------------------------------------
t_shellcheck() {
  if ! command -v shellcheck >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "    (installing shellcheck with apt-get)"
    { apt-get update -qq && apt-get install -y -qq shellcheck; } >/dev/null 2>&1 || true
  fi
  expect "shellcheck to be installed (apt-get install shellcheck)" command -v shellcheck
  command -v shellcheck >/dev/null 2>&1 || return 0
  local files=("$ROOT"/deploy/minikube/*.sh "$HERE"/*.sh "$HERE"/stubs/*.sh)
  expect "shellcheck to pass on ${#files[@]} scripts" shellcheck -x "${files[@]}"
}

t_help() {
  local script
  for script in up.sh down.sh demo.sh mcp-token.sh; do
    new_case
    run "$script" --help
    expect "$script --help to exit 0" rc_is 0
    expect "$script --help to print its usage" out_has "deploy/minikube/$script"
    expect "$script --help to call nothing" [ ! -s "$LOG/calls.log" ]
  done
}

t_missing_all() {
  new_case # no stubs at all
  rm -f "$BIN"/*
  run up.sh
  expect "exit 1" rc_is 1
  expect "a message for the container engine" err_has "missing: a container engine, docker or podman"
  expect "a message for minikube" err_has "missing: minikube. Install it: https://minikube.sigs.k8s.io/docs/start/"
  expect "a message for kubectl" err_has "missing: kubectl. Install it: https://kubernetes.io/docs/tasks/tools/"
  expect "a message for helm" err_has "missing: helm (3 or 4). Install it: https://helm.sh/docs/intro/install/"
  expect "no tool was run" [ ! -s "$LOG/calls.log" ]
}

t_missing_one() {
  new_case minikube kubectl docker # no helm
  run up.sh
  expect "exit 1" rc_is 1
  expect "a message for helm" err_has "missing: helm"
  expect "no message for what is there" bash -c "! grep -qE 'missing: (minikube|kubectl|a container)' '$CASE/err'"
  expect "nothing started" calls_lack '^minikube .* start'
}

t_engine_down() {
  new_case
  EXTRA_ENV=(STUB_DOCKER_DOWN=1)
  run up.sh
  EXTRA_ENV=()
  expect "exit 1" rc_is 1
  expect "a message that docker is not running" err_has "docker is installed but not running"
  expect "nothing started" calls_lack '^minikube .* start'
}

t_podman_driver() {
  new_case minikube kubectl helm curl # podman only, chosen as the driver but missing
  EXTRA_ENV=(MINIKUBE_DRIVER=podman)
  run up.sh
  EXTRA_ENV=()
  expect "exit 1" rc_is 1
  expect "a message naming podman" err_has "missing: podman (MINIKUBE_DRIVER=podman)"
}

t_short_auth_secret() {
  new_case
  EXTRA_ENV=(BETTER_AUTH_SECRET=too-short-SECRET)
  run up.sh
  EXTRA_ENV=()
  expect "exit 1" rc_is 1
  expect "the reason, without the value" err_has "BETTER_AUTH_SECRET must be at least 32 characters"
  expect "the value not printed" no_secret_anywhere too-short-SECRET
  EXTRA_ENV=("OPENAI_API_KEY=sk-pasted-SECRET-with-newline
")
  run up.sh
  EXTRA_ENV=()
  expect "a key with a stray newline refused" err_has "OPENAI_API_KEY contains a control character"
  expect "that key not printed" no_secret_anywhere sk-pasted-SECRET
  expect "nothing started" calls_lack '^minikube .* start'
}

t_first_run() {
  new_case
  run up.sh
  expect "exit 0" rc_is 0
  expect "the documented sequence of calls" in_order \
    '^minikube --profile todo-chatbot status$' \
    '^minikube --profile todo-chatbot start --cpus=4 --memory=6g$' \
    '^minikube --profile todo-chatbot addons enable traefik$' \
    '^minikube --profile todo-chatbot addons enable metrics-server$' \
    '^kubectl --context todo-chatbot --namespace kube-system rollout status deployment/traefik' \
    '^minikube --profile todo-chatbot docker-env --shell bash$' \
    '^docker build --build-arg VERSION=0\.1\.0 --build-arg REVISION=[^ ]+ --file apps/api/Dockerfile --tag todo-chatbot-api:0\.1\.0 \.$' \
    '^minikube --profile todo-chatbot image ls$' \
    '^docker build .* --file apps/web/Dockerfile --tag todo-chatbot-web:0\.1\.0 \.$' \
    '^minikube --profile todo-chatbot image ls$' \
    '^helm --kube-context todo-chatbot --namespace todo-chatbot status todo-chatbot$' \
    '^helm --kube-context todo-chatbot --namespace todo-chatbot upgrade --install todo-chatbot [^ ]*/deploy/helm/todo-chatbot --create-namespace --values [^ ]*/values-local\.yaml --values [^ ]*/up-values\.yaml --wait --timeout 10m$' \
    '^kubectl --context todo-chatbot --namespace todo-chatbot rollout status deployment\.apps/todo-chatbot-api --timeout=5m$' \
    '^kubectl --context todo-chatbot --namespace todo-chatbot rollout status deployment\.apps/todo-chatbot-web --timeout=5m$' \
    '^kubectl --context todo-chatbot --namespace todo-chatbot rollout status statefulset\.apps/todo-chatbot-postgresql --timeout=5m$' \
    '^helm --kube-context todo-chatbot --namespace todo-chatbot test todo-chatbot --logs --timeout 5m$'
  expect "every call to name the profile's context" every_call_targets_profile
  expect "the builds against Minikube's Docker engine" grep -qF 'DOCKER_HOST=tcp://192.168.49.2:2376' "$LOG/env.log"
  expect "the builds from the repository root" bash -c "grep '^docker' '$LOG/cwd.log' | grep -qF '	$FAKE'"
  expect "'Installing' for a new release" out_has 'Installing release "todo-chatbot"'
  expect "the URL" out_has "Open http://todo.local"
  expect "the /etc/hosts line" out_has "echo \"192.168.49.2 todo.local\" | sudo tee -a $CASE/hosts"
  expect "the minikube service fallback" out_has "minikube -p todo-chatbot service -n kube-system traefik --url"
  expect "the port-forward fallback" out_has "port-forward service/todo-chatbot-web 8080:8080"
  expect "no secrets file without secrets" [ ! -e "$LOG/values/3-secret-values.yaml" ]
  expect "values files private (0600)" bash -c "! grep -v '^600' '$LOG/values/modes' | grep -q up-values"
  expect "the private directory removed on exit" private_dir_removed
  cp "$LOG/values/2-up-values.yaml" "$TMP/first-up-values.yaml"
}

# The helm upgrade call, with the random private directory's name left out.
upgrade_command() {
  grep -E '^helm .* upgrade --install' "$LOG/calls.log" | sed -E 's#/todo-chatbot\.[A-Za-z0-9]+/#/PRIVATE/#g'
}

t_second_run() {
  new_case
  run up.sh
  cp "$LOG/calls.log" "$CASE/first.log"
  local first_upgrade
  first_upgrade="$(upgrade_command)"
  cp "$LOG/values/2-up-values.yaml" "$CASE/first-values.yaml"
  : >"$LOG/calls.log"
  rm -rf "$LOG/values"
  run up.sh
  expect "exit 0" rc_is 0
  expect "no second minikube start" calls_lack '^minikube .* start '
  expect "the cluster reused" out_has 'Minikube profile "todo-chatbot" is running; reusing it'
  expect "an in-place upgrade" out_has 'Upgrading (in place) release "todo-chatbot"'
  expect "the same helm upgrade command" [ "$first_upgrade" = "$(upgrade_command)" ]
  expect "the same generated values (pods do not restart for nothing)" cmp -s "$CASE/first-values.yaml" "$LOG/values/2-up-values.yaml"
  expect "upgrade --install again, then the tests" in_order '^helm .* upgrade --install ' '^helm .* test todo-chatbot'
}

t_changed_sources_roll() {
  new_case
  run up.sh
  cp "$LOG/values/2-up-values.yaml" "$CASE/first-values.yaml"
  rm -rf "$LOG/values"
  EXTRA_ENV=(BUILD_ID=test-build-2)
  run up.sh
  EXTRA_ENV=()
  expect "a new build id in the pod annotations" bash -c "grep -q 'todo-chatbot/build-id: \"test-build-2\"' '$LOG/values/2-up-values.yaml' && ! cmp -s '$CASE/first-values.yaml' '$LOG/values/2-up-values.yaml'"
}

t_secrets() {
  new_case
  EXTRA_ENV=("OPENAI_API_KEY=$OPENAI_SECRET" "BETTER_AUTH_SECRET=$AUTH_SECRET" LLM_MODEL=gpt-4.1-mini)
  run up.sh
  EXTRA_ENV=()
  expect "exit 0" rc_is 0
  expect "no secret value in any argument, stdout or stderr" no_secret_anywhere "$OPENAI_SECRET" "$AUTH_SECRET"
  expect "the secrets passed to helm as a values file" calls_have '^helm .* upgrade --install .* --values [^ ]*/secret-values\.yaml --wait'
  expect "that file to hold them" bash -c "grep -qF 'openaiApiKey: \"$OPENAI_SECRET\"' '$LOG/values/3-secret-values.yaml' && grep -qF 'betterAuthSecret: \"$AUTH_SECRET\"' '$LOG/values/3-secret-values.yaml'"
  expect "that file readable by its owner only" grep -qE '^600	.*secret-values\.yaml$' "$LOG/values/modes"
  expect "the openai provider switched on" bash -c "grep -qF 'provider: \"openai\"' '$LOG/values/2-up-values.yaml' && grep -qF 'model: \"gpt-4.1-mini\"' '$LOG/values/2-up-values.yaml'"
  expect "only a mention that they were given" out_has "OPENAI_API_KEY: given"
  expect "the private directory (and the secrets file) removed on exit" private_dir_removed
  cp "$LOG/values/2-up-values.yaml" "$TMP/secrets-up-values.yaml"
  cp "$LOG/values/3-secret-values.yaml" "$TMP/secrets-secret-values.yaml"
}

t_minikube_builder() {
  new_case
  EXTRA_ENV=(STUB_RUNTIME=containerd)
  run up.sh
  EXTRA_ENV=()
  expect "exit 0" rc_is 0
  expect "minikube image build for both images" in_order \
    '^minikube --profile todo-chatbot image build --tag todo-chatbot-api:0\.1\.0 --file apps/api/Dockerfile \.$' \
    '^minikube --profile todo-chatbot image build --tag todo-chatbot-web:0\.1\.0 --file apps/web/Dockerfile \.$'
  expect "no docker build" calls_lack '^docker build'
  expect "built from the repository root" bash -c "grep '^minikube' '$LOG/cwd.log' | grep -qF '	$FAKE'"
}

t_build_failure() {
  new_case
  EXTRA_ENV=(STUB_RUNTIME=containerd STUB_BUILD_FAIL=1)
  run up.sh
  EXTRA_ENV=()
  expect "exit 1, although minikube image build exits 0" rc_is 1
  expect "the reason" err_has "todo-chatbot-api:0.1.0 is not in the cluster after the build"
  expect "no helm install" calls_lack '^helm .* upgrade'
}

t_app_version_from_chart() {
  new_case
  cp -R "$FAKE/deploy/helm/todo-chatbot" "$CASE/chart"
  sed -i.bak 's/^appVersion:.*/appVersion: "9.8.7"/' "$CASE/chart/Chart.yaml"
  EXTRA_ENV=("CHART_DIR=$CASE/chart")
  run up.sh
  EXTRA_ENV=()
  expect "exit 0" rc_is 0
  expect "images tagged with the chart's appVersion" calls_have '--tag todo-chatbot-api:9\.8\.7 '
  expect "the chart given to helm" calls_have "upgrade --install todo-chatbot $CASE/chart "
}

t_skip_build() {
  new_case
  EXTRA_ENV=(SKIP_BUILD=1)
  run up.sh
  expect "refused without images" rc_is 1
  expect "the reason" err_has "todo-chatbot-api:0.1.0 is not in the cluster: run without SKIP_BUILD"
  printf '%s\n' todo-chatbot-api:0.1.0 todo-chatbot-web:0.1.0 >"$STATE/images"
  : >"$LOG/calls.log"
  run up.sh --set api.replicaCount=2
  EXTRA_ENV=()
  expect "exit 0 with the images there" rc_is 0
  expect "no build" calls_lack 'build'
  expect "extra helm arguments passed through" calls_have 'upgrade --install .* --set api\.replicaCount=2 --wait'
}

t_down_keeps_data() {
  new_case
  touch "$STATE/running" "$STATE/release"
  run down.sh
  expect "exit 0" rc_is 0
  expect "helm uninstall" calls_have '^helm --kube-context todo-chatbot --namespace todo-chatbot uninstall todo-chatbot --wait --timeout 5m$'
  expect "nothing deleted with kubectl" calls_lack '^kubectl .* delete'
  expect "the kept volume listed" out_has "persistentvolumeclaim/data-todo-chatbot-postgresql-0"
  expect "how to delete it" out_has "--delete-data"
  expect "every call to name the profile's context" every_call_targets_profile
}

t_down_deletes_data() {
  new_case
  touch "$STATE/running" "$STATE/release"
  run down.sh --delete-data
  expect "exit 0" rc_is 0
  expect "uninstall, then delete the release's volumes and Secrets" in_order \
    '^helm .* uninstall todo-chatbot' \
    '^kubectl --context todo-chatbot --namespace todo-chatbot delete persistentvolumeclaims,secrets --selector app\.kubernetes\.io/instance=todo-chatbot --ignore-not-found --wait=true$'
  : >"$LOG/calls.log"
  run down.sh --delete-data
  expect "a second run to succeed" rc_is 0
  expect "a second run to say there is no release" out_has 'Release "todo-chatbot" is not installed'
  expect "no second uninstall" calls_lack 'uninstall'
}

t_down_cluster() {
  new_case
  touch "$STATE/running" "$STATE/release"
  run down.sh --delete-cluster
  expect "exit 0" rc_is 0
  expect "minikube delete of the profile" calls_have '^minikube --profile todo-chatbot delete$'
  new_case
  run down.sh
  expect "a stopped cluster to be no error" rc_is 0
  expect "the explanation" out_has 'is not running: nothing to remove'
  run down.sh --bogus
  expect "an unknown flag refused" rc_is 1
}

t_demo() {
  new_case
  touch "$STATE/running" "$STATE/release"
  EXTRA_ENV=(STUB_INGRESS_DOWN=1 "DEMO_PASSWORD=$DEMO_SECRET" FORWARD_PORT=18080)
  run demo.sh
  EXTRA_ENV=()
  expect "exit 0" rc_is 0
  expect "a port-forward when the ingress host does not answer" calls_have '^kubectl --context todo-chatbot --namespace todo-chatbot port-forward service/todo-chatbot-web 18080:8080$'
  expect "the port-forward stopped at the end" process_gone "$(cat "$STATE/port-forward.pid")"
  expect "the password sent in a request body" grep -qF "$DEMO_SECRET" "$STATE/last-account.json"
  expect "no password or token in any argument or output" no_secret_anywhere "$DEMO_SECRET" "$SESSION_SECRET"
  expect "every call to name the profile's context" every_call_targets_profile
  expect "the private directory removed on exit" private_dir_removed
}

t_demo_counts_failures() {
  new_case
  touch "$STATE/running" "$STATE/release"
  EXTRA_ENV=(TODO_URL=http://todo.local STUB_FAIL_EVERY=2 STUB_NO_DB=1)
  run demo.sh
  EXTRA_ENV=()
  expect "exit 1 when requests failed" rc_is 1
  local total failures
  total="$(count_calls '^curl .*/api/me/tasks\?limit=1$')"
  failures=$((total / 2))
  expect "some requests during the restart" [ "$total" -ge 2 ]
  expect "the failures counted ($failures of $total)" err_has "$total requests during the rolling restart, $failures failed"
  expect "no port-forward with TODO_URL" calls_lack 'port-forward'
  expect "an API pod deleted when the database is external" calls_have 'delete pod todo-chatbot-api-5d9c7b-abcde --wait=true$'
}

t_mcp_token() {
  new_case
  touch "$STATE/running" "$STATE/release"
  EXTRA_ENV=(TODO_URL=http://todo.local TODO_EMAIL=ops@example.com "TODO_PASSWORD=$DEMO_SECRET")
  run mcp-token.sh
  EXTRA_ENV=()
  expect "exit 0" rc_is 0
  # The two ends of a pipe start together: their order in the log is not fixed.
  expect "the Secret rendered from a private file, then labelled" in_order \
    '^kubectl --context todo-chatbot --namespace todo-chatbot create secret generic todo-chatbot-mcp --from-file=authorization=[^ ]+/authorization --dry-run=client --output yaml$' \
    '^kubectl .* label secret todo-chatbot-mcp app\.kubernetes\.io/instance=todo-chatbot --overwrite$'
  expect "the Secret applied from stdin" calls_have '^kubectl --context todo-chatbot --namespace todo-chatbot apply --filename -$'
  local applied=("$LOG"/applied-*.yaml) value
  value="$(sed -n 's/^  authorization: //p' "${applied[0]}" 2>/dev/null | base64 -d 2>/dev/null || true)"
  expect "the Secret to hold 'Bearer <token>'" [ "$value" = "Bearer $TOKEN_SECRET" ]
  expect "no password, session or token in any argument or output" no_secret_anywhere "$DEMO_SECRET" "$SESSION_SECRET" "$TOKEN_SECRET"
  expect "the token's public prefix shown" out_has "todo_stubtok"
  expect "how to enable the agent" out_has "--set kagent.enabled=true --set kagent.mcp.authSecretName=todo-chatbot-mcp"
  expect "the private directory removed on exit" private_dir_removed
}

# ---- with the real chart and the docs -----------------------------------------------------------------
node_ok() { command -v node >/dev/null 2>&1 && node -e 'process.exit(+process.versions.node.split(".")[0] >= 24 ? 0 : 1)' && [ -d "$ROOT/node_modules/yaml" ]; }

t_values_render() {
  expect "Node 24 and node_modules (npm ci)" node_ok
  node_ok || return 0
  local helm rendered
  helm="$(cd "$ROOT" && node --input-type=module -e "const m = await import('./tests/chart/helpers/tools.ts'); m.ensureTools(); console.log(m.helmBinary('helm4'))")"
  expect "the generated values of a plain run (t_first_run)" [ -s "$TMP/first-up-values.yaml" ]
  expect "the generated values with secrets (t_secrets)" [ -s "$TMP/secrets-up-values.yaml" ]
  [ -s "$TMP/secrets-up-values.yaml" ] || return 0
  rendered="$TMP/rendered.yaml"
  local rc=0
  KUBECONFIG=/dev/null HELM_CACHE_HOME="$TMP/helm" HELM_CONFIG_HOME="$TMP/helm" HELM_DATA_HOME="$TMP/helm" \
    "$helm" template todo-chatbot "$ROOT/deploy/helm/todo-chatbot" --namespace todo-chatbot \
    --values "$ROOT/deploy/helm/todo-chatbot/values-local.yaml" --values "$TMP/secrets-up-values.yaml" \
    --values "$TMP/secrets-secret-values.yaml" >"$rendered" 2>"$TMP/render.err" || rc=$?
  expect "the chart (and its values.schema.json) to accept what up.sh generates: $(head -c 300 "$TMP/render.err")" [ "$rc" -eq 0 ]
  expect "the build id on the API pods" grep -qF 'todo-chatbot/build-id: test-build-1' "$rendered"
  expect "the port-forward origin trusted" grep -qF 'TRUSTED_ORIGINS: "http://localhost:8080,http://127.0.0.1:8080"' "$rendered"
  expect "the openai provider in the ConfigMap" grep -qF 'LLM_PROVIDER: "openai"' "$rendered"
  expect "the key in the chart's Secret, not the ConfigMap" bash -c "grep -qF 'OPENAI_API_KEY: \"$(printf '%s' "$OPENAI_SECRET" | base64 | tr -d '\n')\"' '$rendered' && ! grep -qF '$OPENAI_SECRET' '$rendered'"
}

t_docs() {
  expect "Node 24 and node_modules (npm ci)" node_ok
  node_ok || return 0
  expect "docs/deployment.md and docs/ai-operations.md to pass their checks" \
    node "$HERE/check-docs.ts"
}

test_case "shellcheck passes on every script" t_shellcheck
test_case "every script prints its usage with --help and runs nothing" t_help
test_case "up.sh names each missing prerequisite with where to get it" t_missing_all
test_case "up.sh names only the prerequisite that is missing" t_missing_one
test_case "up.sh stops when docker is installed but not running" t_engine_down
test_case "up.sh asks for the engine MINIKUBE_DRIVER names" t_podman_driver
test_case "up.sh refuses a short BETTER_AUTH_SECRET or a key with a newline, without printing them" t_short_auth_secret
test_case "up.sh: start, addons, build into Minikube, helm upgrade --install, rollout, helm test, URL" t_first_run
test_case "up.sh twice: reuses the cluster and upgrades in place with the same command" t_second_run
test_case "up.sh rolls the pods when the sources change" t_changed_sources_roll
test_case "up.sh passes secrets in a private values file, never in arguments or output" t_secrets
test_case "up.sh uses minikube image build when Minikube runs no Docker engine" t_minikube_builder
test_case "up.sh catches a failed build that minikube image build reports as success" t_build_failure
test_case "up.sh reads the image tag from the chart's appVersion" t_app_version_from_chart
test_case "up.sh SKIP_BUILD and extra helm arguments" t_skip_build
test_case "down.sh uninstalls and keeps the data by default" t_down_keeps_data
test_case "down.sh --delete-data deletes volumes and Secrets, and is idempotent" t_down_deletes_data
test_case "down.sh --delete-cluster, a stopped cluster, a bad flag" t_down_cluster
# What demo.sh does runs for real on the cluster suite's cluster (tests/cluster/11-*); here only
# what a real run cannot show: arguments and files.
test_case "demo.sh keeps the password and token out of every argument and stops its port-forward" t_demo
test_case "demo.sh counts failed requests and fails the run" t_demo_counts_failures
test_case "mcp-token.sh stores Bearer <token> in a Secret without exposing it" t_mcp_token
test_case "the values up.sh generates render with the real chart" t_values_render
test_case "the deployment and AI-operations guides match the chart, kagent's CRDs and the tools' flags" t_docs

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
