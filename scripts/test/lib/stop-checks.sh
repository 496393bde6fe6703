#!/usr/bin/env bash
# Shared by the start/stop tests (issue 17) and the first-run traps (issue 18). Source it.
#
# start_session LOG CMD… — runs CMD in a new session (setsid: its pid is the session id and,
#   because setsid does not fork here, the pid of CMD itself, i.e. npm), output to LOG; sets $session.
# wait_for_page URL TEXT SECONDS — until URL serves TEXT, or the session ends, or time runs out.
# stop_and_check SECONDS PORT… — SIGTERM to the session's first process (npm), then fails unless
#   every process of the session is gone and every PORT is free within SECONDS.
# assert_clean_restart LOG — the embedded PostgreSQL's start log shows the last stop was clean.

port_in_use() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

start_session() {
  local log="$1"; shift
  setsid "$@" >"$log" 2>&1 &
  session=$!
}

session_processes() { ps -o pid=,args= -s "$session" 2>/dev/null || true; }

wait_for_page() {
  local url="$1" text="$2" seconds="$3"
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS --max-time 5 "$url" 2>/dev/null | grep -q "$text"; then return 0; fi
    if ! kill -0 "$session" 2>/dev/null; then echo "The command ended before serving $url."; return 1; fi
    sleep 1
  done
  echo "Timed out after ${seconds}s waiting for $url."; return 1
}

stop_and_check() {
  local seconds="$1"; shift
  local started=$SECONDS
  echo "Sending SIGTERM to npm (process $session)…"
  kill -TERM "$session"
  while (( SECONDS - started <= seconds )); do
    local left busy="" port
    left="$(session_processes)"
    for port in "$@"; do port_in_use "$port" && busy="$busy $port"; done
    if [ -z "$left" ] && [ -z "$busy" ]; then
      echo "Everything stopped within $(( SECONDS - started ))s; ports $* are free."
      return 0
    fi
    sleep 0.5
  done
  echo "FAILED: ${seconds}s after SIGTERM, still running:"; session_processes
  local port; for port in "$@"; do port_in_use "$port" && { echo "port $port still taken:"; ss -Hltnp "sport = :$port"; }; done
  # Leave nothing behind for the next run (the session, and whatever holds the test's ports), then fail.
  kill -KILL -- -"$session" 2>/dev/null || true
  for port in "$@"; do
    local pid
    pid="$(ss -Hltnp "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
    [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null || true
  done
  return 1
}

# After a run with EMBEDDED_PG_LOG=1: fails if PostgreSQL found it had not been shut down cleanly.
assert_clean_restart() {
  if grep -q "not properly shut down\|automatic recovery in progress" "$1"; then
    echo "FAILED: the embedded PostgreSQL needed crash recovery (it was not given a fast shutdown)."; return 1
  fi
  grep -q "database system was shut down at" "$1" || { echo "FAILED: no record of a clean shutdown in $1"; return 1; }
  echo "The embedded PostgreSQL had been shut down cleanly (no crash recovery)."
}
