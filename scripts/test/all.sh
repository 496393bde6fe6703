#!/usr/bin/env bash
# Command 2 of the README: every test tier, in order, failing fast.
#   static checks (types, lint, formatting, dead code) → unit (vitest) → integration (vitest, real PostgreSQL, fresh database)
#   → end-to-end (Playwright in Debian's Chromium, against a fresh seeded database)
# With DATABASE_URL set, integration and e2e create their databases on that server;
# without it they use the embedded PostgreSQL under .data/.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n=== %s ===\n' "$*"; }

step "Generate the Prisma client"
PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/prisma-engine-stub.sh" PRISMA_HIDE_UPDATE_MESSAGE=1 npx prisma generate >/dev/null

step "Type-check"
npx tsc --noEmit -p tsconfig.json

step "Lint"
npx eslint --max-warnings=0 .

step "Formatting (Prettier; fix with npm run format)"
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Run: npm run format"; exit 1; }

step "Dead code (knip: unused files, exports and dependencies)"
npx knip --no-progress

step "Unit tests"
npx vitest run --project unit

step "Integration tests (real PostgreSQL)"
npx vitest run --project integration

step "End-to-end tests (Playwright, Chromium)"
bash scripts/test/ensure-chromium.sh
npx playwright test

step "JavaScript budget of the supervisor's roster (150 kB)"
# Reads the production build the end-to-end tests just served.
npx tsx scripts/measure-js.ts

echo
echo "All test tiers passed."
