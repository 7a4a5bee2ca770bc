#!/usr/bin/env bash
# Installs the independent checkers (docs/quality.md) outside the checkout, keyed by their pins,
# so a warm machine only checks that they are there. Prints `export QUALITY_BIN=…` for eval.
#   Python tools: tests/quality/python/*.txt (exact versions of everything, from PyPI)
#   Go tools:     tests/quality/tools/go.mod (tool directives, from the Go module proxy)
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="${TODO_CHATBOT_CACHE:-$HOME/.cache/todo-chatbot}/quality"
key() { sha256sum "$@" | sha256sum | cut -c1-12; }

# One virtual environment per file in tests/quality/python/ (their pins conflict: checkov wants
# an older `packaging`). A venv names its interpreter by absolute path, so each is built in place;
# the marker, written last, tells a finished install from an interrupted one.
bins=()
for lock in tests/quality/python/*.txt; do
  env_dir="$cache/python-$(basename "$lock" .txt)-$(key "$lock")"
  if [ ! -f "$env_dir/.installed" ]; then
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    echo "[quality] installing $lock into $env_dir" >&2
    rm -rf "$env_dir"
    python3 -m venv "$env_dir"
    "$env_dir/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$lock" >&2
    touch "$env_dir/.installed"
  fi
  bins+=("$env_dir/bin")
done

go_bin="$cache/go-$(key tests/quality/tools/go.mod tests/quality/tools/go.sum)"
if [ ! -x "$go_bin/kube-score" ]; then
  echo "[quality] building the Go tools into $go_bin" >&2
  mkdir -p "$go_bin.tmp"
  (cd tests/quality/tools && GOBIN="$go_bin.tmp" GOFLAGS=-mod=mod go install tool) >&2
  rm -rf "$go_bin"
  mv -T "$go_bin.tmp" "$go_bin"
fi

echo "export QUALITY_BIN=$(IFS=:; echo "${bins[*]}"):$go_bin"
