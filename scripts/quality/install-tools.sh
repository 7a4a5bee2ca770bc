#!/usr/bin/env bash
# Installs the independent checkers (docs/quality.md) outside the checkout, keyed by their pins,
# so a warm machine only checks that they are there. Prints `export QUALITY_BIN=…` for eval.
#   Python tools: tests/quality/python/*.txt (exact versions of everything, from PyPI)
#   Go tools:     tests/quality/tools/<tool>/go.mod (a tool directive, from the Go module proxy)
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="${TODO_CHATBOT_CACHE:-$HOME/.cache/todo-chatbot}/quality"
key() { sha256sum "$@" | sha256sum | cut -c1-12; }
mkdir -p "$cache"
# One installer at a time (test suites may start several); the others wait, then find it done.
exec 9>"$cache/.lock"
flock 9

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

# One module per Go tool (tests/quality/tools/<tool>/go.mod), so each builds with the
# dependency versions it was released with.
for module in tests/quality/tools/*/; do
  tool="$(basename "$module")"
  tool_bin="$cache/go-$tool-$(key "$module/go.mod" "$module/go.sum")"
  if [ ! -x "$tool_bin/$tool" ]; then
    echo "[quality] building $tool into $tool_bin" >&2
    rm -rf "$tool_bin.tmp" && mkdir -p "$tool_bin.tmp"
    (cd "$module" && GOBIN="$tool_bin.tmp" GOFLAGS=-mod=mod go install tool) >&2
    rm -rf "$tool_bin"
    mv -T "$tool_bin.tmp" "$tool_bin"
  fi
  bins+=("$tool_bin")
done

echo "export QUALITY_BIN=$(IFS=:; echo "${bins[*]}")"
