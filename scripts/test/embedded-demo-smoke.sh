#!/usr/bin/env bash
# Proves command 1 works with nothing else running: `npm run demo` with no DATABASE_URL
# starts embedded PostgreSQL, migrates, seeds, serves; we wait for the sign-in page, then stop it.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${SMOKE_PORT:-3055}"
log="$(mktemp)"
env -u DATABASE_URL PORT="$port" EMBEDDED_PG_PORT="${SMOKE_PG_PORT:-54339}" npm run demo >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/sign-in" 2>/dev/null | grep -q "Sign in"; then
    grep -q "demo-password-1" "$log" || { sleep 2; }
    echo "Embedded demo served the sign-in page on port $port."
    grep -E "running at|demo.test" "$log" | head -8 || true
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm run demo exited early:"; cat "$log"; exit 1; fi
  sleep 2
done
echo "Timed out waiting for the embedded demo:"; tail -50 "$log"; exit 1
