#!/usr/bin/env bash
# Gets Debian's PostgreSQL ready for the test suites and prints the variables they read:
#   eval "$(bash scripts/test-postgres.sh)"
# Installs the server when it is missing, starts the cluster without systemd, and (re)creates a
# role allowed to create databases plus the database "test", reachable at 127.0.0.1:5432.
# Debian's pg_hba.conf asks for a password on 127.0.0.1, so the role gets one; it is generated
# once and kept outside the checkout, so a developer's exported URL stays valid across runs.
# Needs root (apt-get, and psql as the postgres superuser over the local socket).
set -euo pipefail

role="${TEST_PG_ROLE:-todo_test}"
state_dir="${TODO_CHATBOT_CACHE:-$HOME/.cache/todo-chatbot}"
password_file="$state_dir/postgres-password"
say() { echo "$*" >&2; }

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  say "--- installing Debian's postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -V | tail -n 1)"

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  say "PostgreSQL $version did not accept connections on 127.0.0.1:5432 within 30 s; its log:"
  tail -n 30 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
  exit 1
fi

mkdir -p "$state_dir"
if [ ! -s "$password_file" ]; then
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$password_file")
fi
password="$(cat "$password_file")"

as_superuser() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
as_superuser -v role="$role" -v password="$password" <<'SQL' >&2
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password')
\gexec
-- The suites drop their databases WITH (FORCE), which must end every session in them, an
-- autovacuum worker's included: that takes pg_signal_backend.
SELECT format('GRANT pg_signal_backend TO %I', :'role')
\gexec
SELECT format('CREATE DATABASE test OWNER %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'test')
\gexec
SQL

admin_url="postgres://$role:$password@127.0.0.1:5432"
echo "export TEST_DATABASE_URL='$admin_url/test'"
echo "export PG_ADMIN_URL='$admin_url'"
echo "export BENCH_PG_ADMIN_URL='$admin_url/postgres'"
