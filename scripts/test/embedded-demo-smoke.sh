#!/usr/bin/env bash
# Proves command 1 works with nothing else running: `npm run demo` with no DATABASE_URL
# starts embedded PostgreSQL, migrates, seeds, serves; we wait for the sign-in page. Then it
# proves stopping stops everything (issue 17): SIGTERM to the npm process, and within 10 s no
# process of the run is left and ports 3055 and 54339 are free. Then the same for `npm run dev`,
# whose start also shows that PostgreSQL had been given a clean (fast) shutdown.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/test/lib/stop-checks.sh
port="${SMOKE_PORT:-3055}"
pg_port="${SMOKE_PG_PORT:-54339}"
log="$(mktemp)"
session=""
trap 'if [ -n "$session" ]; then kill -KILL -- -"$session" 2>/dev/null || true; fi; rm -f "$log"' EXIT

for p in "$port" "$pg_port"; do
  if port_in_use "$p"; then echo "Port $p is taken before the test starts:"; ss -Hltnp "sport = :$p"; exit 1; fi
done

echo "--- npm run demo"
start_session "$log" env -u DATABASE_URL PORT="$port" EMBEDDED_PG_PORT="$pg_port" npm run demo
if ! wait_for_page "http://127.0.0.1:$port/sign-in" "Sign in" 600; then tail -50 "$log"; exit 1; fi
echo "Embedded demo served the sign-in page on port $port."
grep -E "running at|Embedded PostgreSQL data|demo.test" "$log" | head -9 || true
stop_and_check 10 "$port" "$pg_port" || { tail -30 "$log"; exit 1; }

echo "--- npm run dev"
start_session "$log" env -u DATABASE_URL PORT="$port" EMBEDDED_PG_PORT="$pg_port" EMBEDDED_PG_LOG=1 npm run dev
if ! wait_for_page "http://127.0.0.1:$port/sign-in" "Sign in" 600; then tail -50 "$log"; exit 1; fi
echo "The development server served the sign-in page on port $port."
assert_clean_restart "$log"
stop_and_check 10 "$port" "$pg_port" || { tail -30 "$log"; exit 1; }
