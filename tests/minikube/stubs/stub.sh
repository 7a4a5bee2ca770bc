#!/usr/bin/env bash
# Stand-in for minikube, kubectl, helm, docker, podman and curl (chosen by the name it is run
# as). Each call appends its arguments, one line, to $STUB_LOG/calls.log, and the
# stand-ins keep just enough state in $STUB_STATE (cluster running, release installed, images
# built, the demo user's tasks) to behave like a small Minikube cluster.
#
# Knobs: STUB_RUNTIME=containerd (minikube docker-env fails), STUB_BUILD_FAIL=1 (builds fail;
# `minikube image build` still exits 0, as it really does), STUB_DOCKER_DOWN=1,
# STUB_INGRESS_DOWN=1 (http://todo.local does not answer), STUB_FAIL_EVERY=N (every Nth
# GET /api/me/tasks?limit=1 answers 502), STUB_NO_DB=1 (no StatefulSet: external database).
set -euo pipefail

tool="$(basename "$0")"
: "${STUB_LOG:?}" "${STUB_STATE:?}"
# One write per line: the demo's request loop calls curl while kubectl runs, and separate
# writes from the two would interleave.
call="$tool$(printf ' %s' "$@")"
printf '%s\n' "$call" >>"$STUB_LOG/calls.log"
printf '%s\t%s\n' "$tool" "$PWD" >>"$STUB_LOG/cwd.log"

has() { # has WORD ARGS...: whether WORD is one of the arguments
  local word="$1" arg
  shift
  for arg in "$@"; do [ "$arg" = "$word" ] && return 0; done
  return 1
}
# value_of FLAG ARGS...: the argument after FLAG, or the value of FLAG=...
value_of() {
  local flag="$1" previous='' arg
  shift
  for arg in "$@"; do
    if [ "$previous" = "$flag" ]; then
      printf '%s\n' "$arg"
      return 0
    fi
    case "$arg" in "$flag="*) printf '%s\n' "${arg#*=}"; return 0 ;; esac
    previous="$arg"
  done
  return 1
}
release_installed() { [ -e "$STUB_STATE/release" ]; }

minikube_stub() {
  local args=("$@") i=0
  # Drop --profile NAME; the tests check it separately in calls.log.
  local rest=()
  while [ $i -lt ${#args[@]} ]; do
    if [ "${args[$i]}" = --profile ] || [ "${args[$i]}" = -p ]; then
      i=$((i + 2))
      continue
    fi
    rest+=("${args[$i]}")
    i=$((i + 1))
  done
  case "${rest[0]:-} ${rest[1]:-}" in
    "status "*)
      if [ -e "$STUB_STATE/running" ]; then
        echo "host: Running"
        return 0
      fi
      echo "host: Stopped"
      return 7
      ;;
    "start "*)
      touch "$STUB_STATE/running"
      echo "Done! kubectl is now configured to use \"todo-chatbot\" cluster"
      ;;
    "addons enable") echo "The '${rest[2]}' addon is enabled" ;;
    "docker-env "*)
      if [ "${STUB_RUNTIME:-docker}" != docker ]; then
        echo 'X Exiting due to MK_USAGE: The docker-env command is only compatible with the "docker" runtime' >&2
        return 14
      fi
      echo 'export DOCKER_TLS_VERIFY="1"'
      echo 'export DOCKER_HOST="tcp://192.168.49.2:2376"'
      echo 'export DOCKER_CERT_PATH="/home/me/.minikube/certs"'
      echo 'export MINIKUBE_ACTIVE_DOCKERD="todo-chatbot"'
      ;;
    "image build")
      local tag
      tag="$(value_of --tag "${rest[@]}")"
      if [ -n "${STUB_BUILD_FAIL:-}" ]; then
        echo "ERROR: failed to solve: process did not complete successfully" >&2
        return 0 # like minikube (kubernetes/minikube#16576)
      fi
      echo "$tag" >>"$STUB_STATE/images"
      ;;
    "image ls")
      if [ -e "$STUB_STATE/images" ]; then sed 's|^|docker.io/library/|' "$STUB_STATE/images"; fi
      echo "registry.k8s.io/pause:3.10"
      ;;
    "ip "*) echo "192.168.49.2" ;;
    "service "*) echo "http://192.168.49.2:31080" ;;
    "delete "*)
      rm -f "$STUB_STATE/running" "$STUB_STATE/release" "$STUB_STATE/images"
      echo "Deleted"
      ;;
    *) echo "stub minikube: unexpected: ${rest[*]}" >&2 && return 64 ;;
  esac
}

