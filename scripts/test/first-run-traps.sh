#!/usr/bin/env bash
# Issue 18: the first command in the places a newcomer runs it. Each case ends with the app
# serving, or with its one-sentence message and an exit code other than 0:
#   1. port PORT taken by another program → "Port … (the web server) is already in use by node (process …"
#   2. the embedded PostgreSQL's port taken → "Port … (the embedded PostgreSQL) is already in use by node (process …"
#   3. a copy of the project in a private folder (mktemp -d, mode 700) whose path has a space:
#      a. as root with nowhere PostgreSQL's user can work → the three ways out;
#      b. a first run stopped (SIGTERM) right after the migrations, while seeding → stops cleanly;
#      c. the next run seeds the demo afresh and serves it (binaries and data outside the
#         private folder when root), then stops cleanly;
#   4. meanwhile this clone's demo on the same PostgreSQL port → "Port … is used by another embedded PostgreSQL"
# Uses the production build in .next (copied; SKIP_BUILD=1 so the copy never rebuilds). Ports 3057 and 54341.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/test/lib/stop-checks.sh
repo="$PWD"
web=3057
pg=54341
log="$(mktemp)"
flog="$(mktemp)"
holder=""
base="$(mktemp -d)" # mode 700, like root's home
outside=""
session=""
cleanup() {
  [ -n "$holder" ] && kill "$holder" 2>/dev/null || true
  [ -n "${session:-}" ] && kill -KILL -- -"$session" 2>/dev/null || true
  rm -rf "$base" "$log" "$flog"
  [ -n "$outside" ] && rm -rf "$outside"
  return 0
}
trap cleanup EXIT

expect_failure() { # MESSAGE-REGEX CMD… — the command fails (exit ≠ 0) printing MESSAGE
  local pattern="$1"; shift
  set +e; "$@" >"$flog" 2>&1; local code=$?; set -e
  if [ "$code" -eq 0 ] || ! grep -Eq "$pattern" "$flog"; then
    echo "FAILED: expected exit ≠ 0 and /$pattern/, got exit $code:"; cat "$flog"; exit 1
  fi
  if grep -q "    at " "$flog"; then echo "FAILED: a stack trace was printed:"; cat "$flog"; exit 1; fi
  echo "ok (exit $code): $(grep -E "$pattern" "$flog" | head -1)"
}

listen() { node -e "require('net').createServer(() => {}).listen($1, '127.0.0.1')" & holder=$!; sleep 1; }

echo "--- 1. the web port is taken"
listen "$web"
expect_failure "^Port $web \\(the web server\\) is already in use by node \\(process $holder.*PORT=$((web + 1)) npm run demo" \
  env -u DATABASE_URL PORT="$web" EMBEDDED_PG_PORT="$pg" npm run demo
kill "$holder"; holder=""

echo "--- 2. the embedded PostgreSQL's port is taken"
listen "$pg"
expect_failure "^Port $pg \\(the embedded PostgreSQL\\) is already in use by node \\(process $holder" \
  env -u DATABASE_URL PORT="$web" EMBEDDED_PG_PORT="$pg" npm run demo
kill "$holder"; holder=""

echo "--- 3. a copy in a private folder, with a space in its path"
clone="$base/community payback"
mkdir "$clone"
for entry in "$repo"/* "$repo"/.[!.]*; do
  name="$(basename "$entry")"
  case "$name" in
    .data|.git) ;;
    node_modules) cp -al "$entry" "$clone/$name" ;; # hard links: quick, and nothing writes there
    .next) rsync -a --exclude /cache --exclude /dev --exclude /trace "$entry/" "$clone/$name/" ;; # a real copy: the server writes its cache
    *) cp -a "$entry" "$clone/$name" ;;
  esac
done
ls -ld "$base" | awk '{print "private folder:", $1}'
skip_build=0
[ -f "$clone/.next/BUILD_ID" ] && skip_build=1

if [ "$(id -u)" = 0 ]; then
  echo "--- 3a. as root, with nowhere the postgres user can work"
  expect_failure '^PostgreSQL runs as the "postgres" user .*cannot enter .*Move the project .*run the command as a normal user.*set DATABASE_URL' \
    env -u DATABASE_URL PORT="$web" EMBEDDED_PG_PORT="$pg" EMBEDDED_PG_HOME="$base/private-home" npm --prefix "$clone" run demo
fi

echo "--- 3b. the first run is stopped while seeding"
start_session "$log" env -u DATABASE_URL PORT="$web" EMBEDDED_PG_PORT="$pg" SKIP_BUILD="$skip_build" npm --prefix "$clone" run demo
for _ in $(seq 1 600); do
  grep -q "migration(s)\|schema is up to date" "$log" && break
  kill -0 "$session" 2>/dev/null || { echo "FAILED: the first run ended early:"; cat "$log"; exit 1; }
  sleep 0.2
done
outside="$(sed -n 's|^Embedded PostgreSQL data: \(/var/lib/community-payback/[^ ]*\)/data$|\1|p' "$log")"
stop_and_check 10 "$web" "$pg" || { cat "$log"; exit 1; }
if grep -q "Seeded the demo data" "$log"; then echo "FAILED: the seed finished before the stop; the interruption was not tested."; cat "$log"; exit 1; fi
grep "Embedded PostgreSQL data" "$log"

echo "--- 3c. the next run starts the seed again and serves"
start_session "$log" env -u DATABASE_URL PORT="$web" EMBEDDED_PG_PORT="$pg" SKIP_BUILD="$skip_build" npm --prefix "$clone" run demo
if ! wait_for_page "http://127.0.0.1:$web/sign-in" "Sign in" 300; then cat "$log"; exit 1; fi
grep -q "Seeded the demo data" "$log" || { echo "FAILED: the second run did not seed the demo:"; cat "$log"; exit 1; }
echo "The copy in \"$clone\" serves the demo, seeded once after the interrupted run."

echo "--- 4. the embedded PostgreSQL's port is held by another copy's embedded server"
expect_failure "^Port $pg is used by another embedded PostgreSQL \\(data: .*community.payback.*\\), probably another copy of this project" \
  env -u DATABASE_URL PORT=$((web + 1)) EMBEDDED_PG_PORT="$pg" npm run demo
stop_and_check 10 "$web" "$pg" || { cat "$log"; exit 1; }
echo "First-run traps: all passed."
