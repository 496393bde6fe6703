#!/usr/bin/env bash
# Issue 15: a real streaming replica to test the read-replica option against. Makes a throwaway
# PostgreSQL primary and a hot standby of it (pg_basebackup -R: physical streaming replication)
# in a temporary folder, runs COMMAND with
#   DATABASE_URL=the primary's server, DATABASE_REPLICA_URL=the standby's server,
# then stops both and deletes the folder, whatever COMMAND did. Uses the machine's PostgreSQL
# binaries (initdb, pg_ctl, pg_basebackup; the packaged embedded PostgreSQL has no pg_basebackup).
# As root, the servers run as the `postgres` OS user (PostgreSQL refuses to run as root).
#
#   bash scripts/test/streaming-replica.sh [--ports PRIMARY,STANDBY] COMMAND…
#   e.g. bash scripts/test/streaming-replica.sh npx vitest run --project integration tests/integration/read-replica.test.ts
set -euo pipefail
cd "$(dirname "$0")/../.."

primary_port=54415
standby_port=54416
if [ "${1:-}" = "--ports" ]; then
  IFS=, read -r primary_port standby_port <<<"$2"
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [--ports PRIMARY,STANDBY] COMMAND…"; exit 2; }

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_basebackup" ]; then bindir="$(pg_config --bindir)"; fi
if [ -z "$bindir" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
fi
[ -n "$bindir" ] && [ -x "$bindir/pg_basebackup" ] || {
  echo "FAILED: no PostgreSQL server binaries with pg_basebackup (install postgresql, e.g. apt-get install postgresql)."
  exit 1
}
for port in "$primary_port" "$standby_port"; do
  if [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then echo "FAILED: port $port is taken."; exit 1; fi
done

work="$(mktemp -d /tmp/cp-replica.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"

cleanup() {
  local code=$?
  for dir in standby primary; do
    [ -f "$work/$dir/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$work/$dir" -m fast -w -t 20 stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT INT TERM

started=$SECONDS
echo "Primary on 127.0.0.1:$primary_port, streaming standby on 127.0.0.1:$standby_port (PostgreSQL in $bindir, data in $work)."
as_pg "$bindir/initdb" -D "$work/primary" -U postgres --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; exit 1; }
# Throwaway servers: durability off for speed. wal_level replica and the replication entries of
# pg_hba.conf (trust from 127.0.0.1) are initdb's defaults.
cat >>"$work/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$work'
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_senders = 4
max_connections = 60
EOF
as_pg "$bindir/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w -t 60 start >/dev/null ||
  { cat "$work/primary.log"; exit 1; }
# A copy of the primary that keeps following it: -R writes standby.signal and primary_conninfo.
as_pg "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$work/standby" -R -X stream
echo "port = $standby_port" >>"$work/standby/postgresql.conf"
as_pg "$bindir/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w -t 60 start >/dev/null ||
  { cat "$work/standby.log"; exit 1; }

psql_at() { "$bindir/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc "$2"; }
for _ in $(seq 1 60); do
  if [ "$(psql_at "$primary_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ] &&
    [ "$(psql_at "$standby_port" "SELECT pg_is_in_recovery()")" = t ]; then
    break
  fi
  sleep 0.5
done
[ "$(psql_at "$standby_port" "SELECT pg_is_in_recovery()")" = t ] || { echo "FAILED: the standby is not in recovery."; tail -20 "$work/standby.log"; exit 1; }
[ "$(psql_at "$primary_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ] ||
  { echo "FAILED: the standby is not streaming."; tail -20 "$work/standby.log"; exit 1; }
echo "The standby is streaming ($((SECONDS - started)) s)."

set +e
DATABASE_URL="postgresql://postgres@127.0.0.1:$primary_port/postgres" \
  DATABASE_REPLICA_URL="postgresql://postgres@127.0.0.1:$standby_port/postgres" "$@"
code=$?
set -e
[ "$code" = 0 ] || { echo "--- the standby's log:"; tail -20 "$work/standby.log"; }
exit "$code"
