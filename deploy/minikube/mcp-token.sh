#!/usr/bin/env bash
# Gives an AI agent (kagent, kubectl-ai) access to the app's own MCP server: signs in as one
# todo-chatbot account, creates a personal API token for it, and stores "Bearer <token>" in a
# Kubernetes Secret of the release's namespace, the Secret the chart's kagent RemoteMCPServer
# reads (kagent.mcp.authSecretName, key kagent.mcp.authSecretKey). The token and the password
# never appear on a command line or in the output; running it again replaces the token in the
# Secret (revoke old ones in the web app's Settings).
#
#   TODO_EMAIL=ops@example.com deploy/minikube/mcp-token.sh [SECRET_NAME]
#
# Environment:
#   TODO_EMAIL       the account the agent acts for (required). Its tasks are all the agent sees.
#   TODO_PASSWORD    its password; asked for when unset and a terminal is attached
#   CREATE_ACCOUNT=1 sign the account up first (a fresh account just for the agent)
#   TODO_URL         the app's URL (default: the ingress host, else a port-forward)
#   TODO_TOKEN_NAME (kagent)  MCP_SECRET_KEY (authorization)
#   MINIKUBE_PROFILE, KUBE_CONTEXT, TODO_NAMESPACE, TODO_RELEASE as for up.sh
# SECRET_NAME defaults to <release>-mcp (todo-chatbot-mcp).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

print_help_if_asked "${1:-}"

secret="${1:-$TODO_RELEASE-mcp}"
key="${MCP_SECRET_KEY:-authorization}"
email="${TODO_EMAIL:-}"
[ -n "$email" ] || die "set TODO_EMAIL to the account the agent acts for (CREATE_ACCOUNT=1 signs it up)"
for tool in kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || die "missing: $tool"
done

umask 077
make_work_dir
trap 'stop_port_forward; rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

password="${TODO_PASSWORD:-}"
if [ -z "$password" ]; then
  [ -t 0 ] || die "set TODO_PASSWORD (no terminal to ask on)"
  read -r -s -p "Password for $email: " password
  echo
fi

resolve_url
if [ -n "${CREATE_ACCOUNT:-}" ]; then
  printf '{"name":"AI agent","email":%s,"password":%s}\n' "$(json_quote "$email")" "$(json_quote "$password")" >"$WORK/account.json"
  log "Signing up $email at $URL"
  http POST "$URL/api/auth/sign-up/email" "$WORK/account.json"
else
  printf '{"email":%s,"password":%s}\n' "$(json_quote "$email")" "$(json_quote "$password")" >"$WORK/account.json"
  log "Signing in as $email at $URL"
  http POST "$URL/api/auth/sign-in/email" "$WORK/account.json"
fi
rm -f "$WORK/account.json"
[ "$HTTP_STATUS" = 200 ] || die "the app answered $HTTP_STATUS: $(head -c 300 "$WORK/response.json" 2>/dev/null)"
save_auth_header || die "the app answered no set-auth-token header"

printf '{"name":%s}\n' "$(json_quote "${TODO_TOKEN_NAME:-kagent}")" >"$WORK/token-request.json"
http POST "$URL/api/me/tokens" "$WORK/token-request.json"
case "$HTTP_STATUS" in 2??) ;; *) die "creating a token answered $HTTP_STATUS: $(head -c 300 "$WORK/response.json")" ;; esac
token="$(json_field "$WORK/response.json" token)"
prefix="$(json_field "$WORK/response.json" prefix)"
[ -n "$token" ] || die "the token answer has no token"
printf 'Bearer %s' "$token" >"$WORK/authorization"
rm -f "$WORK/response.json"

log "Storing it in Secret $TODO_NAMESPACE/$secret (key $key)"
kc create secret generic "$secret" --from-file="$key=$WORK/authorization" \
  --dry-run=client --output yaml | kc apply --filename -
# Labelled as the release's, so `down.sh --delete-data` removes it with the rest.
kc label secret "$secret" "app.kubernetes.io/instance=$TODO_RELEASE" --overwrite >/dev/null
ok "Token ${prefix:-todo_…}… (shown once, stored only in the Secret) acts for $email."
info "Enable the kagent agent with it:"
info "  deploy/minikube/up.sh --set kagent.enabled=true --set kagent.mcp.authSecretName=$secret"
