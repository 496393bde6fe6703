#!/usr/bin/env bash
# Issue 17, the production start path: `npm start` (the built app, DATABASE_URL set) serves
# the health check; SIGTERM to the npm process stops it — every process gone and the port
# free within 10 s. Needs a production build (.next) and DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/test/lib/stop-checks.sh
: "${DATABASE_URL:?set DATABASE_URL (the migrated database the app should use)}"
port="${START_TEST_PORT:-3056}"
log="$(mktemp)"
session=""
trap 'if [ -n "$session" ]; then kill -KILL -- -"$session" 2>/dev/null || true; fi; rm -f "$log"' EXIT
start_session "$log" env PORT="$port" HOST=127.0.0.1 NEXTAUTH_SECRET="start-test-secret-0123456789" npm start
if ! wait_for_page "http://127.0.0.1:$port/api/health" '"UP"' 120; then tail -30 "$log"; exit 1; fi
echo "npm start serves the health check on port $port."
stop_and_check 10 "$port" || { tail -30 "$log"; exit 1; }
