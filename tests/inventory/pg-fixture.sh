#!/usr/bin/env bash
# Throwaway PostgreSQL server for the inventory tests (ctest fixture 'inventory_pg').
#   pg-fixture.sh start DIR PORT   initdb in DIR/data (trust auth, loopback + socket in DIR),
#                                  start on 127.0.0.1:PORT, pre-create the kyso_* group roles
#   pg-fixture.sh stop DIR PORT    stop it and delete DIR
# initdb refuses to run as root, so as root everything runs as the 'postgres' user (runuser).
# When the server binaries are missing: exit 0 and leave no server (the tests then skip loudly),
# except under CI=true, where that is a failure.
set -euo pipefail
cmd=$1 dir=$2 port=$3
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || bin=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
  if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "pg-fixture: PostgreSQL server binaries not found" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 0
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE kyso_viewer NOLOGIN" -c "CREATE ROLE kyso_officer NOLOGIN" \
    -c "CREATE ROLE kyso_admin NOLOGIN"
  echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR PORT" >&2
  exit 64
  ;;
esac