docker_stub() {
  case "${1:-}" in
    info)
      if [ -n "${STUB_DOCKER_DOWN:-}" ]; then
        echo "Cannot connect to the Docker daemon" >&2
        return 1
      fi
      echo "Server Version: 28.0.0"
      ;;
    build)
      printf 'docker build\tDOCKER_HOST=%s\n' "${DOCKER_HOST:-}" >>"$STUB_LOG/env.log"
      if [ -n "${STUB_BUILD_FAIL:-}" ]; then
        echo "ERROR: failed to solve" >&2
        return 1
      fi
      # Only a build against Minikube's engine lands in the cluster.
      if [ "${DOCKER_HOST:-}" = "tcp://192.168.49.2:2376" ]; then
        value_of --tag "$@" >>"$STUB_STATE/images"
      fi
      ;;
    *) ;;
  esac
}

helm_stub() {
  local verb='' arg
  for arg in "$@"; do
    case "$arg" in -* | todo-chatbot | */*) ;; *) verb="$arg" && break ;; esac
  done
  case "$verb" in
    status)
      if release_installed; then
        echo "STATUS: deployed"
        return 0
      fi
      echo "Error: release: not found" >&2
      return 1
      ;;
    upgrade)
      # Keep a copy of each values file (and its mode): the originals are deleted on exit.
      local previous='' n=0
      mkdir -p "$STUB_LOG/values"
      for arg in "$@"; do
        if [ "$previous" = --values ] || [ "$previous" = -f ]; then
          n=$((n + 1))
          cp "$arg" "$STUB_LOG/values/$n-$(basename "$arg")"
          printf '%s\t%s\n' "$(stat -c %a "$arg" 2>/dev/null || stat -f %Lp "$arg")" "$arg" >>"$STUB_LOG/values/modes"
        fi
        previous="$arg"
      done
      touch "$STUB_STATE/release"
      echo "Release \"todo-chatbot\" has been upgraded. Happy Helming!"
      ;;
    test) echo "TEST SUITE:     todo-chatbot-test-e2e   Phase: Succeeded" ;;
    uninstall)
      rm -f "$STUB_STATE/release"
      echo "release \"todo-chatbot\" uninstalled"
      ;;
    *) echo "stub helm: unexpected: $*" >&2 && return 64 ;;
  esac
}

kubectl_stub() {
  local args=("$@") rest=() i=0
  while [ $i -lt ${#args[@]} ]; do
    case "${args[$i]}" in
      --context | --namespace | -n) i=$((i + 2)) ;;
      *)
        rest+=("${args[$i]}")
        i=$((i + 1))
        ;;
    esac
  done
  local selector
  selector="$(value_of --selector "${rest[@]}" || true)"
  case "${rest[0]:-} ${rest[1]:-}" in
    "rollout status") echo "${rest[2]} successfully rolled out" ;;
    "rollout restart") echo "${rest[2]} restarted" ;;
    "scale "*) echo "${rest[1]} scaled" ;;
    "get deployment")
      release_installed || return 0
      case "$selector" in
        *component=api*) echo "deployment.apps/todo-chatbot-api" ;;
        *component=web*) echo "deployment.apps/todo-chatbot-web" ;;
        *) printf '%s\n' deployment.apps/todo-chatbot-api deployment.apps/todo-chatbot-web ;;
      esac
      ;;
    "get statefulset")
      release_installed || return 0
      [ -z "${STUB_NO_DB:-}" ] || return 0
      echo "statefulset.apps/todo-chatbot-postgresql"
      ;;
    "get service")
      release_installed || return 0
      if has name "${rest[@]}"; then echo "service/todo-chatbot-web"; else printf '8080'; fi
      ;;
    "get ingress")
      release_installed || return 0
      printf 'todo.local'
      ;;
    "get pods")
      release_installed || return 0
      if has name "${rest[@]}"; then
        echo "pod/todo-chatbot-api-5d9c7b-abcde"
        return 0
      fi
      echo "NAME                              READY   STATUS    RESTARTS   AGE"
      echo "todo-chatbot-api-5d9c7b-abcde     1/1     Running   0          1m"
      echo "todo-chatbot-web-7f8d6c-fghij     1/1     Running   0          1m"
      echo "todo-chatbot-postgresql-0         1/1     Running   0          1m"
      ;;
    "get persistentvolumeclaims,secrets")
      echo "persistentvolumeclaim/data-todo-chatbot-postgresql-0"
      echo "secret/todo-chatbot"
      echo "secret/todo-chatbot-postgresql"
      ;;
    "delete pod")
      echo "pod \"${rest[2]}\" deleted"
      echo 1 >"$STUB_STATE/db-down"
      ;;
    "delete persistentvolumeclaims,secrets") echo "persistentvolumeclaim \"data-todo-chatbot-postgresql-0\" deleted" ;;
    "port-forward "*)
      echo $$ >"$STUB_STATE/port-forward.pid"
      echo "Forwarding from 127.0.0.1:${rest[2]%%:*} -> 8080"
      exec sleep 30
      ;;
    "create secret")
      # --from-file=KEY=PATH --dry-run=client --output yaml: print the Secret, as kubectl does.
      local from key path
      from="$(value_of --from-file "${rest[@]}")"
      key="${from%%=*}" path="${from#*=}"
      printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\ndata:\n  %s: %s\n' \
        "${rest[3]}" "$key" "$(base64 <"$path" | tr -d '\n')"
      ;;
    "apply --filename")
      cat >"$STUB_LOG/applied-$(date +%s%N).yaml"
      echo "secret/configured"
      ;;
    "label secret") echo "secret/${rest[2]} labeled" ;;
    *) echo "stub kubectl: unexpected: ${rest[*]}" >&2 && return 64 ;;
  esac
}

# ---- curl: a tiny todo-chatbot ------------------------------------------------------------------
curl_stub() {
  local method=GET output='' headers_out='' write_out='' fail='' url='' body_file='' auth=''
  while [ $# -gt 0 ]; do
    case "$1" in
      --request | -X) method="$2" && shift ;;
      --output | -o) output="$2" && shift ;;
      --dump-header | -D) headers_out="$2" && shift ;;
      --write-out | -w) write_out="$2" && shift ;;
      --header | -H)
        case "$2" in @*) auth="$(cat "${2#@}")" ;; *) ;; esac
        shift
        ;;
      --data-binary | --data | -d)
        case "$2" in @*) body_file="${2#@}" ;; *) ;; esac
        [ "$method" != GET ] || method=POST
        shift
        ;;
      --max-time | -m) shift ;;
      --fail | -f) fail=1 ;;
      -*) ;;
      *) url="$1" ;;
    esac
    shift
  done
  local host path status=200 body='' extra_header=''
  host="${url#*://}" host="${host%%/*}"
  path="/${url#*://*/}"
  [ "$path" != "/$url" ] || path=/
  if [ "$host" = todo.local ] && [ -n "${STUB_INGRESS_DOWN:-}" ]; then
    [ -z "$write_out" ] || printf '000'
    echo "curl: (7) Failed to connect to todo.local port 80" >&2
    return 7
  fi
  local tasks="$STUB_STATE/tasks.tsv"
  touch "$tasks"
  case "$method $path" in
    "GET /healthz") body=ok ;;
    "GET /api/assistant") body='{"provider":"local","model":"todo-chatbot-local"}' ;;
    "POST /api/auth/sign-up/email" | "POST /api/auth/sign-in/email")
      grep -q '"password":"' "$body_file" || status=422
      cp "$body_file" "$STUB_STATE/last-account.json"
      extra_header="set-auth-token: stubsession-SECRET-4242"
      body='{"user":{"id":"u1","email":"demo@example.com"}}'
      ;;
    "POST /api/me/"* | "GET /api/me/"*)
      case "$auth" in
        "authorization: Bearer stubsession-SECRET-4242") ;;
        *) status=401 body='{"error":{"code":"unauthorized"}}' ;;
      esac
      ;;
    *) status=404 body='{"error":{"code":"not_found"}}' ;;
  esac
  if [ "$status" = 200 ]; then
    case "$method $path" in
      "POST /api/me/chat")
        local message
        message="$(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$body_file")"
        case "$message" in
          "Buy milk"*)
            printf 'false\tBuy milk\n' >>"$tasks"
            body='{"conversation_id":7,"message_id":1,"response":"Added \"Buy milk\" (due Sun 22 Nov, 6:00 PM, #home).","tool_calls":[]}'
            ;;
          "add high priority"*)
            printf 'false\tFinish the slides\n' >>"$tasks"
            body='{"conversation_id":7,"message_id":2,"response":"Added \"Finish the slides\" (high priority).","tool_calls":[]}'
            ;;
          "mark buy milk"*)
            sed -i.bak 's/^false\tBuy milk$/true\tBuy milk/' "$tasks"
            body='{"conversation_id":7,"message_id":4,"response":"Done! Marked \"Buy milk\" as complete.","tool_calls":[]}'
            ;;
          *) body='{"conversation_id":7,"message_id":3,"response":"You have 2 pending tasks:\n1. Buy milk\n2. Finish the slides","tool_calls":[]}' ;;
        esac
        ;;
      "GET /api/me/tasks"*)
        if [ -e "$STUB_STATE/db-down" ]; then
          local left
          left="$(cat "$STUB_STATE/db-down")"
          if [ "$left" -gt 0 ]; then
            echo $((left - 1)) >"$STUB_STATE/db-down"
            status=503 body='{"error":{"code":"database_unavailable"}}'
          fi
        fi
        if [ "$status" = 200 ] && [ "$path" = "/api/me/tasks?limit=1" ] && [ -n "${STUB_FAIL_EVERY:-}" ]; then
          local count=0
          [ ! -e "$STUB_STATE/loop-count" ] || count="$(cat "$STUB_STATE/loop-count")"
          count=$((count + 1))
          echo "$count" >"$STUB_STATE/loop-count"
          if [ $((count % STUB_FAIL_EVERY)) -eq 0 ]; then status=502 body='bad gateway'; fi
        fi
        if [ "$status" = 200 ]; then
          body='{"tasks":['
          local n=0 completed title
          while IFS=$'\t' read -r completed title; do
            n=$((n + 1))
            [ "$n" -eq 1 ] || body="$body,"
            body="$body{\"id\":$n,\"title\":\"$title\",\"completed\":$completed,\"recurrence\":null}"
          done <"$tasks"
          body="$body],\"total\":$n,\"limit\":50,\"offset\":0}"
        fi
        ;;
      "POST /api/me/tokens")
        status=201
        body='{"id":3,"name":"kagent","prefix":"todo_stubtok","created_at":"2030-01-01T00:00:00Z","last_used_at":null,"token":"todo_stubtoken-SECRET-9876"}'
        ;;
      *) ;;
    esac
  fi
  if [ -n "$headers_out" ]; then
    printf 'HTTP/1.1 %s\r\n' "$status" >"$headers_out"
    [ -z "$extra_header" ] || printf '%s\r\n' "$extra_header" >>"$headers_out"
    printf '\r\n' >>"$headers_out"
  fi
  if [ -n "$fail" ] && [ "$status" -ge 400 ]; then
    [ -z "$write_out" ] || printf '%s' "$status"
    return 22
  fi
  if [ -n "$output" ]; then printf '%s' "$body" >"$output"; else printf '%s' "$body"; fi
  [ -z "$write_out" ] || printf '%s' "$status"
}

case "$tool" in
  minikube) minikube_stub "$@" ;;
  docker | podman) docker_stub "$@" ;;
  helm) helm_stub "$@" ;;
  kubectl) kubectl_stub "$@" ;;
  curl) curl_stub "$@" ;;
  *) echo "stub: unknown tool $tool" >&2 && exit 64 ;;
esac
