#!/bin/sh
# The official postgres image's start-up contract, for the stand-in image: on an empty PGDATA,
# initdb with POSTGRES_USER and POSTGRES_PASSWORD, create POSTGRES_DB, then run the server.
set -eu

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- postgres "$@"; fi

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "error: the database is not initialised and POSTGRES_PASSWORD is empty" >&2
    exit 1
  fi
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$user" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA"
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

  # Only the local socket while the database is created, as upstream does.
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start
  if [ "$database" != postgres ]; then
    echo 'CREATE DATABASE :"db"' | psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres -v db="$database"
  fi
  pg_ctl -D "$PGDATA" -w -m fast stop
  echo "PostgreSQL init process complete; ready for start up."
fi

exec "$@"
